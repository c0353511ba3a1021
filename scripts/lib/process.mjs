// Small process helpers shared by the repo scripts (no dependencies: they run before and without a build).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** True when this process may install system packages with apt-get. */
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * No single command may hang a CI run into its 90-minute cap: past this, it is killed (with its children) and
 * reported as timed out, so the run still ends with its summary. SEATKIT_STEP_TIMEOUT_MIN overrides it.
 */
const COMMAND_TIMEOUT_MS = Number(process.env.SEATKIT_STEP_TIMEOUT_MIN ?? 30) * 60_000;
const active = new Set();

/**
 * Stops a command's process group: SIGINT first, the signal with which Playwright and Vitest stop the servers
 * they started (those live in process groups of their own), then SIGKILL for whatever is left after `graceMs`.
 */
function stopGroup(child, graceMs) {
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {}
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, graceMs).unref();
}

/** Stops every command still running and resolves once they have exited (at most `graceMs` later). */
export async function stopActiveCommands(graceMs = 10_000) {
  const exits = [...active].map((child) => {
    stopGroup(child, graceMs);
    return child.exitPromise;
  });
  await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, graceMs + 500))]);
}

function spawnCommand(command, args, options, tee) {
  return new Promise((resolve) => {
    // Its own process group, so a timeout or Ctrl-C stops the servers and browsers it started as well.
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: ['ignore', tee ? 'pipe' : 'inherit', tee ? 'pipe' : 'inherit'],
      detached: true,
    });
    active.add(child);
    let output = '';
    if (tee) {
      for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
        stream.on('data', (chunk) => {
          output += chunk;
          out.write(chunk);
        });
      }
    }
    let timedOut = false;
    child.exitPromise = new Promise((done) => child.on('close', done));
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[seatkit] ${command} ${args.join(' ')} ran longer than ${COMMAND_TIMEOUT_MS / 60_000} min: stopped`);
      stopGroup(child, 10_000);
    }, COMMAND_TIMEOUT_MS);
    const finish = (code, message = '') => {
      clearTimeout(timer);
      active.delete(child);
      resolve({ code, output: output + message, timedOut });
    };
    child.on('error', (error) => {
      console.error(`[seatkit] could not start ${command}: ${error.message}`);
      finish(127, error.message);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Runs a command with inherited output and resolves with its exit code (never rejects on a non-zero exit,
 * so a failing step can be reported instead of aborting the whole run).
 */
export async function run(command, args, options = {}) {
  return (await spawnCommand(command, args, options, false)).code;
}

/** Like run(), but also returns what the command printed (stdout and stderr), while still showing it live. */
export function runTee(command, args, options = {}) {
  return spawnCommand(command, args, options, true);
}

/** Runs a short command synchronously and returns { status, stdout, stderr } as strings. */
export function capture(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status ?? (result.error ? 127 : 1),
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? (result.error ? String(result.error.message) : ''),
  };
}

/** Path of the binaries installed in node_modules/.bin, so scripts do not depend on `npx` resolution. */
export function bin(name) {
  return `${repoRoot}node_modules/.bin/${name}`;
}

export function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A TCP port that is free on 127.0.0.1 right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
