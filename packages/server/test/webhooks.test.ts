import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '@seatkit/core/contract';
import { verifyWebhook, type WebhookEvent } from '@seatkit/core/webhooks';
import { WEBHOOK_RETRY_DELAYS_MS } from '../src/webhooks/delivery.js';
import { ADMIN, forEachDatabase, MEMBER, OWNER, tokenFrom, type Harness } from './helpers.js';
import { startReceiver } from './webhooks-receiver.js';

const receiver = await startReceiver();
afterAll(() => receiver.close());

async function createEndpoint(h: Harness, body: Record<string, unknown> = {}) {
  const res = await h.call('POST', '/v1/webhook-endpoints', { serverKey: true, body: { url: receiver.url, ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string };
}

/**
 * Runs the jobs until `done()` holds: the state, not a time, ends the wait (at most 50 runs). Each run first waits for
 * the deliveries the server attempts at once after a change, so a receipt is recorded before `done()` reads it.
 */
async function runJobsUntil(h: Harness, done: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 50; i++) {
    await h.server.runJobs();
    if (await done()) return;
  }
  expect(await done()).toBe(true);
}

const serverNow = (h: Harness) => new Date(Date.now() + h.clock.offsetMs);

async function verified(h: Harness, secret: string | string[], from = 0): Promise<(WebhookEvent & { webhookId: string })[]> {
  return Promise.all(
    receiver.received.slice(from).map(async (r) => ({ ...(await verifyWebhook(r.body, r.headers, secret, { now: serverNow(h) })), webhookId: String(r.headers['webhook-id']) })),
  );
}

forEachDatabase(
  (h) => {
    beforeEach(() => {
      receiver.received.length = 0;
      receiver.answers.length = 0;
    });

    it('the trigger announces exactly the contract event types', async () => {
      const { rows } = await h().server.database.query<{ types: string[] }>(`select seatkit_webhook_event_types() as types`);
      expect(rows[0]!.types).toEqual([...WEBHOOK_EVENT_TYPES]);
    });

    it('a receiver gets every event type, once per audited change, signed, with the resource', async () => {
      const { secret } = await createEndpoint(h());
      const nw = h().demo.northwind;
      const owner = { as: OWNER };
      const added = await h().call('POST', h().nw('/members'), { ...owner, body: { email: 'hook@example.com', firstName: 'Hook', lastName: 'Test', role: 'member' } });
      expect(added.status).toBe(201);
      expect((await h().call('PATCH', h().nw(`/members/${added.body.id}`), { ...owner, body: { firstName: 'Hooked' } })).status).toBe(200);
      const invited = await h().call('POST', h().nw('/invitations'), { ...owner, body: { invitations: [{ email: 'later@example.com', role: 'member' }] } });
      expect(invited.body.results[0].ok).toBe(true);
      expect((await h().call('DELETE', h().nw(`/invitations/${invited.body.results[0].invitation.id}`), owner)).status).toBe(200);
      const invitation = (await h().server.mailbox()).find((m) => m.to === 'new.hire@northwind.test')!;
      expect((await h().call('POST', `/v1/invitations/${tokenFrom(invitation.text)}/accept`, { as: 'new.hire@northwind.test' })).status).toBe(200);
      const assigned = await h().call('POST', h().nw(`/subscriptions/${nw.subscriptions.imagingCloud}/seats`), { ...owner, body: { memberIds: [added.body.id] } });
      expect(assigned.body.results[0].ok).toBe(true);
      expect((await h().call('DELETE', h().nw(`/subscriptions/${nw.subscriptions.imagingApp}/seats/${nw.memberMemberId}`), owner)).status).toBe(204);
      expect((await h().call('PATCH', h().nw(`/subscriptions/${nw.subscriptions.imagingApp}`), { serverKey: true, body: { seatLimit: 12 } })).status).toBe(200);
      // The seat lifecycle: a request denied, the seeded one approved, and an idle seat (assigned 40 days ago, never used) reclaimed.
      const asked = await h().call('POST', h().nw('/seat-requests'), { as: MEMBER, body: { product: 'imaging-cloud', note: 'Thursdays' } });
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      expect((await h().call('POST', h().nw(`/seat-requests/${asked.body.id}/deny`), { ...owner, body: { reason: 'Not now' } })).status).toBe(200);
      await h().server.database.query(`update seat_assignments set assigned_at = now() - interval '40 days', last_used_at = null where member_id = $1`, [added.body.id]);
      const reclaimed = await h().call('POST', h().nw(`/subscriptions/${nw.subscriptions.imagingCloud}/reclaim`), { ...owner, body: { idleDays: 30, memberIds: [added.body.id] } });
      expect(reclaimed.body.results, JSON.stringify(reclaimed.body)).toMatchObject([{ ok: true, memberId: added.body.id }]);
      const approved = await h().call('POST', h().nw(`/seat-requests/${nw.pendingSeatRequestId}/approve`), { ...owner, body: {} });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect((await h().call('DELETE', h().nw(`/members/${nw.memberMemberId}`), owner)).status).toBe(204);
      expect((await h().call('POST', h().nw('/ownership'), { ...owner, body: { memberId: nw.adminMemberId } })).status).toBe(200);

      // What the audit trail says happened, in the announced types: every such row is one webhook.
      const { rows: audited } = await h().server.database.query<{ id: string; action: string; target_id: string }>(
        `select id, seatkit_webhook_event_type(action) as action, target_id from audit_events
          where seatkit_webhook_event_type(action) = any($1) and created_at >= (select created_at from webhook_endpoints limit 1) order by seq`,
        [[...WEBHOOK_EVENT_TYPES]],
      );
      await runJobsUntil(h(), () => receiver.received.length >= audited.length);
      const events = await verified(h(), secret);
      expect(events.map((e) => e.webhookId).sort()).toEqual(audited.map((a) => a.id).sort());
      expect(new Set(events.map((e) => e.type))).toEqual(new Set(WEBHOOK_EVENT_TYPES));
      for (const a of audited) {
        const event = events.find((e) => e.webhookId === a.id)!;
        expect(event.type).toBe(a.action);
        expect(event.orgId).toBe(nw.orgId);
        expect(event.data.id).toBe(a.target_id);
      }
      const byType = (type: string) => events.find((e) => e.type === type)!;
      expect(byType('member.added').data).toMatchObject({ object: 'member', actor: { email: OWNER }, resource: { email: 'hook@example.com', firstName: 'Hook' } });
      // The resource as the change left it (read in the change's transaction), not as it is when delivered.
      expect(byType('member.updated').data.resource).toMatchObject({ firstName: 'Hooked' });
      expect(byType('member.updated').data.details).toEqual({ changes: { firstName: true } });
      // A removed member is gone: its last known email and role travel in the audit details.
      expect(byType('member.removed').data).toMatchObject({ resource: null, details: { email: MEMBER } });
      expect(byType('seat.assigned').data).toMatchObject({ details: { subscriptionId: nw.subscriptions.imagingCloud }, resource: { subscriptionIds: expect.arrayContaining([nw.subscriptions.imagingCloud]) } });
      expect(byType('subscription.updated').data).toMatchObject({ object: 'subscription', actor: { email: 'server' }, resource: { seatLimit: 12 } });
      expect(byType('organization.ownership_transferred').data.resource).toMatchObject({ email: ADMIN, role: 'owner' });
      expect(byType('seat_request.created').data).toMatchObject({ object: 'seat_request', id: asked.body.id, actor: { email: MEMBER }, details: { product: 'imaging-cloud' } });
      // Approval and denial are one type; the request's status says which.
      const resolved = events.filter((e) => e.type === 'seat_request.resolved');
      expect(resolved.map((e) => [e.data.id, e.data.resource?.status]).sort()).toEqual(
        [[asked.body.id, 'denied'], [nw.pendingSeatRequestId, 'approved']].sort(),
      );
      expect(resolved.find((e) => e.data.id === asked.body.id)!.data.resource).toMatchObject({ denyReason: 'Not now', productKey: 'imaging-cloud' });
      expect(byType('seat.reclaimed').data).toMatchObject({ object: 'member', id: added.body.id, details: { subscriptionId: nw.subscriptions.imagingCloud, idleDays: 30 } });
      // Nothing more arrives on the next runs: each change once.
      await h().server.runJobs();
      expect(receiver.received).toHaveLength(audited.length);
    });

    it('a receiver answering 500 then 200 gets the same webhook-id twice, on the retry schedule', async () => {
      const { id, secret } = await createEndpoint(h(), { events: ['member.added'] });
      receiver.answers.push(500);
      await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'retry@example.com', firstName: 'Re', lastName: 'Try', role: 'member' } });
      await runJobsUntil(h(), () => receiver.received.length === 1);
      const first = await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { serverKey: true });
      expect(first.body.items[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'The endpoint answered 500' });
      expect(Date.parse(first.body.items[0].nextAttemptAt) - Date.parse(first.body.items[0].createdAt)).toBeGreaterThanOrEqual(WEBHOOK_RETRY_DELAYS_MS[0]);
      // Not due yet: nothing is sent.
      await h().server.runJobs();
      expect(receiver.received).toHaveLength(1);
      h().clock.offsetMs += WEBHOOK_RETRY_DELAYS_MS[0] + 1000;
      await runJobsUntil(h(), () => receiver.received.length === 2);
      const [a, b] = receiver.received;
      expect(a!.headers['webhook-id']).toBe(b!.headers['webhook-id']);
      expect((await verified(h(), secret, 1))[0]!.type).toBe('member.added');
      const after = await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { serverKey: true });
      expect(after.body.items[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null, webhookId: a!.headers['webhook-id'] });
      // Both attempts, each with its answer, its duration and its error.
      const history = after.body.items[0].attemptHistory as { attempt: number; attemptedAt: string; statusCode: number; durationMs: number; error: string | null }[];
      expect(history).toMatchObject([
        { attempt: 1, statusCode: 500, error: 'The endpoint answered 500' },
        { attempt: 2, statusCode: 200, error: null },
      ]);
      for (const t of history) expect(t.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(history[1]!.attemptedAt) - Date.parse(history[0]!.attemptedAt)).toBeGreaterThanOrEqual(WEBHOOK_RETRY_DELAYS_MS[0]);
    });

    it('the first attempt goes out at once, from the instance that made the change, with no job run', async () => {
      const { id } = await createEndpoint(h(), { events: ['member.added'] });
      const added = await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'now@example.com', firstName: 'Right', lastName: 'Now', role: 'member' } });
      expect(added.status).toBe(201);
      // The jobs' timer is off in these tests (jobs.intervalMs 0) and nothing here runs them: only the change's own kick can send it.
      await vi.waitFor(async () => {
        const items = (await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { serverKey: true })).body.items;
        expect(items[0]).toMatchObject({ status: 'delivered', attempts: 1, attemptHistory: [{ attempt: 1, statusCode: 200 }] });
      }, { timeout: 20_000, interval: 20 });
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'member.added', data: { id: added.body.id } });
    });

    it('deliveries and their attempts are purged after the retention (30 days by default)', async () => {
      const { id } = await createEndpoint(h(), { events: ['member.updated'] });
      for (const firstName of ['Old', 'Older', 'New']) {
        await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { firstName } });
      }
      await runJobsUntil(h(), () => receiver.received.length === 3);
      const db = h().server.database;
      const { rows: made } = await db.query<{ id: string }>(`select id from webhook_deliveries where endpoint_id = $1 order by seq`, [id]);
      expect(made).toHaveLength(3);
      // Two made 31 days ago (one of them still pending: an endpoint disabled that long), one 29 days ago.
      await db.query(`update webhook_deliveries set created_at = $2 where id = any($1)`, [[made[0]!.id, made[1]!.id], new Date(serverNow(h()).getTime() - 31 * 86_400_000)]);
      await db.query(`update webhook_deliveries set status = 'pending' where id = $1`, [made[1]!.id]);
      await db.query(`update webhook_deliveries set created_at = $2 where id = $1`, [made[2]!.id, new Date(serverNow(h()).getTime() - 29 * 86_400_000)]);
      const result = await h().server.runJobs();
      expect(result.purgeWebhookDeliveries).toBe(2);
      expect((await db.query<{ id: string }>(`select id from webhook_deliveries where endpoint_id = $1`, [id])).rows).toEqual([{ id: made[2]!.id }]);
      const attempts = await db.query<{ delivery_id: string }>(`select delivery_id from webhook_attempts where delivery_id = any($1)`, [made.map((m) => m.id)]);
      expect(attempts.rows).toEqual([{ delivery_id: made[2]!.id }]);
      const listed = (await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { serverKey: true })).body.items;
      expect(listed.map((d: { id: string }) => d.id)).toEqual([made[2]!.id]);
    });

    it('follows the whole schedule, then fails the delivery; 5 days of failures disable the endpoint; a retry sends again', async () => {
      const { id } = await createEndpoint(h(), { events: ['member.added'] });
      receiver.answers.push(...Array<number>(20).fill(503));
      await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'down@example.com', firstName: 'Do', lastName: 'Wn', role: 'member' } });
      const delivery = async () => (await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { serverKey: true })).body.items[0];
      const delays: number[] = [];
      for (let attempt = 1; attempt <= WEBHOOK_RETRY_DELAYS_MS.length + 1; attempt++) {
        await runJobsUntil(h(), () => receiver.received.length === attempt);
        const d = await delivery();
        expect(d.attempts).toBe(attempt);
        if (d.nextAttemptAt === null) break;
        const wait = Date.parse(d.nextAttemptAt) - serverNow(h()).getTime();
        delays.push(wait);
        h().clock.offsetMs += wait + 1;
      }
      // Each wait is the schedule's (less the few ms the attempt took).
      expect(delays).toHaveLength(WEBHOOK_RETRY_DELAYS_MS.length);
      delays.forEach((d, i) => expect(Math.abs(d - WEBHOOK_RETRY_DELAYS_MS[i]!)).toBeLessThan(2000));
      const failed = await delivery();
      expect(failed).toMatchObject({ status: 'failed', attempts: 8, nextAttemptAt: null });
      expect(failed.attemptHistory.map((t: { attempt: number; statusCode: number; error: string }) => [t.attempt, t.statusCode, t.error])).toEqual(
        Array.from({ length: 8 }, (_, i) => [i + 1, 503, 'The endpoint answered 503']),
      );
      // The attempts spanned 27.6 hours; the endpoint is failing, not yet disabled.
      const endpoint = await h().call('GET', `/v1/webhook-endpoints/${id}`, { serverKey: true });
      expect(endpoint.body).toMatchObject({ enabled: true, disabledReason: null });
      expect(endpoint.body.failingSince).not.toBeNull();

      // Past 5 days of failures, the next failing attempt disables it.
      h().clock.offsetMs += Date.parse(endpoint.body.failingSince) + 5 * 24 * 3600_000 + 60_000 - serverNow(h()).getTime();
      const retried = await h().call('POST', `/v1/webhook-endpoints/${id}/deliveries/${(await delivery()).id}/retry`, { serverKey: true });
      expect(retried.body).toMatchObject({ status: 'pending' });
      await runJobsUntil(h(), () => receiver.received.length === 9);
      expect((await h().call('GET', `/v1/webhook-endpoints/${id}`, { serverKey: true })).body).toMatchObject({ enabled: false, disabledReason: 'failing' });
      // A disabled endpoint gets nothing; enabling it clears the flag.
      const enabled = await h().call('PATCH', `/v1/webhook-endpoints/${id}`, { serverKey: true, body: { enabled: true } });
      expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    });

    it('a rolled-back change announces nothing', async () => {
      await createEndpoint(h());
      const before = (await h().server.database.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries`)).rows[0]!.n;
      await expect(
        h().server.database.transaction(async (tx) => {
          await tx.query(
            `insert into audit_events (org_id, action, target_type, target_id, data) values ($1, 'member.added', 'member', $2, '{}')`,
            [h().demo.northwind.orgId, h().demo.northwind.memberMemberId],
          );
          const inside = await tx.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries`);
          expect(inside.rows[0]!.n).toBe(before + 1);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // A refused request (no seat left) neither.
      const full = await h().call('PATCH', h().nw(`/subscriptions/${h().demo.northwind.subscriptions.imagingApp}`), { serverKey: true, body: { seatLimit: 0 } });
      expect(full.status).toBe(409);
      expect((await h().server.database.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries`)).rows[0]!.n).toBe(before);
    });

    it('rotation: both secrets sign for 24 hours, then only the new one', async () => {
      const { id, secret: oldSecret } = await createEndpoint(h(), { events: ['member.updated'] });
      const rotated = await h().call('POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { serverKey: true });
      expect(rotated.status).toBe(200);
      const newSecret = rotated.body.secret as string;
      expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(newSecret).not.toBe(oldSecret);
      const rename = (firstName: string) => h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { firstName } });
      await rename('Two');
      await runJobsUntil(h(), () => receiver.received.length === 1);
      expect(String(receiver.received[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
      await verified(h(), oldSecret);
      await verified(h(), newSecret);
      h().clock.offsetMs += 24 * 3600_000 + 60_000;
      await rename('One');
      await runJobsUntil(h(), () => receiver.received.length === 2);
      expect(String(receiver.received[1]!.headers['webhook-signature']).split(' ')).toHaveLength(1);
      await verified(h(), newSecret, 1);
      await expect(verified(h(), oldSecret, 1)).rejects.toMatchObject({ code: 'invalid_signature' });
    });

    it('the secret is never in an answer but the first, nor in a stored row', async () => {
      const { id, secret } = await createEndpoint(h(), { description: 'CRM sync', orgId: h().demo.northwind.orgId });
      const answers = [
        await h().call('GET', '/v1/webhook-endpoints', { serverKey: true }),
        await h().call('GET', `/v1/webhook-endpoints/${id}`, { serverKey: true }),
        await h().call('PATCH', `/v1/webhook-endpoints/${id}`, { serverKey: true, body: { description: 'CRM' } }),
        await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { serverKey: true }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(JSON.stringify(answer.body)).not.toContain(secret.slice('whsec_'.length, 20));
        expect(JSON.stringify(answer.body)).not.toMatch(/whsec_|sealed/);
      }
      const { rows } = await h().server.database.query(`select row_to_json(e)::text as row from webhook_endpoints e`);
      for (const r of rows as { row: string }[]) expect(r.row).not.toContain(secret.slice('whsec_'.length));
      const audit = await h().server.database.query(`select data::text as data from audit_events where target_type = 'webhook_endpoint'`);
      for (const r of audit.rows as { data: string }[]) expect(r.data).not.toContain(secret.slice('whsec_'.length));
    });

    it('endpoints: scoped to an organization and to event types; lists page with a cursor; unknown ids are not_found', async () => {
      const { id } = await createEndpoint(h(), { orgId: h().demo.lakeside.orgId, events: ['member.added'] });
      await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'nw@example.com', firstName: 'N', lastName: 'W', role: 'member' } });
      const lakeside = `/v1/orgs/${h().demo.lakeside.orgId}`;
      for (let i = 0; i < 3; i++) {
        await h().call('POST', `${lakeside}/members`, { as: 'owner@lakeside.test', body: { email: `ls${i}@example.com`, firstName: 'L', lastName: `${i}`, role: 'member' } });
      }
      const page1 = await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries?limit=2`, { serverKey: true });
      expect(page1.body.items).toHaveLength(2);
      const page2 = await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries?limit=2&cursor=${page1.body.nextCursor}`, { serverKey: true });
      expect(page2.body).toMatchObject({ items: [{ eventType: 'member.added', orgId: h().demo.lakeside.orgId }], nextCursor: null });
      expect((await h().call('GET', '/v1/webhook-endpoints/whe_nope', { serverKey: true })).body.error.code).toBe('not_found');
      expect((await h().call('POST', `/v1/webhook-endpoints/${id}/deliveries/whd_nope/retry`, { serverKey: true })).body.error.code).toBe('not_found');
      const bad = await h().call('POST', '/v1/webhook-endpoints', { serverKey: true, body: { url: receiver.url, events: ['member.teleported'] } });
      expect(bad.body.error.code).toBe('validation_failed');
      expect((await h().call('DELETE', `/v1/webhook-endpoints/${id}`, { serverKey: true })).status).toBe(204);
      expect((await h().server.database.query(`select 1 from webhook_deliveries where endpoint_id = $1`, [id])).rows).toHaveLength(0);
    });
  },
  { webhooks: { allowPrivate: true } },
);

