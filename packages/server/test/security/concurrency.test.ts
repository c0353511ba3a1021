import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeatKitServer, type Database, type DemoSeed, type Mailer, type MailMessage, type Queryable, type SeatKitServer } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';
import { captureLogger, createPgTestDatabase, OWNER, prng, realPostgresUrl, tableCounts } from './support.js';

const PG_URL = realPostgresUrl();

class RecordingMailer implements Mailer {
  sent: MailMessage[] = [];
  failing = false;
  async send(message: MailMessage) {
    if (this.failing) throw new Error('SMTP 421 service not available');
    this.sent.push(message);
  }
}

/**
 * Wraps a database so that, in each of its first `times` transactions that get that far, the Nth statement matching
 * `pattern` first has its connection killed by `pg_terminate_backend` from another session: a real dropped
 * connection, mid-transaction.
 */
function killConnectionAt(db: Database, adminUrl: string, pattern: RegExp, nth: number, times = 1) {
  const state = { killed: 0 };
  const wrapped: Database = {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (fn) =>
      db.transaction((tx) => {
        let seen = 0;
        const proxy: Queryable = {
          exec: (sql) => tx.exec(sql),
          async query(sql, params) {
            if (state.killed < times && pattern.test(sql) && ++seen === nth) {
              const { rows } = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
              const admin = new pg.Client({ connectionString: adminUrl });
              await admin.connect();
              await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
              await admin.end();
              state.killed++;
            }
            return tx.query(sql, params);
          },
        };
        return fn(proxy);
      }),
  };
  return { database: wrapped, state };
}

describe.skipIf(!PG_URL)('real Postgres: concurrency and faults', () => {
  let url: string;
  let drop: () => Promise<void>;
  let server: SeatKitServer;
  let demo: DemoSeed;
  const mailer = new RecordingMailer();
  const log = captureLogger();
  const extraServers: SeatKitServer[] = [];

  const makeServer = (database: Database, m: Mailer = mailer) =>
    createSeatKitServer({
      database,
      auth: { mode: 'dev', secret: 'test-secret' },
      serverKey: 'sk_test',
      appUrl: 'http://app.test',
      mailer: m,
      logger: log.logger,
      awaitEmails: true,
      rateLimits: false,
      // The tests dispatch themselves: a timer's dispatch in between (a loaded machine) would retry a failed email.
      jobs: { intervalMs: 0 },
    });

  const tokens = new Map<string, string>();
  async function call(s: SeatKitServer, as: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (as === 'server') h.authorization = 'Bearer sk_test';
    else if (as) {
      if (!tokens.has(as)) tokens.set(as, await s.devToken(as));
      h.authorization = `Bearer ${tokens.get(as)}`;
    }
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await s.fetch(new Request(`http://seatkit.test${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) }));
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }
  const nw = (rest = '') => `/v1/orgs/${demo.northwind.orgId}${rest}`;

  /** The rules that must hold whatever happened: seat cap per subscription, exactly one owner per organization. */
  async function assertInvariants(db: Database = server.database) {
    const seats = await db.query<{ id: string; seat_limit: number; used: number }>(
      `select s.id, s.seat_limit,
              (select count(*)::int from seat_assignments sa where sa.subscription_id = s.id) +
              (select count(*)::int from seat_reservations sr join invitations i on i.id = sr.invitation_id
                where sr.subscription_id = s.id and i.status = 'pending' and i.expires_at > now()) as used
         from subscriptions s`,
    );
    for (const s of seats.rows) expect(s.used, `subscription ${s.id}`).toBeLessThanOrEqual(s.seat_limit);
    const owners = await db.query<{ id: string; owner_member_id: string; owner_roles: string[]; owner_exists: boolean }>(
      `select o.id, o.owner_member_id,
              coalesce((select array_agg(m.id) from members m where m.org_id = o.id and m.role = 'owner'), '{}') as owner_roles,
              exists (select 1 from members m where m.id = o.owner_member_id and m.org_id = o.id and m.role = 'owner') as owner_exists
         from organizations o`,
    );
    for (const o of owners.rows) {
      expect(o.owner_roles, `members with role owner in ${o.id}`).toEqual([o.owner_member_id]);
      expect(o.owner_exists, `owner of ${o.id}`).toBe(true);
    }
  }

  beforeAll(async () => {
    ({ url, drop } = await createPgTestDatabase(PG_URL!));
    server = await makeServer(createPgDatabase({ connectionString: url, max: 40 }));
  });
  beforeEach(async () => {
    mailer.failing = false;
    await server.reset();
    demo = await server.seedDemo();
    await server.dispatchEmails();
    mailer.sent = [];
    log.lines.length = 0;
  });
  afterAll(async () => {
    for (const s of extraServers) await s.close().catch(() => {});
    await server?.close();
    await drop?.();
  });

  it('seat cap and one owner hold under 100 concurrent mixed operations (3 seeded rounds)', async () => {
    for (const seed of [1, 2, 3]) {
      await server.reset();
      demo = await server.seedDemo();
      const list = await call(server, OWNER, 'GET', nw('/members?limit=200'));
      const others = list.body.items.filter((m: any) => m.role === 'member').map((m: any) => ({ id: m.id as string, email: m.email as string }));
      // Five more admins, so several callers race for admin-only and owner-only actions.
      const admins = [{ id: demo.northwind.adminMemberId, email: 'admin@northwind.test' }, ...others.splice(0, 5)];
      for (const a of admins.slice(1)) expect((await call(server, OWNER, 'PATCH', nw(`/members/${a.id}`), { role: 'admin' })).status).toBe(200);
      const people = [{ id: demo.northwind.ownerMemberId, email: OWNER }, ...admins, ...others];
      const callers = [OWNER, ...admins.map((a) => a.email)];
      const subs = [demo.northwind.subscriptions.imagingApp, demo.northwind.subscriptions.imagingCloud];

      const rnd = prng(seed);
      const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const ops: (() => Promise<{ status: number; body: any }>)[] = [];
      for (let i = 0; i < 100; i++) {
        const r = rnd();
        const as = pick(callers);
        const target = pick(people);
        const sub = pick(subs);
        if (r < 0.25) ops.push(() => call(server, as, 'POST', nw(`/subscriptions/${sub}/seats`), { memberIds: [pick(people).id, pick(people).id].filter((v, j, a) => a.indexOf(v) === j) }));
        else if (r < 0.38) ops.push(() => call(server, as, 'DELETE', nw(`/subscriptions/${sub}/seats/${target.id}`)));
        else if (r < 0.52) ops.push(() => call(server, as, 'POST', nw('/invitations'), { invitations: [{ email: `race${seed}-${i}@example.com`, role: 'member', subscriptionIds: [sub] }] }));
        else if (r < 0.64) ops.push(() => call(server, as, 'POST', nw('/ownership'), { memberId: pick(admins).id }));
        else if (r < 0.74) ops.push(() => call(server, as, 'DELETE', nw(`/members/${target.id}`)));
        else if (r < 0.86) ops.push(() => call(server, as, 'PATCH', nw(`/members/${pick(admins).id}`), { role: 'member' }));
        else if (r < 0.93) ops.push(() => call(server, as, 'PATCH', nw(`/members/${target.id}`), { role: 'admin' }));
        else ops.push(() => call(server, 'server', 'PATCH', nw(`/subscriptions/${sub}`), { seatLimit: 1 + Math.floor(rnd() * 6) }));
      }
      const started = Date.now();
      const results = await Promise.all(ops.map((op) => op()));
      console.info(`[seatkit security] round ${seed}: 100 concurrent operations in ${Date.now() - started} ms`);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s >= 500), log.lines.filter((l) => l.includes("failed (request")).join("\n").slice(0, 3000)).toEqual([]);
      for (const r of results) expect([200, 201, 204, 400, 403, 404, 409]).toContain(r.status);
      // Something of each kind went through, or the test proves nothing.
      expect(statuses.filter((s) => s < 300).length).toBeGreaterThan(20);
      await assertInvariants();
    }
  }, 180_000);

  /**
   * A request that removes or demotes member B races an ownership transfer to B. Holding B's row lock from a third
   * session makes both wait, transfer first; when it is released the transfer commits, then the other request runs.
   */
  /**
   * Holds a row lock from a third session until `release()`; `waiting(n)` resolves once `n` sessions wait on a lock.
   * The monitoring query clears the statistics snapshot: inside a transaction Postgres would keep showing the first.
   */
  async function holdRowLock(table: 'members' | 'organizations', id: string) {
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query(`select id from ${table} where id = $1 for update`, [id]);
    return {
      async waiting(n: number) {
        for (let i = 0; i < 400; i++) {
          await blocker.query('select pg_stat_clear_snapshot()');
          const { rows } = await blocker.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
          if (rows[0].n >= n) return;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error(`expected ${n} sessions waiting on a lock`);
      },
      async release() {
        await blocker.query('commit');
        await blocker.end();
      },
    };
  }

  /**
   * A request that removes or demotes member B races an ownership transfer to B. Holding B's row lock from a third
   * session makes both wait, transfer first; when it is released the transfer commits, then the other request runs.
   */
  async function raceWithTransfer(second: () => Promise<{ status: number; body: any }>) {
    const lock = await holdRowLock('members', demo.northwind.adminMemberId);
    const transfer = call(server, OWNER, 'POST', nw('/ownership'), { memberId: demo.northwind.adminMemberId });
    await lock.waiting(1);
    const other = second();
    await lock.waiting(2);
    await lock.release();
    return { transfer: await transfer, other: await other };
  }

  it('removing the member who just became owner (a transfer committed first) is refused: the org keeps an owner', async () => {
    const { transfer, other } = await raceWithTransfer(() => call(server, OWNER, 'DELETE', nw(`/members/${demo.northwind.adminMemberId}`)));
    expect(transfer.status).toBe(200);
    expect(other.status, JSON.stringify(other.body)).toBe(409);
    expect(other.body.error.code).toBe('last_owner');
    await assertInvariants();
  });

  it('demoting the member who just became owner is refused: the org keeps an owner', async () => {
    const { transfer, other } = await raceWithTransfer(() => call(server, OWNER, 'PATCH', nw(`/members/${demo.northwind.adminMemberId}`), { role: 'member' }));
    expect(transfer.status).toBe(200);
    expect(other.status, JSON.stringify(other.body)).toBe(409);
    expect(other.body.error.code).toBe('last_owner');
    await assertInvariants();
  });

  it('two transfers by the owner at once: the second sees the first and is refused, so the org never has two owners', async () => {
    const lock = await holdRowLock('organizations', demo.northwind.orgId);
    // Both requests read the caller (the owner) before the organization's lock, then wait on it.
    const first = call(server, OWNER, 'POST', nw('/ownership'), { memberId: demo.northwind.adminMemberId });
    await lock.waiting(1);
    const second = call(server, OWNER, 'POST', nw('/ownership'), { memberId: demo.northwind.memberMemberId });
    await lock.waiting(2);
    await lock.release();
    const statuses = [(await first).status, (await second).status].sort();
    expect(statuses).toEqual([200, 403]);
    await assertInvariants();
  });

  /** `answer` (of a bulk invite sent with key bulk-1) invited everyone; a repeat replays it; one row and one email each. */
  async function expectBulkInviteDoneOnce(s: SeatKitServer, invitations: { email: string }[], answer: { status: number; body: any }, before: Record<string, number>) {
    expect(answer.status).toBe(200);
    expect(answer.body.results.every((r: any) => r.ok)).toBe(true);
    const again = await call(s, OWNER, 'POST', nw('/invitations'), { invitations }, { 'idempotency-key': 'bulk-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(answer.body);
    const counts = await tableCounts(server.database);
    expect(counts.invitations! - before.invitations!).toBe(invitations.length);
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(invitations.map((i) => i.email).sort());
  }

  it('a connection killed in the middle of a bulk invite is retried once on a new connection: one answer, everything once', async () => {
    const { database, state } = killConnectionAt(createPgDatabase({ connectionString: url, max: 5 }), url, /insert into outbox_emails/, 1);
    const s = await makeServer(database);
    extraServers.push(s);
    const invitations = Array.from({ length: 30 }, (_, i) => ({ email: `bulk${i}@example.com`, role: 'member' }));
    const before = await tableCounts(server.database);
    const retried = await call(s, OWNER, 'POST', nw('/invitations'), { invitations }, { 'idempotency-key': 'bulk-1' });
    expect(state.killed).toBe(1);
    await expectBulkInviteDoneOnce(s, invitations, retried, before);
  });

  it('a connection killed twice in a bulk invite (the retry too) answers 503 unavailable with Retry-After, rolls everything back; a retry by the client completes once', async () => {
    const { database, state } = killConnectionAt(createPgDatabase({ connectionString: url, max: 5 }), url, /insert into outbox_emails/, 1, 2);
    const s = await makeServer(database);
    extraServers.push(s);
    const invitations = Array.from({ length: 30 }, (_, i) => ({ email: `bulk${i}@example.com`, role: 'member' }));
    const before = await tableCounts(server.database);
    const failed = await call(s, OWNER, 'POST', nw('/invitations'), { invitations }, { 'idempotency-key': 'bulk-1' });
    expect(state.killed).toBe(2);
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('unavailable');
    expect(Number(failed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await tableCounts(server.database)).toEqual(before);
    expect(mailer.sent).toEqual([]);

    const retry = await call(s, OWNER, 'POST', nw('/invitations'), { invitations }, { 'idempotency-key': 'bulk-1' });
    await expectBulkInviteDoneOnce(s, invitations, retry, before);
  });

  it('a connection killed under a seat assignment that commits by itself (no Idempotency-Key) answers 503 without a retry, writes nothing; a retry by the client gives the seat once', async () => {
    await call(server, 'server', 'POST', '/v1/products', { key: 'kill-pool', name: 'Kill Pool' });
    const sub = (await call(server, 'server', 'POST', nw('/subscriptions'), { productKey: 'kill-pool', seatLimit: 3 })).body as { id: string };
    const { rows } = await server.database.query<{ id: string }>(`select id from members where org_id = $1 and email = 'admin@northwind.test'`, [demo.northwind.orgId]);
    const memberId = rows[0]!.id;
    const written = async () => {
      const count = async (sql: string, params: unknown[]) => Number((await server.database.query<{ n: number }>(sql, params)).rows[0]!.n);
      return {
        seats: await count(`select count(*)::int as n from seat_assignments where subscription_id = $1 and member_id = $2`, [sub.id, memberId]),
        events: await count(`select count(*)::int as n from audit_events where action = 'seat.assigned' and data->>'subscriptionId' = $1 and target_id = $2`, [sub.id, memberId]),
        emails: await count(`select count(*)::int as n from outbox_emails where kind = 'seat_assigned' and to_email = 'admin@northwind.test'`, []),
      };
    };
    // Another session holds the subscription's row lock, so the claim statement waits where it can be killed.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from subscriptions where id = $1 for update', [sub.id]);
      const pending = call(server, OWNER, 'POST', nw(`/subscriptions/${sub.id}/seats`), { memberIds: [memberId] });
      let pid: number | undefined;
      for (let attempt = 0; pid === undefined; attempt++) {
        expect(attempt, 'the claim statement never waited for the lock').toBeLessThan(2_000);
        // Inside a transaction the activity view is read once unless its snapshot is dropped.
        await holder.query('select pg_stat_clear_snapshot()');
        const waiting = await holder.query<{ pid: number }>(
          `select pid from pg_stat_activity where pid <> pg_backend_pid() and wait_event_type = 'Lock' and query like 'with claimed as materialized%'`,
        );
        pid = waiting.rows[0]?.pid;
      }
      await holder.query('select pg_terminate_backend($1)', [pid]);
      // The lock is free again: a retry by the server would now give the seat.
      await holder.query('rollback');
      const failed = await pending;
      // The statement commits by itself: once its connection is lost its outcome is unknown, as after a lost COMMIT,
      // so the server does not run it again; the client may.
      expect(failed.status).toBe(503);
      expect(failed.body.error.code).toBe('unavailable');
    } finally {
      await holder.end();
    }
    expect(await written()).toEqual({ seats: 0, events: 0, emails: 0 });
    const retry = await call(server, OWNER, 'POST', nw(`/subscriptions/${sub.id}/seats`), { memberIds: [memberId] });
    expect(retry.status).toBe(200);
    expect(retry.body.results[0].ok).toBe(true);
    expect(await written()).toEqual({ seats: 1, events: 1, emails: 1 });
    await assertInvariants();
  });

  it('a restart during a bulk invite (same Idempotency-Key against a new server) completes exactly once, one email per invitee', async () => {
    const invitations = Array.from({ length: 40 }, (_, i) => ({ email: `restart${i}@example.com`, role: 'member', subscriptionIds: i < 3 ? [demo.northwind.subscriptions.imagingApp] : [] }));
    // Attempt 1 dies mid-transaction, its in-server retry too (the instance goes down with its connections). The
    // invitations, their reservations and audit events are in; the emails, one statement for the batch, are next.
    const first = killConnectionAt(createPgDatabase({ connectionString: url, max: 5 }), url, /insert into outbox_emails/, 1, 2);
    const a = await makeServer(first.database);
    const lost = await call(a, OWNER, 'POST', nw('/invitations'), { invitations }, { 'idempotency-key': 'restart-1' });
    expect(lost.status).toBe(503);
    await a.close();

    // Attempt 2 on a new instance: it commits, but its mailer is down and it "crashes" before any email leaves.
    const downMailer = new RecordingMailer();
    downMailer.failing = true;
    const b = await makeServer(createPgDatabase({ connectionString: url, max: 5 }), downMailer);
    const done = await call(b, OWNER, 'POST', nw('/invitations'), { invitations }, { 'idempotency-key': 'restart-1' });
    expect(done.status).toBe(200);
    expect(done.body.results.filter((r: any) => r.ok)).toHaveLength(40);
    await b.close();

    // Attempt 3 on a third instance: the same answer, nothing new; its dispatcher sends what the outbox holds.
    const c = await makeServer(createPgDatabase({ connectionString: url, max: 5 }));
    extraServers.push(c);
    const replay = await call(c, OWNER, 'POST', nw('/invitations'), { invitations }, { 'idempotency-key': 'restart-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(done.body);
    await c.dispatchEmails();
    await server.dispatchEmails(); // a second instance dispatching at the same time sends nothing twice
    const sent = mailer.sent.map((m) => m.to).filter((to) => to.startsWith('restart'));
    expect(sent.sort()).toEqual(invitations.map((i) => i.email).sort());
    const rows = await server.database.query<{ n: number }>(`select count(*)::int as n from invitations where email like 'restart%'`);
    expect(rows.rows[0]!.n).toBe(40);
    await assertInvariants();
  });

  it('the invitation rate limit holds under concurrency: 10 simultaneous batches of 5 against a limit of 20 create at most 20', async () => {
    const limited = await createSeatKitServer({
      database: createPgDatabase({ connectionString: url, max: 15 }),
      auth: { mode: 'dev', secret: 'test-secret' },
      mailer,
      logger: log.logger,
      awaitEmails: true,
      rateLimits: { invitationsPerCallerPerHour: 1000, invitationsPerOrgPerHour: 20 },
    });
    extraServers.push(limited);
    const callers = [OWNER, 'admin@northwind.test'];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, b) =>
        call(limited, callers[b % 2]!, 'POST', nw('/invitations'), { invitations: Array.from({ length: 5 }, (_, i) => ({ email: `rl${b}-${i}@example.com`, role: 'member' })) }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(4);
    expect(results.filter((r) => r.status === 429)).toHaveLength(6);
    const { rows } = await server.database.query<{ n: number }>(`select count(*)::int as n from invitations where email like 'rl%'`);
    expect(rows[0]!.n).toBe(20);
  });

  /** A 503 must be `unavailable` with a Retry-After; every other failure a contract error below 500. */
  function expectNoServerFault(results: { status: number; body: any; headers: Headers }[]) {
    for (const r of results) {
      if (r.status < 300) continue;
      expect(r.status, JSON.stringify(r.body)).not.toBe(500);
      if (r.status === 503) {
        expect(r.body.error.code).toBe('unavailable');
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      } else expect([400, 403, 404, 409]).toContain(r.status);
    }
  }

  it('backends terminated in a loop while 100 mixed requests run: no 500, only answers, 503 unavailable with Retry-After, and the invariants hold', async () => {
    const s = await makeServer(createPgDatabase({ connectionString: url, max: 8 }));
    extraServers.push(s);
    const list = await call(s, OWNER, 'GET', nw('/members?limit=200'));
    const people = list.body.items.map((m: any) => m.id as string);
    const others = list.body.items.filter((m: any) => m.role === 'member').map((m: any) => m.id as string);
    const subs = [demo.northwind.subscriptions.imagingApp, demo.northwind.subscriptions.imagingCloud];
    const rnd = prng(7);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const ops: (() => Promise<{ status: number; body: any; headers: Headers }>)[] = [];
    for (let i = 0; i < 100; i++) {
      const r = rnd();
      const as = pick([OWNER, 'admin@northwind.test']);
      const sub = pick(subs);
      if (r < 0.3) ops.push(() => call(s, as, 'POST', nw(`/subscriptions/${sub}/seats`), { memberIds: [pick(people)] }));
      else if (r < 0.45) ops.push(() => call(s, as, 'DELETE', nw(`/subscriptions/${sub}/seats/${pick(people)}`)));
      else if (r < 0.6) ops.push(() => call(s, as, 'POST', nw('/invitations'), { invitations: [{ email: `kill-${i}@example.com`, role: 'member', subscriptionIds: [sub] }] }));
      else if (r < 0.7) ops.push(() => call(s, OWNER, 'PATCH', nw(`/members/${pick(others)}`), { role: pick(['admin', 'member']) }));
      else if (r < 0.75) ops.push(() => call(s, OWNER, 'POST', nw('/ownership'), { memberId: pick([demo.northwind.adminMemberId, demo.northwind.ownerMemberId]) }));
      else ops.push(() => call(s, as, 'GET', pick([nw('/members?limit=50'), nw(`/subscriptions/${sub}/seats`), nw('/invitations')])));
    }

    // Another session terminates a backend of this test database (never its own) every 25 ms until the traffic ends.
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    let traffic = true;
    let terminated = 0;
    const killing = (async () => {
      while (traffic) {
        const { rows } = await killer.query<{ n: number }>(
          `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
            order by random() limit 1) t`,
        );
        terminated += rows[0]!.n;
        await new Promise((r) => setTimeout(r, 25)); // the pace of the fault, not a wait for a state
      }
    })();
    const started = Date.now();
    const results = await Promise.all(ops.map((op) => op())).finally(() => {
      traffic = false;
    });
    await killing;
    await killer.end();
    const count = (f: (r: { status: number }) => boolean) => results.filter(f).length;
    console.info(
      `[seatkit security] 100 requests under pg_terminate_backend: ${Date.now() - started} ms, ${terminated} backends terminated, ` +
        `${count((r) => r.status < 300)} 2xx, ${count((r) => r.status === 503)} 503, ${count((r) => r.status >= 400 && r.status < 500)} 4xx`,
    );
    expect(terminated, 'backends terminated during the traffic').toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 500).map((r) => r.body), log.lines.filter((l) => l.includes('failed (request')).join('\n').slice(0, 3000)).toEqual([]);
    expectNoServerFault(results);
    expect(count((r) => r.status < 300), 'requests that went through').toBeGreaterThan(10);
    // The pool has recovered, and the data is whole.
    expect((await call(s, OWNER, 'GET', nw('/members?limit=1'))).status).toBe(200);
    await assertInvariants();
  }, 120_000);

  it('a row lock held past lock_timeout: the waiting request answers 503 unavailable within the timeout (retried once), not when the lock is released', async () => {
    const lockTimeoutMs = 500;
    const s = await makeServer(createPgDatabase({ connectionString: url, max: 4, lockTimeoutMs }));
    extraServers.push(s);
    const target = demo.northwind.memberMemberId;
    const lock = await holdRowLock('members', target);
    let released = false;
    // A bound on the test, not a wait: without lock_timeout the request would wait until this releases the lock.
    const guard = setTimeout(() => {
      released = true;
      void lock.release();
    }, 8_000);
    const started = Date.now();
    const res = await call(s, OWNER, 'PATCH', nw(`/members/${target}`), { role: 'admin' });
    const elapsed = Date.now() - started;
    const releasedBefore = released;
    clearTimeout(guard);
    if (!released) await lock.release();
    console.info(`[seatkit security] lock_timeout ${lockTimeoutMs} ms: answered ${res.status} after ${elapsed} ms`);
    expect(releasedBefore, 'the answer came while the lock was still held').toBe(false);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(res.headers.get('retry-after')).toBe('1');
    // Two waits of lock_timeout (the attempt and its one retry), plus the request's own work.
    expect(elapsed).toBeLessThan(2 * lockTimeoutMs + 1_500);
    expect(log.lines.some((l) => l.includes('database lock_timeout'))).toBe(true);
    // Once the lock is gone the same request goes through.
    expect((await call(s, OWNER, 'PATCH', nw(`/members/${target}`), { role: 'admin' })).status).toBe(200);
  });

  it('a database host that accepts connections but never answers: requests answer 503 unavailable within the connect timeout', async () => {
    const silent = net.createServer(() => {}); // accepts, never says a word
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const sockets: net.Socket[] = [];
    silent.on('connection', (socket) => sockets.push(socket));
    const port = (silent.address() as net.AddressInfo).port;
    const connectTimeoutMs = 300;
    const real = createPgDatabase({ connectionString: url, max: 2 });
    const dead = createPgDatabase({ connectionString: `postgres://seatkit@127.0.0.1:${port}/seatkit`, connectTimeoutMs });
    // The server starts on the real database (its migrations), then the host goes silent.
    let current: Database = real;
    const switchable: Database = {
      kind: 'pg',
      query: (sql, params) => current.query(sql, params),
      exec: (sql) => current.exec(sql),
      transaction: (fn) => current.transaction(fn),
      close: async () => {
        await real.close();
        await dead.close();
      },
    };
    const s = await makeServer(switchable);
    extraServers.push(s);
    const token = await s.devToken(OWNER);
    current = dead;
    try {
      for (const [method, path, body] of [
        ['GET', nw('/members'), undefined],
        ['POST', nw('/invitations'), { invitations: [{ email: 'silent@example.com', role: 'member' }] }],
      ] as const) {
        const started = Date.now();
        const res = await s.fetch(
          new Request(`http://seatkit.test${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: body && JSON.stringify(body),
          }),
        );
        const elapsed = Date.now() - started;
        const answer = await res.json();
        console.info(`[seatkit security] silent database host, connect timeout ${connectTimeoutMs} ms: ${method} answered ${res.status} after ${elapsed} ms`);
        expect(res.status).toBe(503);
        expect(answer.error.code).toBe('unavailable');
        expect(res.headers.get('retry-after')).toBe('5');
        expect(elapsed).toBeLessThan(connectTimeoutMs + 1_000);
      }
      expect(sockets.length, 'the pool did reach the silent host').toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a failing mailer keeps the invitation and the email; the next dispatch delivers it once', async () => {
    mailer.failing = true;
    const res = await call(server, OWNER, 'POST', nw('/invitations'), { invitations: [{ email: 'smtp-down@example.com', role: 'member' }] });
    expect(res.status).toBe(200);
    expect(res.body.results[0].ok).toBe(true);
    const outbox = async () =>
      (await server.database.query<{ status: string; attempts: number; last_error: string | null }>(`select status, attempts, last_error from outbox_emails where to_email = 'smtp-down@example.com'`)).rows;
    expect(await outbox()).toEqual([{ status: 'failed', attempts: 1, last_error: 'SMTP 421 service not available' }]);
    expect((await call(server, OWNER, 'GET', nw('/invitations?status=pending'))).body.items.map((i: any) => i.email)).toContain('smtp-down@example.com');
    expect(log.lines.some((l) => l.includes('smtp-down@example.com') && l.includes('failed'))).toBe(true);
    mailer.failing = false;
    expect(await server.dispatchEmails()).toEqual({ sent: 1, failed: 0 });
    expect(await server.dispatchEmails()).toEqual({ sent: 0, failed: 0 });
    expect(mailer.sent.map((m) => m.to)).toEqual(['smtp-down@example.com']);
    expect((await outbox())[0]!.status).toBe('sent');
  });
});
