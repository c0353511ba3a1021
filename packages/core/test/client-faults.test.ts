import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSeatKitClient, isSeatKitError, SeatKitError, type SeatKitClientOptions } from '@seatkit/core';
import { errorBody, fakeFetch, json, member, organization, refused, type Step } from './fake-fetch.js';

const BASE = 'http://seatkit.test';

function client(steps: Step[], options: Partial<SeatKitClientOptions> = {}) {
  const fake = fakeFetch(...steps);
  const getToken = vi.fn(async ({ forceRefresh }: { forceRefresh: boolean }) => (forceRefresh ? 'fresh' : 'stale'));
  const seatkit = createSeatKitClient({
    baseUrl: BASE,
    getToken,
    fetch: fake.fetch,
    // Zero backoff keeps fault tests fast; the Retry-After test below uses fake timers instead.
    retry: { limit: 2, backoffLimit: 0 },
    ...options,
  });
  return { seatkit, getToken, requests: fake.requests };
}

async function failure(promise: Promise<unknown>): Promise<SeatKitError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeatKitError);
  return error as SeatKitError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('network failures', () => {
  it('maps a refused connection to `network` after retrying a read', async () => {
    const { seatkit, requests } = client([refused()]);
    const error = await failure(seatkit.organizations.get({ orgId: 'org_1' }));
    expect(error.code).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.message).toContain('GET /v1/orgs/org_1');
    expect(requests).toHaveLength(3); // the attempt and two retries
  });

  it('maps a real refused port on 127.0.0.1 to `network`', async () => {
    // Take a port the OS just handed out and close it again: nothing listens there now.
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const seatkit = createSeatKitClient({ baseUrl: `http://127.0.0.1:${port}`, getToken: () => null, retry: 0 });
    const error = await failure(seatkit.me());
    expect(error.code).toBe('network');
    expect(isSeatKitError(error, 'network')).toBe(true);
  });

  it('recovers when a retry reaches the server', async () => {
    const { seatkit, requests } = client([refused(), json(200, organization)]);
    await expect(seatkit.organizations.get({ orgId: 'org_1' })).resolves.toEqual(organization);
    expect(requests).toHaveLength(2);
  });

  it('maps a timeout to `timeout`', async () => {
    // A server that never answers: the fetch settles only when ky aborts it.
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    const { seatkit, requests } = client([hang], { timeout: 20 });
    const error = await failure(seatkit.me());
    expect(error.code).toBe('timeout');
    expect(requests).toHaveLength(1); // timeouts are not retried: the server may still be working
  });

  it('maps an abort by the caller to `aborted` and does not retry', async () => {
    const controller = new AbortController();
    const hang = (request: Request) => {
      queueMicrotask(() => controller.abort());
      return new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    };
    const { seatkit, requests } = client([hang]);
    const error = await failure(seatkit.me({ signal: controller.signal }));
    expect(error.code).toBe('aborted');
    expect(requests).toHaveLength(1);
  });

  it('rejects at once with `aborted` when the signal is already aborted', async () => {
    const { seatkit, requests } = client([json(200, organization)]);
    const error = await failure(seatkit.organizations.get({ orgId: 'org_1' }, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(requests).toHaveLength(0);
  });
});

describe('faults inside the client', () => {
  it('reports an error that fetch throws but that is not a TypeError as `internal`, without retrying', async () => {
    const { seatkit, requests } = client([new RangeError('a bug in a fetch wrapper')]);
    const error = await failure(seatkit.organizations.get({ orgId: 'org_1' }));
    expect(error.code).toBe('internal');
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(error.message).toContain('failed inside the client');
    expect(error.message).not.toContain('before a response arrived');
    expect(error.userMessage).not.toMatch(/reach the server/);
    expect(requests).toHaveLength(1);
  });

  it('reports a TypeError that fetch did not throw (a broken fetch answering null) as `internal`', async () => {
    // ky then reads `.ok` of null: a TypeError of the client's own code, as "import_ky.default is not a function" was.
    const brokenFetch = (async () => null) as unknown as typeof globalThis.fetch;
    const seatkit = createSeatKitClient({ baseUrl: BASE, getToken: () => 't', fetch: brokenFetch, retry: { limit: 2, backoffLimit: 0 } });
    const error = await failure(seatkit.me());
    expect(error.code).toBe('internal');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(isSeatKitError(error, 'network')).toBe(false);
  });

  it('still reports a TypeError thrown by fetch itself as `network`', async () => {
    const { seatkit } = client([new TypeError('Failed to fetch')], { retry: 0 });
    expect((await failure(seatkit.me())).code).toBe('network');
  });
});

describe('CORS hint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  /** A page at `pageUrl` whose own fetch answers with `steps`, as far as the client looks. */
  function inBrowserPage(pageUrl: string, ...steps: Step[]) {
    vi.stubGlobal('document', {});
    vi.stubGlobal('location', new URL(pageUrl));
    vi.stubGlobal('fetch', fakeFetch(...steps).fetch);
    return vi.spyOn(console, 'error').mockImplementation(() => undefined);
  }

  it('names both origins and the setting to change, once per API origin, when a cross-origin fetch fails in a browser', async () => {
    const log = inBrowserPage('http://localhost:5173/admin', new TypeError('Failed to fetch'));
    const seatkit = createSeatKitClient({ baseUrl: 'https://api.cors-one.test/seatkit', getToken: () => 't', retry: 1 });
    const error = await failure(seatkit.me());
    expect(error.code).toBe('network');
    expect(log).toHaveBeenCalledTimes(1);
    const sentence = String(log.mock.calls[0]![0]);
    expect(sentence).toContain('http://localhost:5173');
    expect(sentence).toContain('https://api.cors-one.test');
    expect(sentence).toContain('SEATKIT_CORS_ORIGINS');
    expect(sentence).toContain('cors.origins');
    await failure(seatkit.members.list({ orgId: 'org_1' }));
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('says nothing for a same-origin request, a failure that is not a failed fetch, or a fetch the host passed', async () => {
    const log = inBrowserPage('https://app.cors-two.test/', new TypeError('Failed to fetch'));
    const sameOrigin = createSeatKitClient({ baseUrl: 'https://app.cors-two.test/seatkit', getToken: () => 't', retry: 0 });
    expect((await failure(sameOrigin.me())).code).toBe('network');
    const answered = createSeatKitClient({ baseUrl: 'https://api.cors-two.test', getToken: () => 't', fetch: fakeFetch(json(500, 'oops')).fetch, retry: 0 });
    expect((await failure(answered.me())).code).toBe('internal');
    // A test double or an in-page server (Storybook's) is not subject to CORS.
    const ownFetch = createSeatKitClient({ baseUrl: 'https://api.cors-two.test', getToken: () => 't', fetch: fakeFetch(new TypeError('Failed to fetch')).fetch, retry: 0 });
    expect((await failure(ownFetch.me())).code).toBe('network');
    expect(log).not.toHaveBeenCalled();
  });

  it('says nothing in Node', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('fetch', fakeFetch(refused()).fetch);
    const seatkit = createSeatKitClient({ baseUrl: 'http://api.cors-three.test', getToken: () => 't', retry: 0 });
    expect((await failure(seatkit.me())).code).toBe('network');
    expect(log).not.toHaveBeenCalled();
  });
});

describe('retries', () => {
  it('honors Retry-After on a 503, then succeeds', async () => {
    vi.useFakeTimers();
    const { seatkit, requests } = client(
      [json(503, errorBody('internal', 'Down for maintenance'), { 'retry-after': '2' }), json(200, organization)],
      { retry: { limit: 2 } },
    );
    const result = seatkit.organizations.get({ orgId: 'org_1' });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(requests).toHaveLength(1); // still waiting out the 2 s the server asked for
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(organization);
    expect(requests).toHaveLength(2);
  });

  it('retries 408, 429 and 5xx but gives up with the last error', async () => {
    const { seatkit, requests } = client([
      json(408, errorBody('internal', 'slow')),
      json(429, errorBody('rate_limited', 'Slow down'), { 'retry-after': '0' }),
      json(502, errorBody('internal', 'Bad gateway')),
    ]);
    const error = await failure(seatkit.me());
    expect(requests).toHaveLength(3);
    expect(error.code).toBe('internal');
    expect(error.status).toBe(502);
  });

  it('does not retry a client error', async () => {
    const { seatkit, requests } = client([json(409, errorBody('already_member', 'Already a member'))]);
    const error = await failure(
      seatkit.members.add({ orgId: 'org_1', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'member' }),
    );
    expect(error.code).toBe('already_member');
    expect(requests).toHaveLength(1);
  });

  it('sends one Idempotency-Key per logical mutation, reused by its retries', async () => {
    const { seatkit, requests } = client([refused(), json(503, errorBody('internal', 'busy'), { 'retry-after': '0' }), json(201, member)]);
    await seatkit.members.add({ orgId: 'org_1', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'member' });
    expect(requests).toHaveLength(3);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    // Each request carries the same body: ky re-sends a clone, not a consumed stream.
    for (const request of requests) expect(await request.json()).toMatchObject({ email: 'ann@example.com' });
  });

  it('retries `503 unavailable` (the database could not serve it) after its Retry-After, with the same Idempotency-Key', async () => {
    vi.useFakeTimers();
    const { seatkit, requests } = client(
      [json(503, errorBody('unavailable', 'Try again shortly.'), { 'retry-after': '1' }), json(201, member)],
      { retry: { limit: 2 } },
    );
    const result = seatkit.members.add({ orgId: 'org_1', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'member' });
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(1); // still waiting out the second the server asked for
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(member);
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.headers.get('idempotency-key'))).size).toBe(1);
  });

  it('gives up on `unavailable` after its retries with that code, not `internal`', async () => {
    const busy = json(503, errorBody('unavailable', 'Try again shortly.'), { 'retry-after': '0' });
    const { seatkit, requests } = client([busy, busy, busy]);
    const error = await failure(seatkit.me());
    expect(requests).toHaveLength(3);
    expect(error.code).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(isSeatKitError(error, 'unavailable')).toBe(true);
    expect(error.userMessage).toBe('The service is busy right now. Please try again in a moment.');
  });

  it('uses a new key for each logical call and the caller’s key when given', async () => {
    const { seatkit, requests } = client([json(201, member)]);
    const params = { orgId: 'org_1', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'member' };
    await seatkit.members.add(params);
    await seatkit.members.add(params);
    await seatkit.members.add(params, { idempotencyKey: 'invite-ann-once' });
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('invite-ann-once');
  });

  it('makes v4 UUID keys without crypto.randomUUID (insecure browser contexts)', async () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(array: T) => real.getRandomValues(array as never) as T });
    try {
      const { seatkit, requests } = client([json(201, member)]);
      await seatkit.members.add({ orgId: 'org_1', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'member' });
      await seatkit.members.add({ orgId: 'org_1', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'member' });
      const [a, b] = requests.map((r) => r.headers.get('idempotency-key'));
      expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(a).not.toBe(b);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does not send an Idempotency-Key on reads', async () => {
    const { seatkit, requests } = client([json(200, organization)]);
    await seatkit.organizations.get({ orgId: 'org_1' });
    expect(requests[0]!.headers.has('idempotency-key')).toBe(false);
  });

  it('does not retry with retry: 0', async () => {
    const { seatkit, requests } = client([refused()], { retry: 0 });
    expect((await failure(seatkit.me())).code).toBe('network');
    expect(requests).toHaveLength(1);
  });
});

describe('authentication', () => {
  it('calls getToken again after a 401 and retries once', async () => {
    const { seatkit, getToken, requests } = client([
      json(401, errorBody('unauthorized', 'Token expired')),
      json(200, organization),
    ]);
    await expect(seatkit.organizations.get({ orgId: 'org_1' })).resolves.toEqual(organization);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(getToken.mock.calls.map(([context]) => context.forceRefresh)).toEqual([false, true]);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('keeps the Idempotency-Key across the 401 retry of a mutation', async () => {
    const { seatkit, requests } = client([json(401, errorBody('unauthorized', 'Token expired')), json(200, organization)]);
    await seatkit.organizations.transferOwnership({ orgId: 'org_1', memberId: 'mem_2' });
    expect(requests[0]!.headers.get('idempotency-key')).toBe(requests[1]!.headers.get('idempotency-key'));
  });

  it('fails with `unauthorized` when the fresh token is refused too', async () => {
    const { seatkit, getToken, requests } = client([json(401, errorBody('unauthorized', 'Invalid token'))]);
    const error = await failure(seatkit.me());
    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(requests).toHaveLength(2);
  });

  it('sends no Authorization header when getToken returns null', async () => {
    const { seatkit, requests } = client([json(200, organization)], { getToken: () => null });
    await seatkit.organizations.get({ orgId: 'org_1' });
    expect(requests[0]!.headers.has('authorization')).toBe(false);
  });

  it('fails with `unauthorized` without sending when getToken throws', async () => {
    const { seatkit, requests } = client([json(200, organization)], {
      getToken: () => {
        throw new Error('session not loaded');
      },
    });
    const error = await failure(seatkit.me());
    expect(error.code).toBe('unauthorized');
    expect((error.cause as Error).message).toBe('session not loaded');
    expect(requests).toHaveLength(0);
  });

  it('does not ask for a token on public routes and sends the server key on provisioning routes', async () => {
    const preview = {
      organization: { id: 'org_1', name: 'Northwind Dental' },
      email: 'ann@example.com',
      role: 'member',
      roleName: 'Member',
      status: 'pending',
      expiresAt: '2026-11-29T06:00:00.000Z',
      invitedBy: null,
    };
    const product = { id: 'prd_1', key: 'imaging-app', name: 'Imaging App' };
    const { seatkit, getToken, requests } = client([json(200, preview), json(201, product)], { serverKey: 'sk_test' });
    await expect(seatkit.invitations.preview({ token: 'tok/with?odd=chars' })).resolves.toEqual(preview);
    await expect(seatkit.products.create({ key: 'imaging-app', name: 'Imaging App' })).resolves.toEqual(product);
    expect(getToken).not.toHaveBeenCalled();
    expect(requests[0]!.url).toBe(`${BASE}/v1/invitations/tok%2Fwith%3Fodd%3Dchars`);
    expect(requests[0]!.headers.has('authorization')).toBe(false);
    expect(requests[1]!.headers.get('authorization')).toBe('Bearer sk_test');
  });
});

describe('responses', () => {
  it('maps malformed JSON to `invalid_response`', async () => {
    const { seatkit } = client([new Response('{"id": "org_1", ', { status: 200, headers: { 'x-request-id': 'req_9' } })]);
    const error = await failure(seatkit.organizations.get({ orgId: 'org_1' }));
    expect(error.code).toBe('invalid_response');
    expect(error.status).toBe(200);
    expect(error.requestId).toBe('req_9');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('maps a response missing a field to `invalid_response` with the zod issues', async () => {
    const { ownerMemberId: _, ...withoutOwner } = organization;
    const { seatkit } = client([json(200, withoutOwner)]);
    const error = await failure(seatkit.organizations.get({ orgId: 'org_1' }));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('ownerMemberId');
    const { issues } = error.details as { issues: { path: PropertyKey[] }[] };
    expect(issues.map((issue) => issue.path)).toEqual([['ownerMemberId']]);
  });

  it('maps a wrongly typed nested field to `invalid_response`', async () => {
    const { seatkit } = client([json(200, { items: [{ ...member, status: 'deleted' }], nextCursor: null })]);
    const error = await failure(seatkit.members.list({ orgId: 'org_1' }));
    expect(error.code).toBe('invalid_response');
    expect((error.details as { issues: { path: PropertyKey[] }[] }).issues[0]!.path).toEqual(['items', 0, 'status']);
  });

  it('carries the server’s code, message, status, request id and details', async () => {
    const details = { issues: [{ path: ['email'], message: 'Enter a valid email address' }] };
    const { seatkit } = client([json(400, errorBody('validation_failed', 'Invalid body', { details }))]);
    const error = await failure(
      seatkit.members.add({ orgId: 'org_1', email: 'nope', firstName: 'Ann', lastName: 'Lee', role: 'member' }),
    );
    expect(error).toMatchObject({ name: 'SeatKitError', code: 'validation_failed', status: 400, message: 'Invalid body', requestId: 'req_123', details });
    expect(error.userMessage).not.toBe(error.message);
  });

  it('falls back to the status when the error body is not SeatKit’s', async () => {
    const { seatkit } = client([
      new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html', 'x-request-id': 'req_proxy' } }),
    ]);
    const error = await failure(seatkit.members.get({ orgId: 'org_1', memberId: 'mem_404' }));
    expect(error).toMatchObject({ code: 'not_found', status: 404, requestId: 'req_proxy' });
  });

  it('falls back to the status for a code this client does not know', async () => {
    const { seatkit } = client([json(403, errorBody('plan_required', 'Upgrade your plan'))]);
    const error = await failure(seatkit.me());
    expect(error).toMatchObject({ code: 'forbidden', message: 'Upgrade your plan' });
  });

  it('resolves a 204 with undefined', async () => {
    const { seatkit, requests } = client([new Response(null, { status: 204 })]);
    await expect(seatkit.members.remove({ orgId: 'org_1', memberId: 'mem_2' })).resolves.toBeUndefined();
    expect(requests[0]!.method).toBe('DELETE');
    expect(requests[0]!.url).toBe(`${BASE}/v1/orgs/org_1/members/mem_2`);
  });
});

describe('requests', () => {
  it('puts path params in the path, the rest in the query string, and drops undefined', async () => {
    const { seatkit, requests } = client([json(200, { items: [], nextCursor: null })], { baseUrl: `${BASE}/api/` });
    await seatkit.members.list({ orgId: 'org 1', query: 'ann lee', role: 'admin', limit: 20, cursor: undefined });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/v1/orgs/org%201/members');
    expect(Object.fromEntries(url.searchParams)).toEqual({ query: 'ann lee', role: 'admin', limit: '20' });
  });

  it('fails with validation_failed, without sending, when a path id is missing or empty', async () => {
    const { seatkit, requests } = client([json(200, member)]);
    const error = await failure(seatkit.members.get({ orgId: 'org_1', memberId: undefined as unknown as string }));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual({ issues: [{ path: ['memberId'], message: 'Required' }] });
    expect((await failure(seatkit.organizations.get({ orgId: '' }))).code).toBe('validation_failed');
    expect(requests).toHaveLength(0);
  });

  it('sends the rest of a mutation’s params as its JSON body', async () => {
    const { seatkit, requests } = client([json(200, member)], { headers: { 'x-trace': 'abc' } });
    await seatkit.members.update({ orgId: 'org_1', memberId: 'mem_2', role: 'admin', firstName: undefined }, { headers: { 'x-call': '1' } });
    const request = requests[0]!;
    expect(request.method).toBe('PATCH');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('x-trace')).toBe('abc');
    expect(request.headers.get('x-call')).toBe('1');
    expect(await request.json()).toEqual({ role: 'admin' });
  });

  it('walks every page with members.iterate', async () => {
    const page = (ids: string[], nextCursor: string | null) => json(200, { items: ids.map((id) => ({ ...member, id })), nextCursor });
    const { seatkit, requests } = client([page(['a', 'b'], 'c1'), page(['c'], 'c2'), page([], null)]);
    const ids: string[] = [];
    for await (const m of seatkit.members.iterate({ orgId: 'org_1', limit: 2 })) ids.push(m.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(requests.map((r) => new URL(r.url).searchParams.get('cursor'))).toEqual([null, 'c1', 'c2']);
  });
});
