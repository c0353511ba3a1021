// The member export (issue 18 part 4): `GET /v1/orgs/:orgId/members/export` of an organization of 100,000 members,
// streamed and counted as it arrives, with the process's heap sampled during the stream.
//
//   SEATKIT_TEST_DATABASE_URL=postgres://… npx tsx bench/member-export.ts      (Postgres, in a database of its own)
//   npx tsx bench/member-export.ts                                             (PGlite, in memory)
//
// In-process through `server.fetch`: the figures are the server's own (auth, SQL, CSV), without sockets. "Bounded
// memory" means the heap while streaming stays near the heap before it, whatever the organization's size: compare
// the peak above baseline at 10,000 and at 100,000 members (SEATKIT_BENCH_MEMBERS).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type Database } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';

const ADMIN_URL = process.env.SEATKIT_TEST_DATABASE_URL;
const MEMBERS = Number(process.env.SEATKIT_BENCH_MEMBERS ?? 100_000);
const log = (...args: unknown[]) => console.error('[bench:member-export]', ...args);
const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

async function openDatabase(): Promise<{ database: Database; drop: () => Promise<void>; kind: string }> {
  if (!ADMIN_URL) return { database: await createPGliteDatabase(), drop: async () => {}, kind: 'PGlite' };
  const name = `seatkit_bench_export_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // Seeding 100,000 members is one long statement: past the 10 s default meant for requests.
  const database = await createPgDatabase({ connectionString: url.toString(), statementTimeoutMs: 300_000 });
  return {
    database,
    kind: 'Postgres',
    drop: async () => {
      const again = new pg.Client({ connectionString: ADMIN_URL });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

async function main() {
  const { database, drop, kind } = await openDatabase();
  const server = await createSeatKitServer({ database, auth: { mode: 'dev', secret: 'bench-secret' }, logger: silentLogger });
  try {
    const demo = await server.seedDemo();
    log(`seeding ${MEMBERS.toLocaleString('en')} members on ${kind}…`);
    await server.seedMembers(demo.northwind.orgId, MEMBERS);
    const token = await server.devToken('owner@northwind.test');
    globalThis.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const started = performance.now();
    const res = await server.fetch(new Request(`http://bench.test/v1/orgs/${demo.northwind.orgId}/members/export`, { headers: { authorization: `Bearer ${token}` } }));
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!bytes) firstByteMs = performance.now() - started;
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const totalMs = performance.now() - started;
    clearInterval(sampler);
    const result = {
      database: kind,
      members: lines - 1,
      bytes,
      firstByteMs: Math.round(firstByteMs),
      totalMs: Math.round(totalMs),
      rowsPerSecond: Math.round(((lines - 1) / totalMs) * 1000),
      heapBaselineMB: mb(baseline),
      heapPeakAboveBaselineMB: mb(peak - baseline),
      load: loadavg().map((l) => Math.round(l * 10) / 10),
      cpus: cpus().length,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.close();
    await drop();
  }
}

await main();
