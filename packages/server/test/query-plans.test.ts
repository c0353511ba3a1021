import { describe, expect, it } from 'vitest';
import { idleAndRequestedQuery } from '../src/handlers/seat-usage.js';
import { seatPageQuery } from '../src/handlers/seats.js';
import { CLAIM_EMAILS_SQL } from '../src/mail.js';
import { forEachDatabase, OWNER, type Harness } from './helpers.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

/**
 * The plan nodes that read `members` for a statement. Plans are compared, not timings: a missing index
 * shows as a scan of the whole organization whatever the machine's speed.
 */
async function membersScans(h: Harness, sql: string, params: unknown[]) {
  const db = h.server.database;
  const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${sql}`, params);
  const raw = rows[0]!['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return flatten(plan[0]!.Plan).filter((n) => n['Relation Name'] === 'members');
}

forEachDatabase((h) => {
  describe('query plans of a large organization', () => {
    it('finds a member of an organization by email through an index (every invitation checks this)', { timeout: 60_000 }, async () => {
      const orgId = h().demo.northwind.orgId;
      await h().server.seedMembers(orgId, 5_000);
      const scans = await membersScans(h(), `select 1 from members where org_id = $1 and email = $2`, [orgId, OWNER]);
      expect(scans.length).toBeGreaterThan(0);
      // Before the index this was a sequential scan (or a walk of the org's whole sort index filtered on email):
      // 112 ms per invitation in a 100,000-member organization on Postgres (npm run bench).
      for (const scan of scans) {
        expect(scan['Node Type']).not.toBe('Seq Scan');
        expect(scan['Index Cond'] ?? '').toMatch(/email/);
      }
    });

    it('can search members through the trigram index, on PGlite too', { timeout: 60_000 }, async () => {
      // Without pg_trgm (PGlite before it loaded the extension) a search read the organization's whole sort
      // index: 51 ms for one email at 100,000 members, 14 ms with the GIN index, 1 ms with the GiST one of migration
      // 009 (npm run bench). At test sizes the planner rightly prefers a scan, so scans are ruled out to see that the
      // index exists and serves the query.
      const plan = await h().server.database.transaction(async (tx) => {
        await tx.exec('set local enable_seqscan = off');
        const { rows } = await tx.query<{ 'QUERY PLAN': unknown }>(
          `explain (format json) select m.id from members m where m.search_text like $1`,
          [`%${OWNER}%`],
        );
        const raw = rows[0]!['QUERY PLAN'];
        return (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
      });
      expect(flatten(plan[0]!.Plan).map((node) => node['Index Name'])).toContain('members_search_gist');
      // The GIN index it replaced is gone: every insert paid for both.
      const { rows } = await h().server.database.query(`select 1 from pg_class where relname = 'members_search_trgm'`);
      expect(rows).toEqual([]);
    });

    it('finds one exact email in a few pages of the trigram index, whatever the address (migration 020)', { timeout: 60_000 }, async () => {
      // With the default 12-byte signatures the inner entries of the GiST index had nearly every bit set, so a search
      // for one email read a share of the tree that depended on the address: 318 pages for one address at 100,000
      // members, and a p95 of 7.4 ms in the statement over 200 addresses (25 pages and 0.27 ms with 256 bytes). Pages
      // read are counted, not timed: the count does not depend on the machine's speed.
      const orgId = h().demo.northwind.orgId;
      const db = h().server.database;
      const { rows: counted } = await db.query<{ n: number }>(`select count(*)::int as n from members where org_id = $1`, [orgId]);
      if (counted[0]!.n < 5_000) await h().server.seedMembers(orgId, 5_000 - counted[0]!.n);
      const { rows: sizes } = await db.query<{ pages: number }>(`select pg_relation_size('members_search_gist') / 8192 as pages`);
      const { rows: emails } = await db.query<{ email: string }>(
        `select email from members where org_id = $1 order by md5(id) limit 20`,
        [orgId],
      );
      const pages = await db.transaction(async (tx) => {
        // The index is made to serve the search, as it does at 100,000 members; at this size the planner would walk.
        await tx.exec('set local enable_seqscan = off; set local enable_indexscan = off; set local enable_indexonlyscan = off');
        const read: number[] = [];
        for (const { email } of emails) {
          const { rows } = await tx.query<{ 'QUERY PLAN': unknown }>(
            `explain (analyze, buffers, format json) select m.id from members m where m.org_id = $1 and m.search_text like $2`,
            [orgId, `%${email}%`],
          );
          const raw = rows[0]!['QUERY PLAN'];
          const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
          const scan = flatten(plan[0]!.Plan).find((n) => n['Index Name'] === 'members_search_gist') as
            | (PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number })
            | undefined;
          expect(scan, 'the search is served by the trigram index').toBeDefined();
          read.push(scan!['Shared Hit Blocks'] + scan!['Shared Read Blocks']);
        }
        return read;
      });
      const indexPages = Number(sizes[0]!.pages);
      expect(Math.max(...pages), `index pages read per search: ${pages.join(', ')} of ${indexPages}`).toBeLessThanOrEqual(indexPages / 4);
    });

    it('estimates how common a searched string is, and can page its matches in name order from the index alone (migration 014)', { timeout: 60_000 }, async () => {
      // "okafor" is 1 member in 20. Through the trigram index every match was read and sorted for one page (5,001 rows,
      // 12 ms at 100,000 members); the walk of the name order stops at the page's 51st match and, with search_text in
      // that index, reads no table row (0.5 ms). The planner walks only when it knows the string is common: with the
      // default 101 histogram bounds it estimated 10 matches of 5,001 (npm run bench). At test sizes both plans are
      // cheap, so the estimate and the walk are checked apart.
      const orgId = h().demo.northwind.orgId;
      const db = h().server.database;
      const { rows: counted } = await db.query<{ n: number }>(`select count(*)::int as n from members where org_id = $1`, [orgId]);
      if (counted[0]!.n < 5_000) await h().server.seedMembers(orgId, 5_000 - counted[0]!.n);
      await db.exec('analyze members');
      const where = `m.org_id = $1 and m.search_text like '%okafor%'`;
      const { rows: actual } = await db.query<{ n: number }>(`select count(*)::int as n from members m where ${where}`, [orgId]);
      expect(actual[0]!.n).toBeGreaterThan(100);
      const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`explain (format json) select m.id from members m where ${where}`, [orgId]);
      const raw = rows[0]!['QUERY PLAN'];
      const estimate = ((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[])[0]!.Plan['Plan Rows'];
      expect(estimate).toBeGreaterThan(actual[0]!.n / 2);
      expect(estimate).toBeLessThan(actual[0]!.n * 2);

      const walk = await db.transaction(async (tx) => {
        await tx.exec('set local enable_seqscan = off; set local enable_bitmapscan = off');
        const { rows: plan } = await tx.query<{ 'QUERY PLAN': string }>(
          `explain (costs off) select m.id from members m where ${where} order by m.sort_name, m.id limit 51`,
          [orgId],
        );
        return plan.map((r) => Object.values(r)[0]).join('\n');
      });
      // Index Only: search_text is in the index, so the filter needs no table row once the visibility map is set.
      expect(walk).toMatch(/Index Only Scan using members_org_sort_search/);
      expect(walk).not.toMatch(/Sort/);
    });

    it('pages the seats of a subscription most members hold in name order without sorting the organization, and counts its idle seats off their index', { timeout: 60_000 }, async () => {
      // Without the organization's condition on members, the page joined every seat to its member and sorted them all:
      // 126 ms for 50,000 seats of 100,000 members on Postgres. With it the planner walks the name order and stops at
      // the page (0.9 ms).
      const orgId = h().demo.northwind.orgId;
      const db = h().server.database;
      const { rows: counted } = await db.query<{ n: number }>(`select count(*)::int as n from members where org_id = $1`, [orgId]);
      if (counted[0]!.n < 5_000) await h().server.seedMembers(orgId, 5_000 - counted[0]!.n);
      await h().call('POST', '/v1/products', { serverKey: true, body: { key: 'plan-seats', name: 'Plan seats' } });
      const sub = await h().call('POST', h().nw('/subscriptions'), { serverKey: true, body: { productKey: 'plan-seats', seatLimit: 10_000 } });
      await db.query(
        `insert into seat_assignments (subscription_id, member_id, assigned_by) select $1, id, null from members where org_id = $2 order by md5(id) limit 4000`,
        [sub.body.id, orgId],
      );
      await db.exec('analyze members; analyze seat_assignments');
      const plan = async (after: readonly [string, string] | null) => {
        const { sql, params } = seatPageQuery(sub.body.id, orgId, after, 51);
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${sql}`, params);
        return rows.map((r) => Object.values(r)[0]).join('\n');
      };
      for (const text of [await plan(null), await plan(['m', 'mem_0'])]) {
        expect(text).toMatch(/Index (Only )?Scan using members_org_sort_search on members/);
        expect(text).not.toMatch(/Sort/);
      }
      // The page itself, through the route: 50 seats in name order, then the next page after them.
      const first = await h().call('GET', h().nw(`/subscriptions/${sub.body.id}/seats?limit=50`), { as: OWNER });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(50);
      const second = await h().call('GET', h().nw(`/subscriptions/${sub.body.id}/seats?limit=50&cursor=${first.body.nextCursor}`), { as: OWNER });
      const { rows: expected } = await db.query<{ member_id: string }>(
        `select sa.member_id from seat_assignments sa join members m on m.id = sa.member_id where sa.subscription_id = $1 order by m.sort_name, m.id limit 100`,
        [sub.body.id],
      );
      expect([...first.body.items, ...second.body.items].map((s: { memberId: string }) => s.memberId)).toEqual(expected.map((r) => r.member_id));
      // The subscription list's idle count reads the idle seats off their index by the cutoff: with the cutoffs joined
      // from an array the planner guessed a third of the seats idle and read them all (8.7 ms at 50,000 seats).
      const idle = idleAndRequestedQuery(orgId, [{ id: sub.body.id }], new Date());
      const { rows: idlePlan } = await db.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${idle.sql}`, idle.params);
      const idleText = idlePlan.map((r) => Object.values(r)[0]).join('\n');
      expect(idleText).toMatch(/seat_assignments_idle/);
      expect(idleText).not.toMatch(/Seq Scan on seat_assignments/);
      const listed = await h().call('GET', h().nw('/subscriptions'), { as: OWNER });
      expect(listed.body.items.find((s: { id: string }) => s.id === sub.body.id).seats).toMatchObject({ assigned: 4000, idle: 0 });
      await db.query(`delete from subscriptions where id = $1`, [sub.body.id]);
    });

    it('claims the next emails due from the queue in order, without reading the whole backlog (migration 018)', { timeout: 60_000 }, async () => {
      // With (status, seq) the claim read every unsent row and sorted them: 5.7 ms per claim behind 3,000 emails, and a
      // bulk invite of 1,000 claims 50 times while its backlog grows (npm run bench). A walk in queue order stops after
      // its batch.
      const db = h().server.database;
      await db.query(
        `insert into outbox_emails (to_email, subject, text_body, kind, status, seq)
         select 'plan-' || n || '@example.com', 'Invited', 'Join', 'invitation', case when n % 10 = 0 then 'sending' else 'pending' end, 1000000 + n
           from generate_series(1, 3000) as n`,
      );
      await db.exec('analyze outbox_emails');
      const now = new Date();
      const plan = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${CLAIM_EMAILS_SQL}`, [now, 5, new Date(now.getTime() - 30_000), 'key']);
        return rows.map((r) => Object.values(r)[0]).join('\n');
      });
      // The batch is locked straight off the index walk: no sort of the backlog under it.
      expect(plan).toMatch(/LockRows\s+->\s+Index Scan using outbox_emails_due/);
      expect(plan).not.toMatch(/Sort/);
      await db.query(`delete from outbox_emails where to_email like 'plan-%'`);
    });
  });
});
