// Browser benchmark (run by scripts/bench.mjs; `npx tsx bench/browser.ts --out file.json` alone works too):
// <MemberList> over 10,000 members in Chromium, against the real server (PGlite, real HTTP on 127.0.0.1),
// side by side with a plain non-virtualized <table> of the same members, in the same page and run.
// The page (bench/browser/) is built with Vite in production mode, so React runs as it would in an app.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createPGliteDatabase, createSeatKitServer, silentLogger } from '@seatkit/server';
import { startNodeServer } from '@seatkit/server/node';
import { chromiumLaunchOptions, sourceAliases } from '../vitest.shared.js';
import { round, summarize, withTimeout } from './lib/measure.js';

const MEMBERS = 10_000;
const COLD_RUNS = 3;
const COMPARE_ROUNDS = 3;

const log = (...args: unknown[]) => console.error('[bench:browser]', ...args);
const here = fileURLToPath(new URL('.', import.meta.url));

async function buildPage(outDir: string) {
  const started = performance.now();
  await build({
    root: join(here, 'browser'),
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    resolve: { alias: sourceAliases },
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
  return Math.round(performance.now() - started);
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** The built page, from 127.0.0.1 on a random port. */
function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${address.port}` });
    });
  });
}

async function main() {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  const started = performance.now();

  const dist = mkdtempSync(join(tmpdir(), 'seatkit-bench-page-'));
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => rmSync(dist, { recursive: true, force: true })];
  try {
    log('building the page (vite, production)');
    const buildMs = await buildPage(dist);
    const page = await serveStatic(dist);
    cleanups.push(() => new Promise((r) => page.server.close(r)));

    log(`seeding ${MEMBERS} members (PGlite)`);
    const database = await createPGliteDatabase();
    const server = await createSeatKitServer({
      database,
      auth: { mode: 'dev', secret: 'bench-secret' },
      serverKey: 'sk_bench',
      appUrl: page.url,
      logger: silentLogger,
      cors: { origins: [page.url] },
    });
    const demo = await server.seedDemo();
    const orgId = demo.northwind.orgId;
    const { rows } = await database.query<{ n: number }>(`select count(*)::int as n from members where org_id = $1`, [orgId]);
    await server.seedMembers(orgId, MEMBERS - Number(rows[0]!.n));
    await database.exec('analyze');
    const token = await server.devToken('owner@northwind.test');
    const api = await startNodeServer(server, { port: 0, hostname: '127.0.0.1' });
    cleanups.push(() => api.close());

    const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
    cleanups.push(() => browser.close());
    const open = async (mode: string, timeoutMs: number, extra: Record<string, string> = {}) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const tab = await context.newPage();
        const query = new URLSearchParams({ api: api.url, token, orgId, mode, rounds: String(COMPARE_ROUNDS), ...extra });
        await tab.goto(`${page.url}/?${query}`);
        await tab.waitForFunction(() => window.__benchResult !== undefined || window.__benchError !== undefined, null, {
          timeout: timeoutMs,
          polling: 100,
        });
        const error = await tab.evaluate(() => window.__benchError);
        if (error) throw new Error(`page (${mode}): ${error}`);
        return await tab.evaluate(() => window.__benchResult);
      } finally {
        await context.close();
      }
    };

    log(`cold mounts of MemberList (${COLD_RUNS} fresh pages)`);
    type Cold = {
      firstRowMs: number;
      paintedMs: number;
      rowsInDom: number;
      domNodes: number;
      requests: { atMs: number; url: string }[];
      interactions: Record<string, number> | null;
    };
    const colds: Cold[] = [];
    // The last run also types a search and scrolls, counting the requests that causes.
    for (let i = 0; i < COLD_RUNS; i++) colds.push((await open('cold', 40_000, { interact: i === COLD_RUNS - 1 ? '1' : '0' })) as Cold);

    log(`MemberList vs plain table, ${COMPARE_ROUNDS} rounds each, alternating`);
    type Run = { paintedMs: number; rowsInDom: number; domNodes: number; requests?: string[] };
    const compare = (await open('compare', 120_000)) as { members: number; loadMs: number; list: Run[]; table: Run[] };

    const list = summarize(compare.list.map((r) => r.paintedMs));
    const table = summarize(compare.table.map((r) => r.paintedMs));
    const lastCold = colds[colds.length - 1]!;
    const result = {
      members: compare.members,
      buildMs,
      memberList: {
        firstRender: list,
        rowsInDom: compare.list[0]!.rowsInDom,
        domNodes: compare.list[0]!.domNodes,
        requestsOnMountWithWarmCache: [...new Set(compare.list.flatMap((r) => r.requests ?? []))],
      },
      plainTable: { firstRender: table, rowsInDom: compare.table[0]!.rowsInDom, domNodes: compare.table[0]!.domNodes },
      /** How many times longer the plain table takes to first render than MemberList (medians). */
      ratioP50: round(table.p50 / list.p50, 1),
      cold: {
        runs: colds.length,
        firstRow: summarize(colds.map((c) => c.firstRowMs)),
        painted: summarize(colds.map((c) => c.paintedMs)),
        rowsInDom: lastCold.rowsInDom,
        requests: lastCold.requests,
        interactions: lastCold.interactions,
      },
      allMembersLoadMs: round(compare.loadMs, 0),
      durationMs: Math.round(performance.now() - started),
    };
    const json = JSON.stringify(result, null, 2);
    if (out) writeFileSync(out, json);
    else console.log(json);
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((e) => log('cleanup failed', e));
  }
}

withTimeout(main(), 150_000, 'the browser bench').then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
