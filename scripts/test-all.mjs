#!/usr/bin/env node
// Every check of the repo, in one command (`npm test`, which `.ci/run` calls):
// system deps (Chromium, Postgres 15 from Debian) → throwaway Postgres → typecheck → vitest (core, server, react)
// → the examples' own tests → build → packaging (publint, attw) → the packed tarballs in fresh projects (consumers)
// → size budgets → Storybook tests → Playwright e2e
// → `npm start` smoke test, then a summary table and a closing `N passed, N failed` line. Exits non-zero if any
// step failed, and on a full run in which no test ran.
//
//   npm test                          everything (installs dependencies first)
//   node scripts/test-all.mjs         the same without `npm install`
//   npm test -- --only=vitest,typecheck   a subset;   --skip=e2e,size   everything but;   --list   the steps
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, capture, formatSeconds, freePort, repoRoot, stopActiveCommands, run, runTee } from './lib/process.mjs';
import { ensureSystemDeps, CHROMIUM_PATH } from './lib/system-deps.mjs';
import { startTestPostgres } from './lib/postgres.mjs';
import { lintPackages } from './lint-packages.mjs';
import { runConsumers } from './consumers.mjs';

let reportDir; // made once the arguments are parsed, so --list and bad arguments leave nothing behind
const has = (path) => existsSync(join(repoRoot, path));

/**
 * Test counts from a runner's closing lines: node:test (`ℹ pass 4` with the spec reporter, `# pass 4` with TAP)
 * or Vitest (`Tests  1 failed | 3 passed (4)`). Zero when neither is there; the exit code still decides.
 */
function closingCounts(output) {
  const text = output.replace(/\x1b\[[0-9;]*m/g, '');
  const node = (word) => Number(text.match(new RegExp(`^[#ℹ] ${word} (\\d+)$`, 'm'))?.[1] ?? 0);
  const vitestLine = text.match(/^\s*Tests\s+(.*)$/m)?.[1] ?? '';
  const vitest = (word) => Number(vitestLine.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return {
    passed: node('pass') + vitest('passed'),
    failed: node('fail') + vitest('failed'),
    skipped: node('skipped') + vitest('skipped'),
  };
}

/** Example apps that declare a `test` script: that is how an example opts into `npm test`. */
function examplesWithTests() {
  if (!has('examples')) return [];
  return readdirSync(join(repoRoot, 'examples'))
    .map((name) => `examples/${name}`)
    .filter((dir) => has(`${dir}/package.json`))
    .filter((dir) => JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).scripts?.test);
}

/** Sums a Vitest JSON report into test counts; null when the report is missing (Vitest crashed before writing it). */
function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // Per-package test counts, so the summary shows which project ran how much.
  const perPackage = {};
  for (const suite of report.testResults ?? []) {
    const pkg = suite.name.slice(repoRoot.length).match(/^(?:packages|examples)\/([^/]+)/)?.[1] ?? 'other';
    perPackage[pkg] = (perPackage[pkg] ?? 0) + (suite.assertionResults ?? []).length;
  }
  // A test file that fails to load (a broken import) has no test results: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter((s) => s.status === 'failed' && !s.assertionResults?.length);
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
    byPackage: Object.entries(perPackage).map(([pkg, n]) => `${pkg} ${n}`).join(', '),
  };
}

async function vitest(projectArgs, reportName, env) {
  const file = join(reportDir, `${reportName}.json`);
  const code = await run(
    bin('vitest'),
    ['run', ...projectArgs, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    { env },
  );
  const tests = vitestCounts(file);
  if (tests === null) return { ok: false, tests, note: `vitest exited ${code} without a report` };
  return { ok: code === 0, tests, note: tests.byPackage ? `tests per package: ${tests.byPackage}` : 'no test files' };
}

/**
 * The steps, in order. `needs` names the system services a step uses, so `--only=typecheck` neither installs
 * Chromium nor starts Postgres; `after` names a step whose failure makes this one pointless (it is then skipped).
 */
const STEPS = [
  {
    id: 'typecheck',
    title: 'tsc -p tsconfig.json --noEmit',
    run: async () => ({ ok: (await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) === 0 }),
  },
  {
    id: 'vitest',
    title: 'vitest run (core, server, react)',
    needs: ['chromium', 'postgres'],
    // Storybook's stories are a Vitest project too; they get a step of their own below, so they are not run twice.
    run: (env) => vitest(['--project', '!storybook'], 'vitest', env),
  },
  {
    id: 'examples',
    title: "each example's own `test` script (npm run test -w examples/…)",
    when: () => examplesWithTests().length > 0,
    whenNot: 'no example has a test script',
    run: async (env) => {
      const tests = { passed: 0, failed: 0, skipped: 0 };
      const notes = [];
      let ok = true;
      for (const dir of examplesWithTests()) {
        const { code, output } = await runTee('npm', ['run', 'test', '--silent', '-w', dir], { env });
        const found = closingCounts(output);
        if (code !== 0 && found.failed === 0) found.failed = 1;
        tests.passed += found.passed;
        tests.failed += found.failed;
        tests.skipped += found.skipped;
        notes.push(`${dir.split('/')[1]} ${found.passed}/${found.passed + found.failed}`);
        if (code !== 0) ok = false;
      }
      return { ok, tests, note: notes.join(', ') };
    },
  },
  {
    id: 'build',
    title: 'npm run build (core → server → react, tsup)',
    run: async () => ({ ok: (await run('npm', ['run', 'build', '--silent'])) === 0 }),
  },
  {
    // Each example must build the way a team that copies it would build it. The Next.js app uses the
    // packages' dist/, so this runs after the package build.
    id: 'examples-build',
    title: "each example's own `build` script (admin console, Next.js, provisioning script)",
    after: 'build',
    run: async (env) => {
      const failed = [];
      const dirs = readdirSync(join(repoRoot, 'examples')).filter((d) => has(`examples/${d}/package.json`));
      for (const dir of dirs) {
        const manifest = JSON.parse(readFileSync(join(repoRoot, 'examples', dir, 'package.json'), 'utf8'));
        if (!manifest.scripts?.build) continue;
        if ((await run('npm', ['run', 'build', '--silent', '-w', `examples/${dir}`], { env })) !== 0) failed.push(dir);
      }
      return { ok: failed.length === 0, note: failed.length ? `failing: ${failed.join(', ')}` : `${dirs.length} examples built` };
    },
  },
  {
    id: 'packages',
    title: 'publint --strict + attw --pack, per package',
    after: 'build',
    run: async () => {
      const results = await lintPackages();
      const failed = results.filter((r) => !r.publint || !r.attw).map((r) => r.name);
      return { ok: failed.length === 0, note: failed.length ? `failing: ${failed.join(', ')}` : `${results.length} packages ok` };
    },
  },
  {
    // The packed tarballs in fresh projects outside the repository (scripts/consumers.mjs): what users install.
    id: 'consumers',
    title: 'packed tarballs installed in fresh projects: Node ESM/CJS, TypeScript, Vite + React 18/19, Next.js, Tailwind',
    after: 'build',
    needs: ['chromium'],
    run: async () => {
      const { passed, failed, results } = await runConsumers();
      const failing = results.filter((r) => !r.ok).map((r) => r.name);
      return {
        ok: failed === 0 && passed > 0,
        tests: { passed, failed, skipped: 0 },
        note: failing.length ? `failing: ${failing.join(', ')}` : `${passed} cases`,
      };
    },
  },
  {
    id: 'size',
    title: 'size-limit budgets (gzip)',
    after: 'build',
    run: async () => {
      // size-limit reports a missing file as an esbuild error about "undefined"; say what is missing instead.
      const entries = JSON.parse(readFileSync(join(repoRoot, '.size-limit.json'), 'utf8'));
      const missing = [...new Set(entries.map((e) => e.path).filter((p) => !has(p)))];
      if (missing.length) return { ok: false, note: `missing: ${missing.join(', ')}` };
      // One size-limit run per entry, so an entry that cannot be measured (a component not exported yet) does
      // not hide the figures of the others.
      let over = 0;
      for (const [i, entry] of entries.entries()) {
        const config = join(reportDir, `size-${i}.json`);
        writeFileSync(config, JSON.stringify([{ ...entry, path: join(repoRoot, entry.path) }]));
        const result = capture(bin('size-limit'), ['--json', '--config', config]);
        let report = null;
        try {
          report = JSON.parse(result.stdout);
        } catch {}
        const check = Array.isArray(report) ? report[0] : null;
        if (!check || typeof check.size !== 'number') {
          over++;
          const text = String(report?.error ?? result.stdout + result.stderr);
          const error = text.match(/ERROR: (.+)/)?.[1] ?? text.split('\n')[0];
          console.log(`FAIL  ${'?'.padStart(9)} / ${entry.limit.padEnd(6)}  ${entry.name}\n      ${error}`);
          continue;
        }
        if (!check.passed) over++;
        const kb = `${(check.size / 1000).toFixed(2)} kB`;
        console.log(`${check.passed ? 'ok  ' : 'OVER'}  ${kb.padStart(9)} / ${entry.limit.padEnd(6)}  ${entry.name}`);
      }
      return { ok: over === 0, note: `${entries.length - over}/${entries.length} within budget` };
    },
  },
  {
    id: 'storybook',
    title: 'Storybook stories as tests (vitest -c .storybook/vitest.config.ts)',
    when: () => has('.storybook/main.ts'),
    whenNot: 'no .storybook/main.ts yet',
    needs: ['chromium'],
    // Run through its own config, so it does not matter whether the root vitest.config.ts lists it as a project
    // (if it does, the vitest step above leaves it out).
    run: async (env) =>
      has('.storybook/vitest.config.ts')
        ? vitest(['-c', '.storybook/vitest.config.ts'], 'storybook', env)
        : { ok: false, note: '.storybook/main.ts exists but .storybook/vitest.config.ts does not' },
  },
  {
    id: 'e2e',
    title: 'Playwright e2e (e2e/playwright.config.ts)',
    when: () => has('e2e/playwright.config.ts'),
    whenNot: 'no e2e/playwright.config.ts yet',
    // Its config starts the server and the console from sources: no build, no Postgres.
    needs: ['chromium'],
    run: async (env) => {
      const file = join(reportDir, 'e2e.json');
      // Free ports unless set, so a second run (or a developer's own e2e run) on the same machine cannot collide.
      const ports = {
        SEATKIT_E2E_API_PORT: env.SEATKIT_E2E_API_PORT ?? String(await freePort()),
        SEATKIT_E2E_CONSOLE_PORT: env.SEATKIT_E2E_CONSOLE_PORT ?? String(await freePort()),
      };
      const code = await run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
        env: { ...env, ...ports, PLAYWRIGHT_JSON_OUTPUT_FILE: file },
      });
      if (!existsSync(file)) return { ok: false, note: `playwright exited ${code} without a report` };
      const { stats } = JSON.parse(readFileSync(file, 'utf8'));
      const tests = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
      return { ok: code === 0, tests, note: stats.flaky ? `${stats.flaky} flaky (passed on retry)` : '' };
    },
  },
  {
    id: 'start',
    title: '`npm start` smoke test (scripts/dev.mjs --smoke)',
    needs: ['chromium'], // it renders the example console in Chromium
    run: async () => ({ ok: (await run(process.execPath, [join(repoRoot, 'scripts/dev.mjs'), '--smoke'])) === 0 }),
  },
];

function parseArgs(argv) {
  const options = { only: null, skip: [], list: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => (inline ?? argv[++i] ?? '').split(',').filter(Boolean);
    if (flag === '--only') options.only = value();
    else if (flag === '--skip') options.skip = value();
    else if (flag === '--list') options.list = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown argument ${argv[i]} (try --help)`);
  }
  for (const id of [...(options.only ?? []), ...options.skip]) {
    if (!STEPS.some((s) => s.id === id)) throw new Error(`unknown step "${id}"; steps: ${STEPS.map((s) => s.id).join(', ')}`);
  }
  return options;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`[seatkit] ${error.message}`);
  process.exit(2);
}
if (options.help || options.list) {
  console.log('Usage: npm test [-- --only=a,b] [-- --skip=a,b]\n\nSteps:');
  for (const step of STEPS) console.log(`  ${step.id.padEnd(10)} ${step.title}`);
  process.exit(0);
}

reportDir = mkdtempSync(join(tmpdir(), 'seatkit-test-'));
const selected = STEPS.filter((s) => (options.only ? options.only.includes(s.id) : true) && !options.skip.includes(s.id));
const rows = [];
const started = Date.now();
const env = { ...process.env, SEATKIT_CHROMIUM_PATH: CHROMIUM_PATH };
let postgres = null;

const cleanUp = () => {
  postgres?.stop();
  rmSync(reportDir, { recursive: true, force: true });
};
// Also on a crash of this script: the throwaway cluster must not outlive it (stop() is synchronous and idempotent).
process.on('exit', cleanUp);
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    // No further step may start: it would outlive this process (commands run in process groups of their own).
    interrupted = true;
    console.error(`\n[seatkit] ${signal}: stopping the running step and Postgres…`);
    await stopActiveCommands();
    cleanUp();
    process.exit(130);
  });
}

// Setup: install and start only what the selected steps use.
{
  const t0 = Date.now();
  const active = selected.filter((s) => !s.when || s.when());
  const needs = new Set(active.flatMap((s) => s.needs ?? []));
  const problems = await ensureSystemDeps({ chromium: needs.has('chromium'), postgres: needs.has('postgres') });
  if (needs.has('postgres') && problems.length === 0) {
    if (process.env.SEATKIT_TEST_DATABASE_URL) {
      console.log(`[seatkit] using SEATKIT_TEST_DATABASE_URL from the environment`);
    } else {
      try {
        postgres = await startTestPostgres();
        env.SEATKIT_TEST_DATABASE_URL = postgres.url;
      } catch (error) {
        problems.push(error.message);
      }
    }
  }
  for (const problem of problems) console.error(`[seatkit] setup: ${problem}`);
  const what = [...needs].join(' + ') || 'nothing needed';
  rows.push({ id: 'setup', ok: problems.length === 0, ms: Date.now() - t0, note: problems.length ? problems[0] : what });
}

for (const step of selected) {
  if (interrupted) break;
  if (step.when && !step.when()) {
    rows.push({ id: step.id, ok: true, skipped: true, ms: 0, note: `skipped: ${step.whenNot}` });
    continue;
  }
  const blocker = step.after && rows.find((r) => r.id === step.after && !r.ok);
  if (blocker) {
    rows.push({ id: step.id, ok: false, skipped: true, ms: 0, note: `not run: ${step.after} failed` });
    continue;
  }
  console.log(`\n━━━ ${step.id}: ${step.title}`);
  const t0 = Date.now();
  let result;
  try {
    result = await step.run(env);
  } catch (error) {
    console.error(error);
    result = { ok: false, note: error.message };
  }
  rows.push({ id: step.id, ms: Date.now() - t0, ...result });
}

cleanUp();

// Summary.
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const row of rows) {
  if (!row.tests) continue;
  totals.passed += row.tests.passed;
  totals.failed += row.tests.failed;
  totals.skipped += row.tests.skipped;
}
// A failed step that no failing test accounts for (typecheck, build, packaging, budgets, a crash) still counts as
// one failure, so the closing line never says "0 failed" for a red run.
const failedSteps = rows.filter((r) => !r.ok && !r.skipped && !(r.tests && r.tests.failed > 0));
const fullRun = !options.only && options.skip.length === 0;
const noTests = fullRun && totals.passed + totals.failed === 0;

console.log('\n━━━ summary');
console.log(`${'step'.padEnd(10)} ${'result'.padEnd(7)} ${'time'.padStart(8)}  details`);
for (const row of rows) {
  const result = row.skipped ? (row.ok ? 'skip' : 'NOT RUN') : row.ok ? 'ok' : 'FAILED';
  const tests = row.tests ? `${row.tests.passed} passed, ${row.tests.failed} failed, ${row.tests.skipped} skipped` : '';
  const details = [tests, row.note].filter(Boolean).join('; ');
  console.log(`${row.id.padEnd(10)} ${result.padEnd(7)} ${formatSeconds(row.ms).padStart(8)}  ${details}`);
}
console.log(`${'total'.padEnd(10)} ${''.padEnd(7)} ${formatSeconds(Date.now() - started).padStart(8)}`);
if (failedSteps.length) console.log(`\nFailed steps counted as failures: ${failedSteps.map((r) => r.id).join(', ')}`);
if (noTests) console.log('\nNo test ran at all: that is a failure, not a pass.');

const failed = totals.failed + failedSteps.length + (noTests ? 1 : 0);
console.log(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
