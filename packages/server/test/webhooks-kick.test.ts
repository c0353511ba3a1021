import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type Database, type DemoSeed, type SeatKitServer } from '@seatkit/server';
import { WEBHOOK_ENDPOINTS_RECHECK_MS } from '../src/webhooks/delivery.js';
import { createTempPgDatabase, databaseTargets, OWNER } from './helpers.js';
import { startReceiver } from './webhooks-receiver.js';

/**
 * The at-once webhook attempt after each write costs nothing when there is nothing to deliver: with no endpoint, a
 * write sends no webhook statement at all (the kicker looks at the endpoints once per WEBHOOK_ENDPOINTS_RECHECK_MS),
 * and with one, delivery is still at once. Two instances on one database, each with its own clock.
 */

/** One instance's view of the database: the statements it sends outside transactions (the kicker's) are recorded. */
function logged(database: Database, log: string[], owner: boolean): Database {
  return {
    kind: database.kind,
    query: (sql, params) => {
      log.push(sql.replace(/\s+/g, ' ').trim());
      return database.query(sql, params);
    },
    exec: (sql) => database.exec(sql),
    transaction: (fn) => database.transaction(fn),
    // The database is closed once, by the instance that owns it.
    close: () => (owner ? database.close() : Promise.resolve()),
  };
}

const webhookStatements = (log: string[]) => log.filter((sql) => /webhook_(deliveries|endpoints)/.test(sql));
const isClaim = (sql: string) => sql.includes('update webhook_deliveries d set locked_at');

for (const kind of databaseTargets()) {
  describe(`${kind}: the at-once webhook attempt`, () => {
    const instances: { server: SeatKitServer; log: string[]; offsetMs: number }[] = [];
    let demo: DemoSeed;
    let drop: (() => Promise<void>) | undefined;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let token: string;

    beforeAll(async () => {
      receiver = await startReceiver();
      let database: Database;
      if (kind === 'pglite') database = await createPGliteDatabase();
      else ({ database, drop } = await createTempPgDatabase());
      for (const owner of [true, false]) {
        const instance = { log: [] as string[], offsetMs: 0 } as (typeof instances)[number];
        instance.server = await createSeatKitServer({
          database: logged(database, instance.log, owner),
          auth: { mode: 'dev', secret: 'test-secret' },
          serverKey: 'sk_test',
          appUrl: 'http://app.test',
          logger: silentLogger,
          now: () => new Date(Date.now() + instance.offsetMs),
          // No timer: only the kicks (and the explicit runJobs below) send anything.
          jobs: { intervalMs: 0 },
          webhooks: { allowPrivate: true },
        });
        instances.push(instance);
      }
      demo = await instances[0]!.server.seedDemo();
      token = await instances[0]!.server.devToken(OWNER);
    });
    afterAll(async () => {
      for (const { server } of [...instances].reverse()) await server.close();
      await drop?.();
      await receiver?.close();
    });

    const rename = async (server: SeatKitServer, firstName: string) => {
      const res = await server.fetch(
        new Request(`http://seatkit.test/v1/orgs/${demo.northwind.orgId}/members/${demo.northwind.memberMemberId}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ firstName }),
        }),
      );
      expect(res.status).toBe(200);
    };
    const pending = async () =>
      Number((await instances[0]!.server.database.query<{ n: string }>(`select count(*) as n from webhook_deliveries where status = 'pending'`)).rows[0]!.n);

    it('with no endpoint, a write sends no claim: one look at the endpoints per instance, then no webhook statement at all', async () => {
      for (const { server, log } of instances) {
        log.length = 0;
        for (let i = 0; i < 5; i++) await rename(server, `Quiet${i}`);
        // runJobs first waits for what the kicks started; the jobs' own statements run in transactions (not recorded).
        await server.runJobs();
        const sent = webhookStatements(log);
        expect(sent).toHaveLength(1);
        expect(sent[0]).toMatch(/^select exists \(select 1 from webhook_endpoints where enabled/);

        log.length = 0;
        for (let i = 0; i < 5; i++) await rename(server, `Still${i}`);
        await server.runJobs();
        expect(webhookStatements(log)).toEqual([]);
      }
    });

    it('an endpoint created on an instance: that instance delivers its next change at once', async () => {
      const [a] = instances as [(typeof instances)[number]];
      const created = await a.server.fetch(
        new Request('http://seatkit.test/v1/webhook-endpoints', {
          method: 'POST',
          headers: { authorization: 'Bearer sk_test', 'content-type': 'application/json' },
          body: JSON.stringify({ url: receiver.url, events: ['member.updated'] }),
        }),
      );
      expect(created.status).toBe(201);
      a.log.length = 0;
      await rename(a.server, 'Loud');
      // No job runs here: only the change's own kick can send it.
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 20_000, interval: 20 });
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'member.updated', data: { resource: { firstName: 'Loud' } } });
      expect(a.log.filter(isClaim).length).toBeGreaterThanOrEqual(1);
      // Recorded once the receiver answered.
      await vi.waitFor(async () => expect(await pending()).toBe(0), { timeout: 20_000, interval: 20 });
    });

    it('the other instance sees the endpoint within the recheck interval; its changes meanwhile are queued, then sent at once', async () => {
      const b = instances[1]!;
      b.log.length = 0;
      // B learned "no endpoint" in the first test and trusts it for WEBHOOK_ENDPOINTS_RECHECK_MS: its kick does nothing,
      // and the delivery waits (for the jobs, or B's next look).
      await rename(b.server, 'Queued');
      expect(webhookStatements(b.log)).toEqual([]);
      expect(await pending()).toBe(1);

      b.offsetMs += WEBHOOK_ENDPOINTS_RECHECK_MS;
      await rename(b.server, 'Seen');
      await vi.waitFor(() => expect(receiver.received).toHaveLength(3), { timeout: 20_000, interval: 20 });
      const names = receiver.received.slice(1).map((r) => (JSON.parse(r.body) as { data: { resource: { firstName: string } } }).data.resource.firstName);
      expect(names.sort()).toEqual(['Queued', 'Seen']);
      expect(webhookStatements(b.log)[0]).toMatch(/^select exists \(select 1 from webhook_endpoints where enabled/);
      expect(b.log.filter(isClaim).length).toBeGreaterThanOrEqual(1);
      await vi.waitFor(async () => expect(await pending()).toBe(0), { timeout: 20_000, interval: 20 });
    });
  });
}
