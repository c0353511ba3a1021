// Seat lifecycle figures on Postgres (issue 17): the reclaim of 1,000 idle seats, and the seat usage report of an
// organization of 100,000 members whose seats are all assigned.
//
//   SEATKIT_TEST_DATABASE_URL=postgres://… npx tsx bench/seat-lifecycle.ts
//
// Works in a database of its own (created and dropped). In-process through `server.fetch`, so the figures are the
// server's own time: auth, validation, SQL, JSON, without sockets. Every loop is bounded (lib/measure.ts).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createSeatKitServer, silentLogger, type SeatKitServer } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';
import { round, sample, summarize } from './lib/measure.js';

const ADMIN_URL = process.env.SEATKIT_TEST_DATABASE_URL;
const MEMBERS = Number(process.env.SEATKIT_BENCH_MEMBERS ?? 100_000);
const RECLAIMED = 1_000;
const DAY = 24 * 3600_000;
const log = (...args: unknown[]) => console.error('[bench:seat-lifecycle]', ...args);

if (!ADMIN_URL) throw new Error('Set SEATKIT_TEST_DATABASE_URL to a Postgres the bench may create a database on');

async function call(server: SeatKitServer, token: string, method: string, path: string, body?: unknown) {
  const res = await server.fetch(
    new Request(`http://bench.test${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const json = (await res.json()) as any;
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A subscription of `seats` seats in the org, every seat assigned to a fresh member `daysAgo` days ago (one statement each). */
async function seatedSubscription(server: SeatKitServer, orgId: string, productId: string, seats: number, daysAgo: number) {
  await server.seedMembers(orgId, seats);
  const { rows } = await server.database.query<{ id: string }>(
    `insert into subscriptions (org_id, product_id, seat_limit) values ($1, $2, $3) returning id`,
    [orgId, productId, seats],
  );
  const id = rows[0]!.id;
  await server.database.query(
    `insert into seat_assignments (subscription_id, member_id, assigned_at)
     select $1, m.id, $3 from members m where m.org_id = $2 and not exists (select 1 from seat_assignments sa where sa.member_id = m.id) and m.email like 'seed-%'
     limit $4`,
    [id, orgId, new Date(Date.now() - daysAgo * DAY), seats],
  );
  return id;
}

async function main() {
  const name = `seatkit_bench_life_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL!);
  url.pathname = `/${name}`;
  const server = await createSeatKitServer({
    database: createPgDatabase({ connectionString: url.toString(), max: 10, statementTimeoutMs: 0 }),
    auth: { mode: 'dev', secret: 'bench' },
    logger: silentLogger,
    rateLimits: false,
    jobs: { intervalMs: 0 },
  });
  try {
    const demo = await server.seedDemo();
    const orgId = demo.northwind.orgId;
    const token = await server.devToken('owner@northwind.test');
    const product = (await server.database.query<{ id: string }>(`select id from products where key = 'imaging-cloud'`)).rows[0]!.id;

    // 1. Reclaim of 1,000 seats idle for 40 days (dry run first, as the console does).
    const reclaimSub = await seatedSubscription(server, orgId, product, RECLAIMED, 40);
    let started = performance.now();
    const preview = await call(server, token, 'GET', `/v1/orgs/${orgId}/subscriptions/${reclaimSub}/idle-seats?idleDays=30&limit=200`);
    const previewMs = performance.now() - started;
    started = performance.now();
    const result = await call(server, token, 'POST', `/v1/orgs/${orgId}/subscriptions/${reclaimSub}/reclaim`, { idleDays: 30 });
    const reclaimMs = performance.now() - started;
    const released = result.results.filter((r: any) => r.ok).length;
    const left = (await server.database.query<{ n: number }>(`select count(*)::int as n from seat_assignments where subscription_id = $1`, [reclaimSub])).rows[0]!.n;
    log(`reclaim: ${preview.count} idle in the dry run (${round(previewMs)} ms for its first page), ${released} released in ${round(reclaimMs)} ms, ${left} left`);

    // 2. The usage report over 90 days with 100,000 members, every one holding a seat of one subscription, a third of
    //    them used today, and 90 recorded days per subscription.
    started = performance.now();
    const big = await seatedSubscription(server, orgId, product, MEMBERS, 100);
    await server.database.query(
      `update seat_assignments set last_used_at = now() - interval '1 hour' where subscription_id = $1 and hashtext(member_id) % 3 = 0`,
      [big],
    );
    await server.database.query(
      `insert into seat_usage_days (subscription_id, day, assigned, used, requested)
       select s.id, (now() - g * interval '1 day')::date, $2, $2 / 3, 1 from subscriptions s, generate_series(1, 89) g where s.org_id = $1`,
      [orgId, MEMBERS],
    );
    await server.database.exec('analyze');
    log(`seeded ${MEMBERS} seated members and 89 recorded days in ${round((performance.now() - started) / 1000)} s`);

    const report = await call(server, token, 'GET', `/v1/orgs/${orgId}/seat-usage?days=90`);
    const usage = summarize(await sample(() => call(server, token, 'GET', `/v1/orgs/${orgId}/seat-usage?days=90`), { iterations: 20, maxMs: 30_000 }));
    const subs = summarize(await sample(() => call(server, token, 'GET', `/v1/orgs/${orgId}/subscriptions`), { iterations: 20, maxMs: 30_000 }));
    const recordMs = summarize(
      await sample(
        async () => {
          await server.database.query(`delete from seatkit_jobs where name = 'recordSeatUsage'`);
          await server.runJobs();
        },
        { iterations: 10, maxMs: 30_000 },
      ),
    );
    const bigDays = report.items.find((i: any) => i.subscriptionId === big).days;
    log(`seat-usage (90 days, ${report.items.length} subscriptions, ${bigDays.length} days of the big one): p50 ${usage.p50} ms, p95 ${usage.p95} ms`);
    log(`subscriptions list with idle and requested counts: p50 ${subs.p50} ms, p95 ${subs.p95} ms`);
    log(`the jobs' run with the usage record (every subscription of every org): p50 ${recordMs.p50} ms`);
    log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  } finally {
    await server.close();
    const a = new pg.Client({ connectionString: ADMIN_URL });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  }
}

await main();
