import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type Database, type DemoSeed, type Queryable, type SeatKitServer } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';
import { upsertUser } from '../src/repo.js';
import { ADMIN, createTempPgDatabase, databaseTargets } from './helpers.js';

/**
 * The statements a request sent, as they are sent: those of its transactions (`statements`), the others (`alone`,
 * each a transaction of its own, with the reads before the handler and the email dispatch after the commit), and the
 * transactions opened.
 */
class StatementLog {
  statements: string[] = [];
  alone: string[] = [];
  transactions = 0;
  recording = false;
  /** Runs after each recorded statement, on what sent it (to change what the next statement sees). */
  after?: (sql: string, q: Queryable) => Promise<void>;
  start() {
    this.statements = [];
    this.alone = [];
    this.transactions = 0;
    this.recording = true;
  }
  wrap(database: Database): Database {
    const log = this;
    const counted = (q: Queryable, into: () => string[]): Queryable => ({
      async query<Row>(sql: string, params?: readonly unknown[]) {
        const flat = sql.replace(/\s+/g, ' ').trim();
        if (log.recording) into().push(flat);
        const result = await q.query<Row>(sql, params);
        if (log.recording && log.after) await log.after(flat, q);
        return result;
      },
      exec(sql) {
        if (log.recording) into().push(sql.replace(/\s+/g, ' ').trim());
        return q.exec(sql);
      },
    });
    const plain = counted(database, () => log.alone);
    return {
      kind: database.kind,
      query: plain.query,
      exec: plain.exec,
      transaction: (fn) => {
        if (log.recording) log.transactions++;
        return database.transaction((tx) => fn(counted(tx, () => log.statements)));
      },
      close: () => database.close(),
    };
  }
}

const outbox = (sql: string) => sql.startsWith('insert into outbox_emails');
/** The pipeline's read of the caller's membership again, just before the handler; the members' read; the claim. */
const refresh = (sql: string) => /^select .* from members m .*where m\.id = \$1$/.test(sql);
const membersRead = (sql: string) => sql.startsWith('select m.id, m.email, m.first_name');
const claim = (sql: string) => sql.startsWith('with claimed as materialized (select * from seatkit_claim_seats(');

for (const kind of databaseTargets()) {
  describe(`${kind}: round trips of seat assignments and invitations`, () => {
    const log = new StatementLog();
    let server: SeatKitServer;
    let database: Database;
    let demo: DemoSeed;
    let drop: (() => Promise<void>) | undefined;
    let token: string;

    beforeAll(async () => {
      if (kind === 'pglite') database = await createPGliteDatabase();
      else ({ database, drop } = await createTempPgDatabase());
      server = await createSeatKitServer({
        database: log.wrap(database),
        auth: { mode: 'dev', secret: 'test-secret' },
        serverKey: 'sk_test',
        appUrl: 'http://app.test',
        logger: silentLogger,
        jobs: { intervalMs: 0 },
      });
      token = await server.devToken(ADMIN);
    });
    beforeEach(async () => {
      log.recording = false;
      await server.reset();
      demo = await server.seedDemo();
    });
    afterAll(async () => {
      await server?.close();
      await drop?.();
    });

    const provision = async (seatLimit: number) => {
      const post = (path: string, body: unknown) =>
        server.fetch(
          new Request(`http://seatkit.test${path}`, {
            method: 'POST',
            headers: { authorization: 'Bearer sk_test', 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        );
      await post('/v1/products', { key: 'pool', name: 'Pool' });
      const res = await post(`/v1/orgs/${demo.northwind.orgId}/subscriptions`, { productKey: 'pool', seatLimit });
      return ((await res.json()) as { id: string }).id;
    };

    type SeatResult = { ok: boolean; invitation?: { id: string; subscriptionIds: string[] }; error?: { code: string } };
    /**
     * The statements one request to assign seats sent: those of its transactions, and, outside any, those from the
     * caller's membership read again (the pipeline's) to the claim; the transactions opened; the per-item results.
     */
    const postSeats = async (subscriptionId: string, body: { memberIds?: string[]; invitationIds?: string[] }, headers: Record<string, string> = {}) => {
      log.start();
      const res = await server.fetch(
        new Request(`http://seatkit.test/v1/orgs/${demo.northwind.orgId}/subscriptions/${subscriptionId}/seats`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
      );
      log.recording = false;
      expect(res.status).toBe(200);
      const from = log.alone.findIndex(refresh);
      const to = log.alone.findLastIndex(claim);
      return {
        statements: [...log.statements],
        // The email dispatch and the webhook deliveries a commit starts run meanwhile (on PGlite, in between).
        alone: from >= 0 && to >= from ? log.alone.slice(from, to + 1).filter((sql) => claim(sql) || !/outbox_emails|webhook_/.test(sql)) : [],
        transactions: log.transactions,
        results: ((await res.json()) as { results: SeatResult[] }).results,
      };
    };
    const assign = async (subscriptionId: string, memberIds: string[], headers?: Record<string, string>) => {
      const { statements, alone, transactions, results } = await postSeats(subscriptionId, { memberIds }, headers);
      return { statements, alone, transactions, codes: results.map((r) => (r.ok ? 'ok' : r.error!.code)) };
    };
    const reserve = (subscriptionId: string, invitationIds: string[]) => postSeats(subscriptionId, { invitationIds });

    const members = async (n: number) => {
      await server.seedMembers(demo.northwind.orgId, n);
      const { rows } = await database.query<{ id: string }>(
        `select id from members where org_id = $1 and email like 'seed-%' order by sort_name, id limit $2`,
        [demo.northwind.orgId, n],
      );
      return rows.map((r) => r.id);
    };

    /** The emails queued, oldest first: whom to, and the readable body. */
    const outboxRows = async (kind: string) =>
      (await database.query<{ to_email: string; text_body: string }>(`select to_email, text_body from outbox_emails where kind = $1 order by seq`, [kind])).rows;
    const emailOf = async (memberIds: string[]) => {
      const { rows } = await database.query<{ id: string; email: string }>(`select id, email from members where id = any($1::text[])`, [memberIds]);
      const byId = new Map(rows.map((r) => [r.id, r.email]));
      return memberIds.map((id) => byId.get(id));
    };

    it('one assignment without an Idempotency-Key opens no transaction: a read of the member, then one statement takes the lock, counts, checks, inserts the seat, its audit event and its email, and commits', async () => {
      const sub = await provision(5);
      const [id] = await members(1);
      const { statements, alone, transactions, codes } = await assign(sub, [id!]);
      expect(codes).toEqual(['ok']);
      // The caller's membership read again (the pipeline's), the members read (their emails are sealed before the
      // lock), then the claim, which queues the email too and commits by itself: its lock ends with it, no COMMIT's
      // round trip through the event loop in between.
      expect(transactions).toBe(0);
      expect(statements).toEqual([]);
      expect(alone).toHaveLength(3);
      expect(alone[1]).toSatisfy(membersRead);
      expect(alone[2]).toContain('insert into outbox_emails');
      expect(alone.filter(outbox)).toEqual([]);
      const { rows } = await database.query<{ action: string; target_id: string; actor_email: string }>(
        `select action, target_id, actor_email from audit_events where action = 'seat.assigned' order by seq`,
      );
      expect(rows).toEqual([{ action: 'seat.assigned', target_id: id, actor_email: ADMIN }]);
      expect((await outboxRows('seat_assigned')).map((r) => r.to_email)).toEqual(await emailOf([id!]));
    });

    it('with an Idempotency-Key the assignment runs in a transaction with its key, and a repeat is replayed', async () => {
      const sub = await provision(5);
      const [id] = await members(1);
      const first = await assign(sub, [id!], { 'idempotency-key': 'assign-once' });
      expect(first.codes).toEqual(['ok']);
      expect(first.transactions).toBe(1);
      // The membership again, the key claimed, the members read, the claim with its email, the answer stored.
      expect(first.statements).toHaveLength(5);
      expect(first.statements[1]).toMatch(/^insert into idempotency_keys/);
      expect(first.statements[2]).toSatisfy(membersRead);
      expect(first.statements[3]).toSatisfy(claim);
      expect(first.statements[4]).toMatch(/^update idempotency_keys/);
      const again = await assign(sub, [id!], { 'idempotency-key': 'assign-once' });
      expect(again.codes).toEqual(['ok']);
      expect(again.statements.filter(claim)).toEqual([]);
      expect((await outboxRows('seat_assigned')).map((r) => r.to_email)).toEqual(await emailOf([id!]));
    });

    it('a bulk assignment sends as many statements for 40 members as for one, their emails included', async () => {
      const sub = await provision(30);
      const ids = await members(41);
      const one = await assign(sub, [ids[0]!]);
      const many = await assign(sub, [...ids.slice(1), ids[1]!, 'mem_nope']);
      expect(many.codes).toEqual([...Array(29).fill('ok'), ...Array(11).fill('seats_exhausted'), 'already_assigned', 'not_found']);
      expect(many.transactions).toBe(0);
      expect(many.alone).toHaveLength(one.alone.length);
      expect(many.alone.filter(outbox)).toEqual([]);
      // The audit events are one per seat, in request order, like those ctx.audit writes; so are the emails.
      const { rows } = await database.query<{ target_id: string }>(
        `select target_id from audit_events where action = 'seat.assigned' order by seq`,
      );
      expect(rows.map((r) => r.target_id)).toEqual(ids.slice(0, 30));
      expect((await outboxRows('seat_assigned')).map((r) => r.to_email)).toEqual(await emailOf(ids.slice(0, 30)));
    });

    /**
     * Assigns a new member a seat, renaming them right after the handler read them, before the claim (through whatever
     * sent the read, so it also runs on PGlite's single connection); checks the one email went out with the new name.
     */
    const assignRenamed = async (headers?: Record<string, string>) => {
      const sub = await provision(5);
      const [id] = await members(1);
      log.after = async (sql, q) => {
        if (membersRead(sql)) await q.query(`update members set first_name = 'Renamed' where id = $1`, [id]);
      };
      const outcome = await assign(sub, [id!], headers).finally(() => (log.after = undefined));
      expect(outcome.codes).toEqual(['ok']);
      const mail = await outboxRows('seat_assigned');
      expect(mail).toHaveLength(1);
      expect(mail[0]!.text_body).toMatch(/^Hello Renamed,/);
      const events = await database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'seat.assigned'`);
      expect(events.rows[0]!.n).toBe(1);
      return outcome;
    };

    it('a member renamed between the read and the claim gets one email, written with the new name', async () => {
      const { statements, alone, transactions } = await assignRenamed();
      // The claim that commits by itself found its email stale and wrote nothing; the request ran again in a
      // transaction, which read the member again and queued the new email with the seat.
      expect(alone.filter(claim)).toHaveLength(1);
      expect(transactions).toBe(1);
      expect(statements.filter(claim)).toHaveLength(1);
      expect(statements.filter(outbox)).toEqual([]);
    });

    it('in a transaction, a member renamed between the read and the claim gets the email written again after the claim', async () => {
      const { statements } = await assignRenamed({ 'idempotency-key': 'renamed' });
      // The email written before the rename was left out of the claim; the new one took a statement of its own.
      expect(statements.filter(outbox)).toHaveLength(1);
    });

    it('reserving seats for 30 invitations sends as many statements as for one', async () => {
      const sub = await provision(20);
      const invited = await invite(Array.from({ length: 31 }, (_, i) => `res-${i}@example.com`));
      const ids = invited.results.map((r) => r.invitation!.id);
      const one = await reserve(sub, [ids[0]!]);
      expect(one.results[0]!.invitation!.subscriptionIds).toEqual([sub]);
      const many = await reserve(sub, [...ids.slice(1), ids[1]!, ids[0]!, 'inv_nope']);
      expect(many.results.map((r) => (r.ok ? 'ok' : r.error!.code))).toEqual([
        ...Array(19).fill('ok'),
        ...Array(11).fill('seats_exhausted'),
        'already_assigned',
        'already_assigned',
        'not_found',
      ]);
      expect(many.statements).toHaveLength(one.statements.length);
      expect(many.results[0]!.invitation!.subscriptionIds).toEqual([sub]);
      const { rows } = await database.query<{ target_id: string }>(`select target_id from audit_events where action = 'seat.reserved' order by seq`);
      expect(rows.map((r) => r.target_id)).toEqual(ids.slice(0, 20));
      const seats = await database.query<{ n: number }>(`select count(*)::int as n from seat_reservations where subscription_id = $1`, [sub]);
      expect(seats.rows[0]!.n).toBe(20);
    });

    it('a signed-in request writes nothing to users when the token adds nothing', async () => {
      const me = () => server.fetch(new Request('http://seatkit.test/v1/me', { headers: { authorization: `Bearer ${token}` } }));
      const version = async () => (await database.query<{ v: string }>(`select xmin::text as v from users where email = $1`, [ADMIN])).rows[0]!.v;
      expect((await me()).status).toBe(200);
      const before = await version();
      for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
      // An upsert (insert … on conflict do update) writes a new row version on every request, same values or not.
      expect(await version()).toBe(before);
      // A blank name is still filled in from the token, once; a name already there is kept.
      const row = async () => (await database.query<{ first_name: string; last_name: string; v: string }>(`select first_name, last_name, xmin::text as v from users where email = 'names@example.com'`)).rows[0]!;
      const created = await upsertUser(database, 'names@example.com', { lastName: 'Okafor' });
      expect((await upsertUser(database, 'names@example.com')).id).toBe(created.id);
      const unnamed = await row();
      expect(await upsertUser(database, 'names@example.com', { firstName: 'Ada', lastName: 'Other' })).toEqual({ ...created, first_name: 'Ada' });
      const named = await row();
      expect(named).toMatchObject({ first_name: 'Ada', last_name: 'Okafor' });
      expect(named.v).not.toBe(unnamed.v);
      await upsertUser(database, 'names@example.com', { firstName: 'Bea', lastName: 'Other' });
      expect(await row()).toEqual(named);
    });

    const invite = async (emails: string[], subscriptionIds?: string[]) => {
      log.start();
      const res = await server.fetch(
        new Request(`http://seatkit.test/v1/orgs/${demo.northwind.orgId}/invitations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ invitations: emails.map((email) => ({ email, role: 'member', ...(subscriptionIds && { subscriptionIds }) })) }),
        }),
      );
      log.recording = false;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { results: { ok: boolean; alreadyInvited?: boolean; invitation?: { id: string; subscriptionIds: string[] }; error?: { code: string } }[] };
      return { statements: [...log.statements], results: body.results };
    };

    it('a bulk invite sends as many statements for 60 emails as for one, their emails included', async () => {
      const sub = await provision(40);
      const one = await invite(['solo@example.com'], [sub]);
      const emails = Array.from({ length: 60 }, (_, i) => `bulk-${i}@example.com`);
      const many = await invite([...emails, 'bulk-0@example.com', 'solo@example.com', 'member@northwind.test'], [sub]);
      expect(many.results.map((r) => (r.ok ? (r.alreadyInvited ? 'again' : 'ok') : r.error!.code))).toEqual([
        ...Array(39).fill('ok'),
        ...Array(21).fill('seats_exhausted'),
        'again',
        'again',
        'already_member',
      ]);
      // The second mention of an email answers with the invitation of the first, reservation included.
      expect(many.results[60]!.invitation).toEqual(many.results[0]!.invitation);
      expect(many.results[61]!.invitation!.id).toBe(one.results[0]!.invitation!.id);
      expect(many.results[0]!.invitation!.subscriptionIds).toEqual([sub]);
      // One statement inserts the batch's invitations with their reservations, audit events and emails.
      expect(many.statements).toHaveLength(one.statements.length);
      const writes = many.statements.filter((s) => s.includes('insert into outbox_emails'));
      expect(writes).toHaveLength(1);
      for (const table of ['invitations', 'seat_reservations', 'audit_events']) expect(writes[0]).toContain(`insert into ${table}`);
      expect((await outboxRows('invitation')).map((r) => r.to_email).filter((to) => to.endsWith('@example.com'))).toEqual(['solo@example.com', ...emails.slice(0, 39)]);
      const { rows } = await database.query<{ target_id: string }>(
        `select target_id from audit_events where action = 'invitation.created' and data->>'email' like 'bulk-%' order by seq`,
      );
      expect(rows.map((r) => r.target_id)).toEqual(many.results.slice(0, 39).map((r) => r.invitation!.id));
    });
  });
}

const PG_URL = process.env.SEATKIT_TEST_DATABASE_URL;

describe.skipIf(!PG_URL)('real Postgres: two instances assigning seats of one subscription', () => {
  const instances: SeatKitServer[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const server of instances) await server.close();
    await drop?.();
  });

  it('50 simultaneous assignments split across two instances leave exactly the cap', async () => {
    const temp = await createTempPgDatabase();
    drop = temp.drop;
    const make = async (database: Database) => {
      const server = await createSeatKitServer({
        database,
        auth: { mode: 'dev', secret: 'test-secret' },
        serverKey: 'sk_test',
        appUrl: 'http://app.test',
        logger: silentLogger,
        jobs: { intervalMs: 0 },
      });
      instances.push(server);
      return server;
    };
    const a = await make(temp.database);
    const b = await make(createPgDatabase({ connectionString: temp.url, max: 30 }));
    const demo = await a.seedDemo();
    const orgId = demo.northwind.orgId;
    await a.seedMembers(orgId, 50);
    const post = (server: SeatKitServer, path: string, body: unknown, authorization: string) =>
      server.fetch(
        new Request(`http://seatkit.test${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      );
    await post(a, '/v1/products', { key: 'pool', name: 'Pool' }, 'Bearer sk_test');
    const sub = (await (await post(a, `/v1/orgs/${orgId}/subscriptions`, { productKey: 'pool', seatLimit: 10 }, 'Bearer sk_test')).json()) as { id: string };
    const { rows } = await temp.database.query<{ id: string }>(`select id from members where org_id = $1 and email like 'seed-%'`, [orgId]);
    expect(rows).toHaveLength(50);
    const bearer = `Bearer ${await a.devToken(ADMIN)}`;

    const codes = await Promise.all(
      rows.map(async ({ id }, i) => {
        const res = await post(i % 2 ? b : a, `/v1/orgs/${orgId}/subscriptions/${sub.id}/seats`, { memberIds: [id] }, bearer);
        const body = (await res.json()) as { results?: { ok: boolean; error?: { code: string } }[] };
        return res.status !== 200 ? `http_${res.status}` : body.results![0]!.ok ? 'ok' : body.results![0]!.error!.code;
      }),
    );
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
    expect(codes.filter((c) => c === 'seats_exhausted')).toHaveLength(40);
    const seats = await temp.database.query<{ n: number }>(`select count(*)::int as n from seat_assignments where subscription_id = $1`, [sub.id]);
    expect(seats.rows[0]!.n).toBe(10);
    const events = await temp.database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'seat.assigned' and data->>'subscriptionId' = $1`, [sub.id]);
    expect(events.rows[0]!.n).toBe(10);
  });
});
