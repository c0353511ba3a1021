import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@seatkit/core/webhooks';
import { createSeatKitServer, silentLogger, type SeatKitServer } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';
import { createTempPgDatabase, OWNER } from './helpers.js';
import { realPostgresUrl } from './security/support.js';
import { startReceiver } from './webhooks-receiver.js';

const PG = realPostgresUrl();

describe.skipIf(!PG)('two instances on one Postgres', () => {
  let servers: SeatKitServer[] = [];
  let drop: () => Promise<void>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    const temp = await createTempPgDatabase();
    drop = temp.drop;
    const options = { auth: { mode: 'dev' as const, secret: 'test-secret' }, serverKey: 'sk_test', appUrl: 'http://app.test', logger: silentLogger, jobs: { intervalMs: 0 }, webhooks: { allowPrivate: true } };
    servers = [
      await createSeatKitServer({ ...options, database: temp.database }),
      await createSeatKitServer({ ...options, database: createPgDatabase({ connectionString: temp.url, max: 10 }) }),
    ];
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await drop?.();
    await receiver?.close();
  });

  it('deliver each event once, whichever instance claims it', async () => {
    const [a, b] = servers as [SeatKitServer, SeatKitServer];
    const demo = await a.seedDemo();
    const call = async (server: SeatKitServer, method: string, path: string, body: unknown, auth: string) =>
      server.fetch(new Request(`http://seatkit.test${path}`, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const endpoint = await (await call(a, 'POST', '/v1/webhook-endpoints', { url: receiver.url, events: ['member.added'] }, 'Bearer sk_test')).json();
    const token = `Bearer ${await a.devToken(OWNER)}`;
    const count = 60;
    for (let i = 0; i < count; i++) {
      const res = await call(i % 2 ? a : b, 'POST', `/v1/orgs/${demo.northwind.orgId}/members`, { email: `twin${i}@example.com`, firstName: 'Twin', lastName: String(i), role: 'member' }, token);
      expect(res.status).toBe(201);
    }
    // Each change's instance attempts its deliveries at once (off the request); both instances also run their jobs at
    // the same time, round after round, until everything arrived.
    for (let round = 0; round < 50 && receiver.received.length < count; round++) await Promise.all([a.runJobs(), b.runJobs()]);
    const ids = receiver.received.map((r) => String(r.headers['webhook-id']));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    for (const r of receiver.received) await verifyWebhook(r.body, r.headers, endpoint.secret);
    // And nothing more on later rounds.
    await Promise.all([a.runJobs(), b.runJobs()]);
    expect(receiver.received).toHaveLength(count);
    // One attempt each, recorded once: no delivery was sent by both instances, nor twice by one.
    const { rows } = await a.database.query<{ attempts: number; recorded: number }>(
      `select d.attempts, (select count(*)::int from webhook_attempts t where t.delivery_id = d.id) as recorded from webhook_deliveries d where d.endpoint_id = $1`,
      [endpoint.id],
    );
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.attempts === 1 && r.recorded === 1)).toBe(true);
  });
});
