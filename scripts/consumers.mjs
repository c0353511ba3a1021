#!/usr/bin/env node
// The product as its users install it: the four packages packed with `npm pack` (from their built dist/), installed
// with their real dependencies from the registry into fresh projects in the OS temp folder — outside this
// repository and its workspaces, so nothing resolves to the workspace's sources or node_modules — and exercised
// there: Node ESM and CommonJS scripts, TypeScript under several module settings, Vite apps with React 19 and 18,
// a Next.js App Router app, a Tailwind v4 app, a plain HTML page loading the custom elements with no build step. Every case is one file in scripts/consumers/ (see ConsumerCase).
//
//   node scripts/consumers.mjs                 every case (after `npm run build`)
//   node scripts/consumers.mjs node-esm nextjs  some cases
//   SEATKIT_KEEP_CONSUMERS=1 node scripts/consumers.mjs …   keep the temp projects to look at them
//
// `npm test` runs it as its `consumers` step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, repoRoot } from './lib/process.mjs';
import { CHROMIUM_PATH } from './lib/system-deps.mjs';

/**
 * @typedef {object} ConsumerCase
 * @property {string} title  one line: what the case proves
 * @property {string[]} [needs]  system programs it uses (`chromium`)
 * @property {(ctx: ConsumerContext) => Promise<void>} run  throws (or fails an assert) when the product is broken
 */

const PACKAGES = ['core', 'server', 'react', 'elements'];
const casesDir = join(repoRoot, 'scripts/consumers');
const NPM_TIMEOUT_MS = 10 * 60_000;

/**
 * The environment of every command a case runs. `npm test` exports npm_* variables (npm_config_local_prefix among
 * them) that would make an `npm install` in a temp project act on this repository's workspace instead: drop them.
 */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  // NO_COLOR: with CI set, tools colour their output even into a pipe, and a port number in bold no longer matches.
  return { ...env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs a command to its end; resolves `{ code, stdout, stderr }`, rejects on a non-zero exit unless allowFail. */
function exec(command, args, { cwd, env, timeoutMs = NPM_TIMEOUT_MS, allowFail = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      stderr += `\n[consumers] killed after ${timeoutMs / 1000} s`;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? 128, stdout, stderr };
      if (code === 0 || allowFail) resolve(result);
      else reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${code ?? signal}\n${tail(stdout + stderr)}`));
    });
  });
}

const tail = (text, lines = 60) => text.trim().split('\n').slice(-lines).join('\n');

function killGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

/**
 * Starts a long-running process and resolves once its output matches `readyWhen`; rejects with its output if it
 * exits first or is not ready within `timeoutMs`.
 */
function startProcess(command, args, { cwd, env, readyWhen, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let ready = false;
    const exited = new Promise((done) => child.on('close', done));
    const handle = {
      child,
      output: () => output,
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      },
    };
    const timer = setTimeout(() => {
      if (ready) return;
      void handle.stop();
      reject(new Error(`${command} ${args.join(' ')} was not ready within ${timeoutMs / 1000} s\n${tail(output)}`));
    }, timeoutMs);
    const onData = (chunk) => {
      // Colour codes stripped all the same, for tools that ignore NO_COLOR.
      output += String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
      const match = !ready && readyWhen ? output.match(readyWhen) : null;
      if (match) {
        ready = true;
        clearTimeout(timer);
        resolve(Object.assign(handle, { match }));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited ${code} before it was ready\n${tail(output)}`));
    });
    if (!readyWhen) {
      ready = true;
      clearTimeout(timer);
      resolve(handle);
    }
  });
}

/** Packs the built packages into `dest`; returns `{ core, server, react, elements }` → absolute .tgz paths. */
function packAll(dest) {
  const tarballs = {};
  for (const name of PACKAGES) {
    const dir = join(repoRoot, 'packages', name);
    if (!existsSync(join(dir, 'dist'))) throw new Error(`packages/${name}/dist is missing: run \`npm run build\` first`);
    const result = spawnSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    if (result.status !== 0) throw new Error(`npm pack in packages/${name} failed:\n${result.stderr}`);
    const [info] = JSON.parse(result.stdout);
    tarballs[name] = join(dest, info.filename);
  }
  return tarballs;
}

/** Case names from scripts/consumers/*.mjs, except helper modules (lib-*). */
function caseNames() {
  if (!existsSync(casesDir)) return [];
  return readdirSync(casesDir)
    .filter((f) => f.endsWith('.mjs') && !f.startsWith('lib-'))
    .map((f) => f.slice(0, -'.mjs'.length))
    .sort();
}

/**
 * Runs the cases (all, or those named) and returns `{ passed, failed, results }`; never throws for a failing case.
 * @param {{ only?: string[], log?: (line: string) => void }} [options]
 */
export async function runConsumers({ only, log = (line) => console.log(line) } = {}) {
  const names = only?.length ? only : caseNames();
  const unknown = names.filter((n) => !caseNames().includes(n));
  if (unknown.length) throw new Error(`unknown consumer case(s): ${unknown.join(', ')}; cases: ${caseNames().join(', ')}`);
  const root = mkdtempSync(join(tmpdir(), 'seatkit-consumers-'));
  const keep = process.env.SEATKIT_KEEP_CONSUMERS === '1';
  const results = [];
  try {
    const tarballs = packAll(root);
    log(`[consumers] packed into ${root}: ${Object.values(tarballs).map((t) => t.split('/').pop()).join(', ')}`);
    // Every project pins the @seatkit packages to the tarballs, also where one depends on another
    // (`@seatkit/server` → `@seatkit/core@0.1.0`, which the registry does not have).
    const overrides = Object.fromEntries(PACKAGES.map((p) => [`@seatkit/${p}`, `file:${tarballs[p]}`]));
    let serverProject = null;

    for (const name of names) {
      const started = Date.now();
      const { default: consumerCase } = await import(pathToFileURL(join(casesDir, `${name}.mjs`)).href);
      const cleanups = [];
      const caseRoot = join(root, name);
      mkdirSync(caseRoot, { recursive: true });

      const project = async (projectName, packageJson, files = {}) => {
        const dir = join(caseRoot, projectName);
        mkdirSync(dir, { recursive: true });
        const deps = { ...packageJson.dependencies, ...packageJson.devDependencies };
        const pinned = Object.fromEntries(Object.entries(overrides).filter(([pkg]) => !(pkg in deps) || deps[pkg] === overrides[pkg]));
        const manifest = { name: projectName, version: '0.0.0', private: true, ...packageJson, overrides: { ...pinned, ...packageJson.overrides } };
        writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
        for (const [path, content] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
        }
        return dir;
      };
      const install = (dir, args = []) => exec('npm', ['install', '--no-audit', '--no-fund', ...args], { cwd: dir });
      const track = (handle) => {
        cleanups.push(() => handle.stop());
        return handle;
      };

      /** @type {ConsumerContext} */
      const ctx = {
        name,
        root: caseRoot,
        tarballs,
        project,
        install,
        exec,
        freePort,
        log: (...parts) => log(`[${name}] ${parts.join(' ')}`),
        chromium: {
          executablePath: process.env.SEATKIT_CHROMIUM_PATH || CHROMIUM_PATH,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        },
        startProcess: async (command, args, options) => track(await startProcess(command, args, options)),
        async startServer({ corsOrigins = [], env = {} } = {}) {
          if (!serverProject) {
            // The server as an operator installs it: the two tarballs and the embedded database.
            serverProject = await project('server', {
              dependencies: { '@seatkit/server': overrides['@seatkit/server'], '@seatkit/core': overrides['@seatkit/core'], '@electric-sql/pglite': pgliteRange() },
            });
            await install(serverProject);
          }
          const data = mkdtempSync(join(caseRoot, 'server-data-'));
          const bin = join(serverProject, 'node_modules/.bin/seatkit-server');
          const server = track(
            await startProcess(bin, ['start', '--seed', 'demo', '--port', '0', '--data', data], {
              cwd: serverProject,
              env: { SEATKIT_CORS_ORIGINS: corsOrigins.join(','), SEATKIT_APP_URL: 'http://127.0.0.1:9', ...env },
              readyWhen: /listening on (http:\/\/\S+)/,
              timeoutMs: 90_000,
            }),
          );
          const url = server.match[1];
          return {
            url,
            bin,
            output: server.output,
            stop: server.stop,
            async token(email) {
              const response = await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
              if (!response.ok) throw new Error(`POST /dev/token for ${email}: ${response.status} ${await response.text()}`);
              return (await response.json()).token;
            },
          };
        },
        async browser() {
          const { chromium } = await import('playwright');
          const browser = await chromium.launch({ ...ctx.chromium, headless: true });
          cleanups.push(() => browser.close());
          return browser;
        },
      };

      log(`\n[consumers] ── ${name}: ${consumerCase.title}`);
      let error = null;
      try {
        await consumerCase.run(ctx);
      } catch (caught) {
        error = caught;
      }
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (error) log(`[consumers] FAIL ${name} (${seconds} s)\n${error.stack ?? error}`);
      else log(`[consumers] ok   ${name} (${seconds} s)`);
      results.push({ name, ok: !error, seconds, error: error ? String(error.message ?? error).split('\n')[0] : null });
    }
  } finally {
    if (keep) log(`[consumers] kept the projects in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}

/** The PGlite version range the server declares (a dependency or an optional peer), for the operator's install. */
function pgliteRange() {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages/server/package.json'), 'utf8'));
  return manifest.dependencies?.['@electric-sql/pglite'] ?? manifest.peerDependencies?.['@electric-sql/pglite'] ?? 'latest';
}

/**
 * @typedef {object} ConsumerContext
 * @property {string} name
 * @property {string} root  this case's temp folder
 * @property {{ core: string, server: string, react: string, elements: string }} tarballs
 * @property {(name: string, packageJson: object, files?: Record<string, string>) => Promise<string>} project
 * @property {(dir: string, args?: string[]) => Promise<{ code: number, stdout: string, stderr: string }>} install
 * @property {typeof exec} exec
 * @property {() => Promise<number>} freePort
 * @property {(...parts: unknown[]) => void} log
 * @property {{ executablePath: string, args: string[] }} chromium
 * @property {(command: string, args: string[], options?: object) => Promise<{ output: () => string, stop: () => Promise<void> }>} startProcess
 * @property {(options?: { corsOrigins?: string[], env?: Record<string, string> }) => Promise<{ url: string, token: (email: string) => Promise<string>, stop: () => Promise<void>, output: () => string }>} startServer
 * @property {() => Promise<import('playwright').Browser>} browser
 */

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { passed, failed, results } = await runConsumers({ only: process.argv.slice(2) });
  console.log('\n[consumers] summary');
  for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(16)} ${r.seconds.padStart(6)} s${r.error ? `  ${r.error}` : ''}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
}
