/**
 * Volume and delivery guarantees against the real server: pagination over 1,000 members, bulk
 * invites, retried mutations applied once, token refresh and a real socket.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoSeed, SeatKitServer } from '@seatkit/server';
import { startNodeServer } from '@seatkit/server/node';
import { createSeatKitClient, isSeatKitError, type SeatKitClient } from '@seatkit/core';
import { ADMIN, BASE_URL, clientAs, OWNER, serverFetch, startServer, useRealServer } from './real-server.js';

let server: SeatKitServer;
let demo: DemoSeed;
let orgId: string;
let admin: SeatKitClient;

/** Forwards to the real server and records what was sent. */
function recordingFetch() {
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return server.fetch(request);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/**
 * Delivers the first attempt to the real server, then loses its answer the way a dropped
 * connection does (the mutation happened; the client never hears of it). Later attempts pass.
 */
function lossyFetch() {
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    const response = await server.fetch(request);
    if (requests.length === 1) {
      await response.body?.cancel();
      throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    }
    return response;
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const real = useRealServer();
beforeEach(() => {
  ({ server, demo } = real);
  orgId = demo.northwind.orgId;
  admin = clientAs(server, ADMIN);
});

describe('pagination', () => {
  it('iterates over 1,000+ members, each exactly once, page by page', async () => {
    await server.seedMembers(orgId, 1_000);
    const { fetch, requests } = recordingFetch();
    const client = clientAs(server, ADMIN, { fetch });
    const ids: string[] = [];
    for await (const member of client.members.iterate({ orgId, limit: 200 })) ids.push(member.id);
    expect(ids).toHaveLength(1_023); // 1,000 generated + the demo's 23
    expect(new Set(ids).size).toBe(ids.length);
    expect(requests).toHaveLength(6); // 5 full pages of 200 and a last one of 23
  });

  it('agrees with a manual cursor walk and filters while iterating', async () => {
    await server.seedMembers(orgId, 1_000);
    const manual: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.members.list({ orgId, limit: 50, cursor });
      manual.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const iterated: string[] = [];
    for await (const member of admin.members.iterate({ orgId, limit: 50 })) iterated.push(member.id);
    expect(iterated).toEqual(manual);

    const admins: string[] = [];
    for await (const member of admin.members.iterate({ orgId, role: 'admin' })) admins.push(member.email);
    expect(admins).toEqual([ADMIN]);
  });

  it('stops iterating when the signal aborts', async () => {
    await server.seedMembers(orgId, 1_000);
    const controller = new AbortController();
    let seen = 0;
    const error = await (async () => {
      for await (const _ of admin.members.iterate({ orgId, limit: 100 }, { signal: controller.signal })) {
        if (++seen === 150) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(isSeatKitError(error, 'aborted')).toBe(true);
    expect(seen).toBe(200); // the page in hand finishes; the next one is never fetched
  });
});

describe('bulk invitations', () => {
  const invitations = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@bulk.test`, role: i % 10 === 0 ? 'admin' : 'member' }));

  it('invites 100 people in one call, with one result and one email each', async () => {
    const before = (await server.mailbox()).length;
    const { fetch, requests } = recordingFetch();
    const { results } = await clientAs(server, ADMIN, { fetch }).invitations.create({ orgId, invitations: invitations(100, 'p') });
    expect(requests).toHaveLength(1);
    expect(results).toHaveLength(100);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.email)).toEqual(invitations(100, 'p').map((i) => i.email));
    expect((await server.mailbox()).length - before).toBe(100);
  });

  it('splits 250 invitations into batches of 100 with derived keys, results in order', async () => {
    const { fetch, requests } = recordingFetch();
    const input = invitations(250, 'q');
    input[120] = { email: 'not-an-email', role: 'member' };
    const { results } = await clientAs(server, ADMIN, { fetch }).invitations.create({ orgId, invitations: input }, { idempotencyKey: 'bulk-1' });
    expect(results).toHaveLength(250);
    expect(results.map((r) => r.email)).toEqual(input.map((i) => i.email));
    expect(results.filter((r) => !r.ok).map((r) => r.email)).toEqual(['not-an-email']);
    expect(requests.map((r) => r.headers.get('idempotency-key'))).toEqual(['bulk-1', 'bulk-1:1', 'bulk-1:2']);
    const pending = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await admin.invitations.list({ orgId, status: 'pending', limit: 200, cursor });
      pending.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    }
    expect(pending.filter((i) => i.email.endsWith('@bulk.test'))).toHaveLength(249);
  });
});

describe('resuming a batched bulk invite', () => {
  it('replays the applied batches when the call is repeated with the same key', async () => {
    const input = Array.from({ length: 150 }, (_, i) => ({ email: `r${i}@resume.test`, role: 'member' }));
    // The network dies after the first batch went through.
    let calls = 0;
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (++calls > 1) throw new TypeError('fetch failed');
      return server.fetch(new Request(input, init));
    }) as typeof globalThis.fetch;
    const failed = await clientAs(server, ADMIN, { fetch: flaky, retry: 0 })
      .invitations.create({ orgId, invitations: input }, { idempotencyKey: 'resume-1' })
      .catch((e: unknown) => e);
    expect(isSeatKitError(failed, 'network')).toBe(true);

    const sent: { key: string | null; replayed: string | null }[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const response = await server.fetch(request);
      sent.push({ key: request.headers.get('idempotency-key'), replayed: response.headers.get('idempotent-replayed') });
      return response;
    }) as typeof globalThis.fetch;
    const { results } = await clientAs(server, ADMIN, { fetch }).invitations.create({ orgId, invitations: input }, { idempotencyKey: 'resume-1' });
    expect(results).toHaveLength(150);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sent).toEqual([
      { key: 'resume-1', replayed: 'true' },
      { key: 'resume-1:1', replayed: null },
    ]);
    const mails = (await server.mailbox()).filter((mail) => mail.to.endsWith('@resume.test'));
    expect(mails).toHaveLength(150); // the first 100 were not sent twice
  });
});

describe('retried mutations are applied once', () => {
  it('adds a member once when the first answer is lost', async () => {
    const { fetch, requests } = lossyFetch();
    const client = clientAs(server, ADMIN, { fetch });
    const member = await client.members.add({ orgId, email: 'once@example.com', firstName: 'Once', lastName: 'Only', role: 'member' });
    expect(member.email).toBe('once@example.com');
    expect(requests).toHaveLength(2);
    expect(requests[1]!.headers.get('idempotency-key')).toBe(requests[0]!.headers.get('idempotency-key'));
    // The retry replayed the first result instead of failing with already_member; one welcome email.
    expect((await admin.members.list({ orgId, query: 'once@example.com' })).items).toHaveLength(1);
    expect((await server.mailbox()).filter((mail) => mail.to === 'once@example.com')).toHaveLength(1);
  });

  it('sends an invitation email once when the first answer is lost', async () => {
    const { fetch } = lossyFetch();
    const { results } = await clientAs(server, ADMIN, { fetch }).invitations.create({ orgId, invitations: [{ email: 'invite-once@example.com', role: 'member' }] });
    expect(results[0]!.ok).toBe(true);
    expect((await server.mailbox()).filter((mail) => mail.to === 'invite-once@example.com')).toHaveLength(1);
  });

  it('takes one seat once when the first answer is lost', async () => {
    const { fetch } = lossyFetch();
    const subscriptionId = demo.northwind.subscriptions.imagingCloud;
    const { results } = await clientAs(server, ADMIN, { fetch }).seats.assign({ orgId, subscriptionId, memberIds: [demo.northwind.memberMemberId] });
    expect(results[0]).toMatchObject({ ok: true }); // not already_assigned: the first result was replayed
    const cloud = (await admin.subscriptions.list({ orgId })).items.find((s) => s.id === subscriptionId)!;
    expect(cloud.seats.assigned).toBe(1);
  });

  it('answers idempotency_conflict when a key is reused for a different request', async () => {
    await admin.members.add({ orgId, email: 'k1@example.com', firstName: 'K', lastName: 'One', role: 'member' }, { idempotencyKey: 'same-key' });
    const error = await admin.members
      .add({ orgId, email: 'k2@example.com', firstName: 'K', lastName: 'Two', role: 'member' }, { idempotencyKey: 'same-key' })
      .catch((e: unknown) => e);
    expect(isSeatKitError(error, 'idempotency_conflict')).toBe(true);
  });
});

describe('authentication against the real server', () => {
  it('refreshes a rejected token once and succeeds', async () => {
    const tokens: string[] = [];
    const client = createSeatKitClient({
      baseUrl: BASE_URL,
      fetch: serverFetch(server),
      getToken: async ({ forceRefresh }) => {
        const token = forceRefresh ? await server.devToken(OWNER) : 'expired.token';
        tokens.push(token);
        return token;
      },
    });
    expect((await client.me()).user.email).toBe(OWNER);
    expect(tokens).toHaveLength(2);
  });
});

describe('over a real socket', () => {
  it('talks to startNodeServer over HTTP with the global fetch', async () => {
    const httpServer = await startServer();
    const { url, close } = await startNodeServer(httpServer, { port: 0 });
    try {
      const seeded = await httpServer.seedDemo();
      const client = createSeatKitClient({ baseUrl: url, getToken: () => httpServer.devToken(OWNER) });
      const { items } = await client.members.list({ orgId: seeded.northwind.orgId, role: 'owner' });
      expect(items.map((m) => m.email)).toEqual([OWNER]);
      const error = await client.members.get({ orgId: seeded.northwind.orgId, memberId: 'mem_nope' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'not_found', status: 404 });
      expect((error as { requestId?: string }).requestId).toMatch(/.+/);
    } finally {
      await close();
    }
  });
});

describe('bulk seat assignment', () => {
  it('splits members and invitations into batches of 100 in all, members first, results in order', async () => {
    const provisioning = clientAs(server, null, { serverKey: 'sk_test' });
    const subscription = await provisioning.subscriptions.create({ orgId, productKey: 'imaging-cloud', seatLimit: 500 });
    await server.seedMembers(orgId, 130);
    const members: string[] = [];
    for await (const member of admin.members.iterate({ orgId, limit: 200 })) members.push(member.id);
    const memberIds = members.slice(0, 130);
    const created = await admin.invitations.create({
      orgId,
      invitations: Array.from({ length: 40 }, (_, i) => ({ email: `held${i}@bulk.test`, role: 'member' })),
    });
    const invitationIds = created.results.map((r) => (r.ok ? r.invitation.id : ''));

    const { fetch, requests } = recordingFetch();
    const { results } = await clientAs(server, ADMIN, { fetch }).seats.assign(
      { orgId, subscriptionId: subscription.id, memberIds, invitationIds },
      { idempotencyKey: 'seats-1' },
    );
    const bodies = await Promise.all(requests.map(async (r) => (await r.json()) as { memberIds?: string[]; invitationIds?: string[] }));
    expect(bodies.map((b) => [b.memberIds?.length ?? 0, b.invitationIds?.length ?? 0])).toEqual([[100, 0], [30, 40]]);
    expect(requests.map((r) => r.headers.get('idempotency-key'))).toEqual(['seats-1', 'seats-1:1']);
    expect(results.map((r) => ('memberId' in r ? r.memberId : r.invitationId))).toEqual([...memberIds, ...invitationIds]);
    expect(results.every((r) => r.ok)).toBe(true);
    const after = (await admin.subscriptions.list({ orgId })).items.find((s) => s.id === subscription.id)!;
    expect(after.seats).toMatchObject({ assigned: 130, reserved: 40 });
  });
});
