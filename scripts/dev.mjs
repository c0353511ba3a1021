#!/usr/bin/env node
// `npm start`: the reference server with the demo data, plus the example admin console when it exists.
// Prints the URLs and stops both on Ctrl-C.
//
//   node scripts/dev.mjs            run until Ctrl-C (server on SEATKIT_PORT or 4000, console on CONSOLE_PORT or 5173),
//                                   keeping the data of the last run in ./.seatkit (or --data <dir>)
//   node scripts/dev.mjs --fresh    the same from a clean slate: deletes that data folder first, so the server seeds
//                                   the demo data anew (`npm start -- --fresh`)
//   node scripts/dev.mjs --smoke    start everything on free ports with a throwaway data folder, check that it answers
//                                   (demo users, a dev token, /v1/me, the console page), stop, exit 0 or 1.
//                                   `npm test` runs this so that a broken `npm start` fails CI.
//
// Nothing is built first: the server runs from its TypeScript sources through tsx (the root tsconfig maps
// @seatkit/* to sources), and the console's Vite config resolves @seatkit/* to sources inside this repo.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bin, capture, freePort, repoRoot } from './lib/process.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/system-deps.mjs';

const { values: flags } = (() => {
  try {
    return parseArgs({
      options: { smoke: { type: 'boolean' }, fresh: { type: 'boolean' }, data: { type: 'string' } },
      allowPositionals: false,
    });
  } catch (error) {
    console.error(`[seatkit] ${error.message}\n[seatkit] usage: npm start [-- --fresh] [-- --data <dir>]`);
    process.exit(2);
  }
})();
const smoke = Boolean(flags.smoke);
const consoleDir = join(repoRoot, 'examples/admin-console');
const hasConsole = existsSync(join(consoleDir, 'package.json'));
const serverCli = join(repoRoot, 'packages/server/src/cli.ts');
const children = [];
let stopping = false;

function log(message) {
  console.log(`[seatkit] ${message}`);
}

/** Starts a long-running child in its own process group (so Ctrl-C handling can stop all of its children too). */
function start(name, command, args, env, cwd = repoRoot) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  child.exited.then((result) => {
    if (!stopping) {
      console.error(`[seatkit] ${name} stopped unexpectedly (${result}); stopping the rest`);
      stopAll(1);
    }
  });
  children.push(child);
  return child;
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    }
  }
  const timeout = setTimeout(() => {
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  }, 5000);
  await Promise.all(children.map((c) => c.exited));
  clearTimeout(timeout);
  cleanups.forEach((fn) => fn());
  process.exit(code);
}

const cleanups = [];
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Polls a URL until it answers with any HTTP status (the server may answer 404 at /), or gives up. */
async function waitFor(url, what, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  console.error(`[seatkit] ${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
  return false;
}

async function check(label, fn) {
  try {
    const detail = await fn();
    log(`ok   ${label}${detail ? ` (${detail})` : ''}`);
    return true;
  } catch (error) {
    console.error(`[seatkit] FAIL ${label}: ${error.message}`);
    return false;
  }
}

async function json(response) {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** What `--smoke` verifies: the demo data is there and a dev user can sign in and read it. */
async function smokeChecks(apiUrl, consoleUrl) {
  const results = [];
  results.push(await check('GET /openapi.json', async () => `${Object.keys((await json(await fetch(`${apiUrl}/openapi.json`))).paths ?? {}).length} paths`));
  let token = null;
  results.push(
    await check('POST /dev/token for owner@northwind.test', async () => {
      const body = await json(
        await fetch(`${apiUrl}/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'owner@northwind.test' }),
        }),
      );
      token = body.token;
      if (typeof token !== 'string') throw new Error('no token in the answer');
    }),
  );
  results.push(
    await check('GET /v1/me shows the demo organization', async () => {
      const me = await json(await fetch(`${apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } }));
      const names = (me.memberships ?? []).map((m) => m.organization?.name);
      if (!names.includes('Northwind Dental')) throw new Error(`memberships: ${JSON.stringify(names)}`);
      return names.join(', ');
    }),
  );
  results.push(
    await check('GET /dev/users lists the demo users', async () => {
      const users = await json(await fetch(`${apiUrl}/dev/users`));
      if (!users.some((u) => u.email === 'admin@northwind.test')) throw new Error('admin@northwind.test missing');
      return `${users.length} users`;
    }),
  );
  if (consoleUrl) {
    results.push(
      await check('admin console page', async () => {
        const response = await fetch(consoleUrl);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return `HTTP ${response.status}`;
      }),
    );
    results.push(
      await check('admin console renders the demo users in Chromium', async () => {
        // Rendering proves what a 200 cannot: the console's modules compile and it reaches the API (CORS included).
        if (!existsSync(CHROMIUM_PATH)) return `skipped: no ${CHROMIUM_PATH}`;
        const dom = capture(CHROMIUM_PATH, [
          ...CHROMIUM_FLAGS,
          '--virtual-time-budget=15000',
          '--dump-dom',
          consoleUrl,
        ], { timeoutMs: 90_000 }).stdout;
        const text = dom.slice(dom.indexOf('<body')).replace(/<[^>]*>/g, ' ');
        if (!/northwind\.test/i.test(text)) throw new Error(`no demo user on the page; it shows: ${text.replace(/\s+/g, ' ').trim().slice(0, 300) || '(a blank page: see the console log above)'}`);
      }),
    );
  }
  return results.every(Boolean);
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────────────────

if (!existsSync(serverCli)) {
  console.error(`[seatkit] ${serverCli} does not exist yet: the reference server's CLI is not written.`);
  process.exit(1);
}

const apiPort = smoke ? await freePort() : Number(process.env.SEATKIT_PORT ?? 4000);
const consolePort = smoke ? await freePort() : Number(process.env.CONSOLE_PORT ?? 5173);
const apiUrl = `http://localhost:${apiPort}`;
const consoleUrl = hasConsole ? `http://localhost:${consolePort}` : null;

// The data folder, always passed to the server, so what it prints (`--data …`) names the folder in use.
let dataDir = resolve(repoRoot, flags.data ?? '.seatkit');
if (smoke) {
  dataDir = mkdtempSync(join(tmpdir(), 'seatkit-smoke-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
} else if (flags.fresh) {
  if (process.env.DATABASE_URL) {
    console.error('[seatkit] --fresh deletes the PGlite data folder, but DATABASE_URL points at a Postgres server: empty that database yourself.');
    process.exit(2);
  }
  rmSync(dataDir, { recursive: true, force: true });
  log(`--fresh: deleted ${dataDir}; the demo data is seeded anew`);
}
const shownDataDir = relative(repoRoot, dataDir).startsWith('..') ? dataDir : `./${relative(repoRoot, dataDir)}`;
const serverArgs = [serverCli, 'start', '--seed', 'demo', '--port', String(apiPort), '--data', smoke ? dataDir : shownDataDir];
log(`starting the reference server: seatkit-server ${serverArgs.slice(1).join(' ')}`);
start('server', bin('tsx'), serverArgs, {
  TSX_TSCONFIG_PATH: join(repoRoot, 'tsconfig.json'),
  // What the server prints for "get a token" must work here, where nothing is built: its CLI from sources.
  SEATKIT_CLI_COMMAND: 'npx tsx packages/server/src/cli.ts',
  // Invitation emails link to the console's accept page.
  SEATKIT_APP_URL: process.env.SEATKIT_APP_URL ?? consoleUrl ?? 'http://localhost:5173',
  // The server's dev CORS default covers port 5173 only; a console on another port must be allowed explicitly.
  ...(consoleUrl && !process.env.SEATKIT_CORS_ORIGINS
    ? { SEATKIT_CORS_ORIGINS: `${consoleUrl},http://127.0.0.1:${consolePort}` }
    : {}),
});

if (hasConsole) {
  log('starting the example admin console (examples/admin-console: npm run dev)…');
  start('console', 'npm', ['run', 'dev', '--', '--port', String(consolePort), '--strictPort'], {
    SEATKIT_API_URL: apiUrl,
    VITE_SEATKIT_API_URL: apiUrl,
  }, consoleDir);
} else {
  log('examples/admin-console does not exist yet: starting only the server.');
}

const up =
  (await waitFor(`${apiUrl}/`, 'the server')) && (!consoleUrl || (await waitFor(consoleUrl, 'the admin console')));
if (!up) await stopAll(1);

if (smoke) {
  const ok = await smokeChecks(apiUrl, consoleUrl);
  log(ok ? 'npm start works' : 'npm start is broken (see above)');
  await stopAll(ok ? 0 : 1);
} else {
  console.log(`
  SeatKit is running (demo data: Northwind Dental, Lakeside Clinic)

    ${consoleUrl ? `Admin console  ${consoleUrl}` : 'Admin console  not there yet (examples/admin-console)'}
    API            ${apiUrl}/v1
    OpenAPI        ${apiUrl}/openapi.json
    Dev mailbox    ${apiUrl}/dev/mailbox
    Demo users     owner@northwind.test, admin@northwind.test, member@northwind.test, owner@lakeside.test
    Dev token      curl -s -X POST ${apiUrl}/dev/token -H 'content-type: application/json' -d '{"email":"owner@northwind.test"}'
    Data           ${shownDataDir} (kept between runs; \`npm start -- --fresh\` starts over from the demo data)

  Ctrl-C stops everything.
`);
}
