#!/usr/bin/env node
// `npm run bench`: every performance figure of SeatKit, measured in one run on this machine, written to
// bench-results/latest.json and bench-results/latest.md (the markdown is printed too).
//
//   bench/server.ts    list members of a 100,000-member org (PGlite and Postgres), 50 concurrent seat assignments
//                      against 10 seats, a 1,000-email bulk invite through the client, client overhead vs bare fetch
//   bench/browser.ts   <MemberList> with 10,000 members vs a plain table, in Chromium
//   size-limit         bundle sizes of the current builds (run `npm run build` first; skipped without dist/)
//
//   npm run bench                       everything
//   npm run bench -- --only=server      or browser, size (comma-separated)
//   npm run bench -- --readme           also put the figures in bench/README.md (between its bench markers;
//                                       with --only, the sections of the parts not run are kept)
//
// Postgres: SEATKIT_TEST_DATABASE_URL if set, else a throwaway cluster on 127.0.0.1 (scripts/lib/postgres.mjs,
// as the tests do). Everything listens on loopback only. Each part has a time limit; the whole run takes 3–5 minutes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { bin, capture, repoRoot } from './lib/process.mjs';
import { startTestPostgres } from './lib/postgres.mjs';
import { CHROMIUM_PATH, ensureSystemDeps } from './lib/system-deps.mjs';

const PARTS = ['server', 'browser', 'size'];
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const parts = onlyArg ? onlyArg.slice('--only='.length).split(',').filter(Boolean) : PARTS;
const unknown = parts.filter((p) => !PARTS.includes(p));
if (unknown.length) {
  console.error(`unknown part(s): ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'seatkit-bench-'));
const stops = [() => rmSync(work, { recursive: true, force: true })];
const cleanup = () => {
  while (stops.length) {
    try {
      stops.pop()();
    } catch {}
  }
};
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/**
 * Runs a command with inherited output; after `timeoutMs` kills it with its whole process group (tsx runs the
 * script in a child process of its own, which killing tsx alone would leave running). Resolves with the exit code.
 */
function runBounded(command, args, { env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit', detached: true });
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    };
    stops.push(kill);
    const timer = setTimeout(() => {
      console.error(`[bench] ${args.join(' ')} exceeded ${timeoutMs / 1000} s: stopping it`);
      kill();
    }, timeoutMs);
    child.on('error', () => resolve(127));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const started = Date.now();
const results = {
  command: 'npm run bench',
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  },
  server: null,
  browser: null,
  size: null,
  errors: [],
};

const problems = await ensureSystemDeps({
  chromium: parts.includes('browser'),
  postgres: parts.includes('server') && !process.env.SEATKIT_TEST_DATABASE_URL,
});
for (const p of problems) console.error(`[bench] ${p}`);

if (parts.includes('server')) {
  const env = { ...process.env };
  if (!env.SEATKIT_TEST_DATABASE_URL) {
    try {
      const pg = await startTestPostgres({ log: (m) => console.error(m) });
      stops.push(pg.stop);
      env.SEATKIT_TEST_DATABASE_URL = pg.url;
    } catch (error) {
      results.errors.push(`Postgres: ${error.message.split('\n')[0]} (PGlite figures only)`);
    }
  }
  const out = join(work, 'server.json');
  const code = await runBounded(bin('tsx'), ['bench/server.ts', '--out', out], { env, timeoutMs: 540_000 });
  results.server = readJson(out);
  for (const e of results.server?.errors ?? []) results.errors.push(`server: ${e}`);
  if (code !== 0 || !results.server) results.errors.push(`bench/server.ts exited ${code}`);
}

if (parts.includes('browser')) {
  const out = join(work, 'browser.json');
  const env = { ...process.env, SEATKIT_CHROMIUM_PATH: CHROMIUM_PATH };
  const code = await runBounded(bin('tsx'), ['bench/browser.ts', '--out', out], { env, timeoutMs: 180_000 });
  results.browser = readJson(out);
  if (code !== 0 || !results.browser) results.errors.push(`bench/browser.ts exited ${code}`);
}

if (parts.includes('size')) {
  const entries = JSON.parse(readFileSync(join(repoRoot, '.size-limit.json'), 'utf8'));
  const missing = [...new Set(entries.map((e) => e.path).filter((p) => !existsSync(join(repoRoot, p))))];
  if (missing.length) {
    results.errors.push(`size: ${missing.join(', ')} missing (run npm run build first)`);
  } else {
    const run = capture(bin('size-limit'), ['--json']);
    try {
      const checks = JSON.parse(run.stdout);
      results.size = checks.map((c) => ({
        name: c.name,
        bytes: c.size,
        limit: entries.find((e) => e.name === c.name)?.limit ?? null,
        passed: c.passed,
      }));
    } catch {
      results.errors.push(`size-limit gave no report: ${(run.stderr || run.stdout).slice(0, 300)}`);
    }
  }
}

results.durationSeconds = Math.round((Date.now() - started) / 1000);

// ------------------------------------------------------------------------------------------------ markdown
const f = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '—');
const ms = (n) => (typeof n === 'number' ? `${f(n, n < 10 ? 2 : 1)} ms` : '—');
const int = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '—');
const summaryP50 = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.ceil(sorted.length / 2) - 1] : NaN;
};
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const md = [];
md.push(`# SeatKit benchmarks`, '');
md.push(
  `Measured by \`${results.command}\` on ${results.date.slice(0, 16).replace('T', ' ')} UTC — Node ${results.machine.node}, ` +
    `${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, ` +
    `load average ${results.machine.loadAverageAtStart.join(' / ')} at start. Total ${results.durationSeconds} s.`,
  '',
);
if (results.machine.loadAverageAtStart[0] > results.machine.cpus) {
  md.push(`> The machine was busy with other work (load above its core count): absolute times are pessimistic; the ratios are taken from interleaved runs and hold better.`, '');
}

const s = results.server;
const ref = [s?.postgres, s?.pglite].find((db) => db?.list && db?.seats && db?.bulkInvite) ?? (s?.postgres?.list ? s.postgres : s?.pglite);
if (s && ref?.list) {
  const dbs = [s.pglite, s.postgres].filter(Boolean);
  const l = (db) => db.list;
  md.push(`## Server`, '');
  md.push(
    `List members of a ${int(ref.members)}-member organization, pages of 50, in-process (\`server.fetch\`: routing, auth, validation, SQL, JSON; no socket).`,
    '',
  );
  const head = ['Case', ...dbs.flatMap((db) => [`${db.database} p50`, `${db.database} p95`])];
  const row = (label, pick) => [label, ...dbs.flatMap((db) => (l(db) ? [ms(pick(l(db)).p50), ms(pick(l(db)).p95)] : ['—', '—']))];
  md.push(
    table(head, [
      row('first page', (x) => x.firstPage),
      row(`page ${int(ref.list.deepPage.page)} (keyset cursor)`, (x) => x.deepPage),
      row(`search "${ref.list.searchCommon.query}" (${ref.list.searchCommon.matches} match)`, (x) => x.searchCommon),
      row('search one exact email (1 match)', (x) => x.searchRare),
    ]),
    '',
  );
  const larges = dbs.filter((db) => db.largeSubscription);
  if (larges.length) {
    const big = larges[0].largeSubscription;
    md.push(
      `A subscription held by ${int(big.seats)} of those members (its seats written in one statement), in-process. Reading the subscriptions counts every seat held; the seats' page and an assignment that spends seat tokens count none:`,
      '',
    );
    const bigRow = (label, pick) => [label, ...dbs.flatMap((db) => (db.largeSubscription ? [ms(pick(db.largeSubscription).p50), ms(pick(db.largeSubscription).p95)] : ['—', '—']))];
    md.push(
      table(head, [
        bigRow('first page of its seats', (x) => x.seatsPage),
        bigRow('the subscription list (with its seat counts)', (x) => x.subscriptions),
        bigRow('one assignment (a member each time)', (x) => x.assign),
      ]),
      '',
    );
  }
  md.push(`${ref.seats?.requests ?? 50} concurrent seat assignments (one member each, over HTTP) against a ${ref.seats?.seatLimit ?? 10}-seat subscription${s.postgres ? ` (Postgres pool of ${s.poolSize} connections)` : ''}:`, '');
  md.push(
    table(
      ['Database', 'wall time', 'throughput', 'p50', 'p95', 'ok', 'seats_exhausted', 'other errors', 'seats in DB', 'over-allocation'],
      dbs.filter((db) => db.seats).map((db) => [
        db.database,
        ms(db.seats.wallMs),
        `${f(db.seats.throughputPerSecond)} req/s`,
        ms(db.seats.latency.p50),
        ms(db.seats.latency.p95),
        db.seats.ok,
        db.seats.seatsExhausted,
        db.seats.otherErrors,
        db.seats.seatsInDatabase,
        db.seats.overAllocated ? '**YES**' : 'none',
      ]),
    ),
    '',
  );
  md.push(
    `Bulk invite of ${int(ref.bulkInvite?.emails ?? 1000)} emails through \`seatkit.invitations.create\` (the client sends ${ref.bulkInvite?.batches ?? 10} batches of 100, over HTTP), ${ref.bulkInvite?.roundsMs?.length ?? 1} rounds of new emails: the median, and each round (the first pays for V8 compiling the route, as after a start):`,
    '',
  );
  md.push(
    table(
      ['Database', 'total (median)', 'per invitation', 'rounds', 'ok per round', 'failed'],
      dbs.filter((db) => db.bulkInvite).map((db) => {
        const b = db.bulkInvite;
        const rounds = (b.roundsMs ?? [b.totalMs]).map(ms).join(', ');
        return b.completed
          ? [db.database, ms(b.totalMs), ms(b.totalMs / b.emails), rounds, b.ok, b.failed]
          : [db.database, `> ${ms(b.totalMs)} (stopped)`, `≥ ${ms(b.totalMs / Math.max(1, b.createdInDatabase))}`, rounds, `${b.createdInDatabase} created`, '—'];
      }),
    ),
    '',
  );
  const t = s.postgres?.throughput;
  const goal = s.targets ?? {};
  const meets = (ok) => (ok ? 'met' : '**missed**');
  if (t) {
    md.push(`Throughput on Postgres, side by side in this run (targets from issue 16):`, '');
    const listP95 = Math.max(...['firstPage', 'deepPage', 'searchCommon', 'searchRare'].map((k) => s.postgres.list?.[k]?.p95 ?? Infinity));
    md.push(
      table(
        ['Figure', 'measured', 'target', ''],
        [
          [
            `one assignment / a read of the same subscription's seats (p50, in-process, ${t.assignVsRead.assign.n} of each, interleaved)`,
            `${f(t.assignVsRead.ratioP50, 2)}× (${ms(t.assignVsRead.assign.p50)} / ${ms(t.assignVsRead.read.p50)})`,
            `≤ ${goal.assignVsReadRatio}×`,
            meets(t.assignVsRead.ratioP50 <= goal.assignVsReadRatio),
          ],
          [
            `${t.contention.assignments} simultaneous assignments into one subscription, speed against ${t.contention.assignments} into ${t.contention.assignments} subscriptions (median of ${t.contention.rounds} alternating rounds each, HTTP)`,
            `${f(t.contention.speedRatio, 2)} (${ms(summaryP50(t.contention.oneSubscriptionMs))} vs ${ms(summaryP50(t.contention.separateMs))})`,
            `≥ ${goal.contentionSpeed}`,
            meets(t.contention.speedRatio >= goal.contentionSpeed && t.contention.failed === 0),
          ],
          ...(t.contentionAtDatabase
            ? [
                [
                  `the same at the database: ${t.contentionAtDatabase.assignments} claim statements over ${t.contentionAtDatabase.connections} connections, no HTTP (median of ${t.contentionAtDatabase.rounds} alternating rounds each)`,
                  `${f(t.contentionAtDatabase.speedRatio, 2)} (${ms(summaryP50(t.contentionAtDatabase.oneSubscriptionMs))} vs ${ms(summaryP50(t.contentionAtDatabase.separateMs))})`,
                  `≥ ${goal.contentionSpeed}`,
                  meets(t.contentionAtDatabase.speedRatio >= goal.contentionSpeed && t.contentionAtDatabase.failed === 0),
                ],
              ]
            : []),
          [
            `${int(s.postgres.bulkInvite?.emails ?? 1000)} invitations through the client (median of ${s.postgres.bulkInvite?.roundsMs?.length ?? 1} rounds)`,
            ms(s.postgres.bulkInvite?.totalMs),
            `≤ ${goal.bulkInviteMs} ms`,
            meets(s.postgres.bulkInvite?.completed && s.postgres.bulkInvite.totalMs <= goal.bulkInviteMs),
          ],
          [`list and search, slowest p95 of the four cases above`, ms(listP95), `≤ ${goal.listP95Ms} ms`, meets(listP95 <= goal.listP95Ms)],
        ],
      ),
      '',
    );
    const two = t.twoInstances;
    md.push(`The ${two.requests} concurrent assignments against a ${two.seatLimit}-seat subscription again, sent alternately to two server instances on the one Postgres:`, '');
    md.push(
      table(
        ['Instances', 'wall time', 'throughput', 'p50', 'p95', 'ok', 'seats_exhausted', 'other errors', 'seats in DB', 'over-allocation'],
        [
          [
            2,
            ms(two.wallMs),
            `${f(two.throughputPerSecond)} req/s`,
            ms(two.latency.p50),
            ms(two.latency.p95),
            two.ok,
            two.seatsExhausted,
            two.otherErrors,
            two.seatsInDatabase,
            two.overAllocated ? '**YES**' : 'none',
          ],
        ],
      ),
      '',
    );
  }
  md.push(
    `Seeding the organization (\`server.seedMembers\`, one statement): ` +
      dbs
        .filter((db) => db.seedMs)
        .map((db) => `${db.database} ${f(db.seedMs / 1000)} s${db.seedCachedAt ? ` (measured ${db.seedCachedAt.slice(0, 16).replace('T', ' ')} UTC; this run loaded it from node_modules/.cache/seatkit-bench)` : ''}`)
        .join(', ') +
      '.',
    '',
  );
  if (!s.postgres) md.push('No Postgres figures in this run.', '');
}
if (s?.client) {
  const c = s.client;
  md.push(`## Client`, '');
  md.push(`\`seatkit.members.list\` vs a bare \`fetch\` + \`JSON.parse\` of the same URL (first page of ${c.pageSize}, PGlite server over HTTP on 127.0.0.1, interleaved, ${c.bareFetch.n} calls each):`, '');
  md.push(
    table(
      ['Call', 'p50', 'p95'],
      [
        ['bare fetch + JSON.parse', ms(c.bareFetch.p50), ms(c.bareFetch.p95)],
        ['members.list (ky, retries, contract shape check)', ms(c.membersList.p50), ms(c.membersList.p95)],
      ],
    ),
    '',
    `Ratio (p50): **${f(c.ratioP50, 2)}×** (${f(c.overheadP50Ms, 2)} ms per call).`,
    '',
  );
}

const b = results.browser;
if (b) {
  md.push(`## Browser`, '');
  md.push(
    `Chromium (headless), React production build, ${int(b.members)} members already in memory (MemberList's cache pre-filled, so no network in the timing); ` +
      `time from \`root.render\` to the first painted frame with rows, ${b.memberList.firstRender.n} alternating rounds each:`,
    '',
  );
  md.push(
    table(
      ['Component', 'first render p50', 'p95', 'rows in DOM', 'DOM elements'],
      [
        ['MemberList (virtualized)', ms(b.memberList.firstRender.p50), ms(b.memberList.firstRender.p95), int(b.memberList.rowsInDom), int(b.memberList.domNodes)],
        ['plain <table>', ms(b.plainTable.firstRender.p50), ms(b.plainTable.firstRender.p95), int(b.plainTable.rowsInDom), int(b.plainTable.domNodes)],
      ],
    ),
    '',
    `The plain table takes **${f(b.ratioP50)}×** as long to first render. Requests MemberList sent on mount with a warm cache: ${b.memberList.requestsOnMountWithWarmCache.length === 0 ? 'none' : b.memberList.requestsOnMountWithWarmCache.join(', ')}.`,
    '',
    `Cold mount against the real server (empty cache, fresh page, ${b.cold.runs} runs): first row after ${ms(b.cold.firstRow.p50)} (p50), ` +
      `${int(b.cold.rowsInDom)} rows in the DOM; requests: ${b.cold.requests.map((r) => `${r.url.replace(/\/v1\/orgs\/[^/]+/, '/v1/orgs/:orgId')} @${r.atMs} ms`).join(', ')}.`,
    '',
  );
  const i = b.cold.interactions;
  if (i) {
    md.push(
      `Typing "okafor" (${i.typedCharacters} keys, 40 ms apart) sent ${i.searchRequests} member request(s); clearing the search ${i.requestsAfterClearingSearch} ` +
        `(the first page is cached); scrolling to the end 5 times sent ${i.scrollRequests} page request(s), ${i.duplicateScrollRequests} duplicate(s), ` +
        `${int(i.rowsAfterScrolling)} rows in the DOM afterwards.`,
      '',
    );
  }
}

if (results.size) {
  md.push(`## Bundle size (gzip, size-limit, current builds)`, '');
  md.push(
    table(
      ['Entry', 'size', 'budget', ''],
      results.size.map((c) => [c.name, `${f(c.bytes / 1000, 2)} kB`, c.limit ?? '—', c.passed ? 'ok' : '**over**']),
    ),
    '',
    'For comparison: @workos-inc/widgets is about 87 kB gzip without its peers.',
    '',
  );
}

if (results.errors.length) md.push(`## Not measured`, '', ...results.errors.map((e) => `- ${e}`), '');

const markdown = md.join('\n');
const outDir = join(repoRoot, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(outDir, 'latest.md'), markdown);
console.log(`\n${markdown}`);
/**
 * A run of some parts (`--only`) replaces their sections of the README's figures and keeps the others, named in the
 * header with the run they come from (the one that measured them, when an earlier partial run already said so).
 */
function mergeSections(previous, body) {
  const split = (text) => {
    const [head, ...rest] = text.split(/^(?=### )/m);
    return { head: head.trim(), sections: rest.map((chunk) => ({ title: chunk.slice(0, chunk.indexOf('\n')), text: chunk.trimEnd() })) };
  };
  const old = split(previous);
  const now = split(body);
  const fresh = new Map(now.sections.map((section) => [section.title, section]));
  const kept = old.sections.filter((section) => !fresh.has(section.title) && section.title !== '### Not measured');
  const merged = [...old.sections.map((section) => fresh.get(section.title) ?? (kept.includes(section) ? section : null)).filter(Boolean)];
  for (const section of now.sections) if (!merged.includes(section)) merged.push(section);
  let head = now.head;
  if (kept.length) {
    const from = /from the ([^)]*?) run\.\)/.exec(old.head)?.[1] ?? /on \d{4}-\d{2}-\d{2} (\d{2}:\d{2}) UTC/.exec(old.head)?.[1] ?? 'previous';
    const names = kept.map((section) => section.title.replace(/^### /, '').replace(/ \(.*$/, '').toLowerCase());
    head = head.replace(/\n*$/, '').replace(/(Total [\d.]+ s\.)/, `$1 (\`${onlyArg}\`: the ${names.join(' and ')} figures below are from the ${from} run.)`);
  }
  return [head, ...merged.map((section) => section.text)].join('\n\n');
}

if (process.argv.includes('--readme')) {
  const readme = join(repoRoot, 'bench/README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (text.includes(start) && text.includes(end)) {
    const body = markdown.replace(/^# SeatKit benchmarks\n\n/, '').replace(/^## /gm, '### ');
    const previous = text.slice(text.indexOf(start) + start.length, text.indexOf(end)).trim();
    writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${onlyArg ? mergeSections(previous, body) : body}\n${text.slice(text.indexOf(end))}`);
    console.log('[bench] updated the figures in bench/README.md');
  } else {
    console.error(`[bench] bench/README.md has no ${start} … ${end} section: not updated`);
  }
}
console.log(`\n[bench] wrote bench-results/latest.md and bench-results/latest.json (${results.durationSeconds} s)`);
process.exit(results.errors.length ? 1 : 0);
