// A throwaway Postgres cluster for the tests (and benchmarks): initdb in a temp folder, loopback only, trust auth,
// fsync off (the data is thrown away), stopped and deleted afterwards.
//
// Each run gets a cluster of its own on a free port, so two test runs on one machine never share (or stop) one.
// With SEATKIT_TEST_PG_PORT set, a Postgres already answering on that port (one the developer runs) is reused with
// a database of its own that is dropped afterwards, so two runs never share tables.
import { mkdtempSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture, freePort, isRoot } from './process.mjs';
import { findPostgresBinDir } from './system-deps.mjs';

/** SEATKIT_TEST_PG_PORT, or null: a free port picked per run. */
export const TEST_PG_PORT = process.env.SEATKIT_TEST_PG_PORT ? Number(process.env.SEATKIT_TEST_PG_PORT) : null;

function postgresUserIds() {
  const result = capture('id', ['-u', 'postgres']);
  const group = capture('id', ['-g', 'postgres']);
  if (result.status !== 0 || group.status !== 0) return null;
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}

/** Postgres refuses to run as root: as root, its programs run as the `postgres` user Debian's package creates. */
function pgCommand(binDir, program, args) {
  const path = `${binDir}/${program}`;
  // A cwd the postgres user may enter: CI's clone can sit in a folder only root can read.
  const options = { cwd: tmpdir() };
  return isRoot ? capture('runuser', ['-u', 'postgres', '--', path, ...args], options) : capture(path, args, options);
}

function psql(binDir, port, sql) {
  return capture(`${binDir}/psql`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qtAc', sql]);
}

/**
 * Starts (or, on an explicit port, reuses) a cluster on 127.0.0.1:`port` and creates a fresh database in it.
 * Resolves with `{ url, stop }`; `stop()` is synchronous so it can run from an exit handler.
 */
export async function startTestPostgres({ port = TEST_PG_PORT, log = console.log } = {}) {
  port ??= await freePort();
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('Postgres binaries not found (apt-get install -y postgresql)');
  const database = `seatkit_test_${process.pid}`;
  let dataDir = null;

  const ready = capture(`${binDir}/pg_isready`, ['-h', '127.0.0.1', '-p', String(port), '-q']).status === 0;
  if (ready) {
    log(`[seatkit] reusing the Postgres already running on 127.0.0.1:${port} (database ${database})`);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'seatkit-pg-'));
    if (isRoot) {
      const ids = postgresUserIds();
      if (!ids) throw new Error('running as root but there is no `postgres` user (apt-get install -y postgresql creates it)');
      chownSync(dataDir, ids.uid, ids.gid);
    }
    const init = pgCommand(binDir, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
    const options = [
      `-p ${port}`,
      `-k ${dataDir}`, // socket in the temp folder: never collides with another cluster's /tmp socket
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200', // the seat-cap concurrency tests open many connections at once
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    const started = pgCommand(binDir, 'pg_ctl', ['-D', dataDir, '-o', options, '-l', `${dataDir}/server.log`, '-w', 'start']);
    if (started.status !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`pg_ctl start failed:\n${started.stdout}${started.stderr}`);
    }
    log(`[seatkit] started a throwaway Postgres (${binDir.split('/').at(-2)}) on 127.0.0.1:${port} in ${dataDir}`);
  }

  const created = psql(binDir, port, `create database ${database}`);
  if (created.status !== 0) {
    throw new Error(
      `could not create database ${database} on 127.0.0.1:${port} as user postgres (trust auth expected):\n${created.stderr}` +
        '\nStop that server or set SEATKIT_TEST_DATABASE_URL to a database the tests may use.',
    );
  }

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (dataDir) {
      pgCommand(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      rmSync(dataDir, { recursive: true, force: true });
    } else {
      psql(binDir, port, `drop database if exists ${database} with (force)`);
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, stop };
}
