import pg from 'pg';
import type { Database, Queryable } from './database.js';
import { databaseFault, markCommitFailure } from './faults.js';

/** The bounds `createPgDatabase` sets on the pool it creates, in milliseconds (and connections, for `max`). */
export const PG_DEFAULTS = {
  max: 10,
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 30_000,
  connectTimeoutMs: 5_000,
} as const;

/** How long past the statement timeout a statement may stay unanswered before its connection is given up on. */
const READ_MARGIN_MS = 2_000;

export interface PgDatabaseOptions {
  /** `postgres://user:pass@host:port/db`. */
  connectionString?: string;
  /**
   * An existing pool to use instead of creating one. `close()` then leaves it open, and the options below do not
   * apply: the pool's own settings do.
   */
  pool?: pg.Pool;
  /** Connections at most when SeatKit creates the pool. @default 10 */
  max?: number;
  /**
   * A statement running longer is canceled (`statement_timeout`) and its request answers `503 unavailable`; 0 for
   * none. A statement whose answer does not arrive 2 s after this (a database host that stopped answering) has its
   * connection dropped. Migrations are exempt. @default 10000
   */
  statementTimeoutMs?: number;
  /** A wait for a row or table lock longer than this fails (`lock_timeout`); the request is retried once, then `503 unavailable`. 0 for none. @default 5000 */
  lockTimeoutMs?: number;
  /** Postgres ends a session left idle inside a transaction this long (`idle_in_transaction_session_timeout`); 0 for none. @default 30000 */
  idleInTransactionTimeoutMs?: number;
  /**
   * The longest wait for a connection: to open a new one, and for a free one when all `max` are busy. Past it the
   * request answers `503 unavailable`; 0 waits forever. @default 5000
   */
  connectTimeoutMs?: number;
}

/** A Postgres database; `poolStats()` tells the metrics how busy its pool is. */
export interface PgDatabase extends Database {
  /** Connections open, idle among them, requests waiting for one, and the cap. */
  poolStats(): { total: number; idle: number; waiting: number; max: number };
}

/** `value` if it is a whole number ≥ 0, else a thrown error naming `name`. */
function wholeNumber(name: keyof PgDatabaseOptions, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`SeatKit: createPgDatabase ${name} must be a whole number ≥ 0 (got ${value})`);
  return value;
}

/** A statement with pg's per-query read timeout (`query_timeout`, which pg reads at runtime but does not type). */
function statement(text: string, values: readonly unknown[] | undefined, readTimeoutMs: number | undefined): pg.QueryConfig {
  const config: pg.QueryConfig & { query_timeout?: number } = { text, ...(values ? { values: values as unknown[] } : {}) };
  if (readTimeoutMs) config.query_timeout = readTimeoutMs;
  return config;
}

function wrapClient(client: pg.PoolClient | pg.Pool, readTimeoutMs: number | undefined): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(statement(sql, params, readTimeoutMs));
      return { rows: result.rows as Row[] };
    },
    // Migrations and truncation: no client-side read timeout (a migration may build an index for minutes).
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/**
 * A real Postgres server (through `pg`) as a SeatKit database. Use it to run several stateless
 * SeatKit instances against one database. Every wait is bounded (see the options): a slow statement, a held lock
 * or an unreachable server makes a request answer `503 unavailable` with `Retry-After`, never hang.
 *
 * @example
 * const database = createPgDatabase({ connectionString: process.env.DATABASE_URL, max: 20, lockTimeoutMs: 2000 });
 */
export function createPgDatabase(options: PgDatabaseOptions): PgDatabase {
  const owned = !options.pool;
  const statementTimeoutMs = wholeNumber('statementTimeoutMs', options.statementTimeoutMs, PG_DEFAULTS.statementTimeoutMs);
  const max = wholeNumber('max', options.max, PG_DEFAULTS.max);
  if (max < 1) throw new Error('SeatKit: createPgDatabase max must be at least 1');
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max,
      // Sent at connect: every session of the pool has them (0 is Postgres's "none", as here).
      statement_timeout: statementTimeoutMs,
      lock_timeout: wholeNumber('lockTimeoutMs', options.lockTimeoutMs, PG_DEFAULTS.lockTimeoutMs),
      idle_in_transaction_session_timeout: wholeNumber('idleInTransactionTimeoutMs', options.idleInTransactionTimeoutMs, PG_DEFAULTS.idleInTransactionTimeoutMs),
      // pg-pool applies it to opening a connection and to waiting for a free one, so the queue is bounded in time.
      connectionTimeoutMillis: wholeNumber('connectTimeoutMs', options.connectTimeoutMs, PG_DEFAULTS.connectTimeoutMs),
      keepAlive: true,
    });
  // The server's statement_timeout cannot end a wait for a host that stopped answering; this client-side bound can.
  const readTimeoutMs = owned && statementTimeoutMs > 0 ? statementTimeoutMs + READ_MARGIN_MS : undefined;
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  if (owned) pool.on('error', () => {});
  const base = wrapClient(pool, readTimeoutMs);
  const control = (client: pg.PoolClient, sql: string) => client.query(statement(sql, undefined, readTimeoutMs));
  return {
    kind: 'pg',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? max }),
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      let broken = false;
      // The pool stops listening for errors of a client it hands out: a connection dropped mid-transaction would be an
      // unhandled 'error' event (a crashed process). The failing query rejects on its own; this only marks the client.
      const onError = () => {
        broken = true;
      };
      // Listening from inside the callback, not after an `await`: a backend terminated just as it finished connecting
      // sends its FATAL error in the same packet as "ready", and the pool emits it before a promise continuation runs.
      const client = await new Promise<pg.PoolClient>((resolve, reject) => {
        pool.connect((error, connected) => {
          if (error || !connected) return reject(error);
          connected.on('error', onError);
          resolve(connected);
        });
      });
      try {
        await control(client, 'BEGIN');
        const result = await fn(wrapClient(client, readTimeoutMs));
        try {
          await control(client, 'COMMIT');
        } catch (error) {
          // The commit may have happened before the connection died: whoever retries must know.
          markCommitFailure(error);
          throw error;
        }
        return result;
      } catch (error) {
        const fault = databaseFault(error);
        // A lost or silent connection cannot roll back (Postgres aborts its transaction itself): drop it, do not wait on it.
        if (fault === 'connection_lost' || fault === 'unreachable') broken = true;
        else {
          await control(client, 'ROLLBACK').catch(() => {
            broken = true;
          });
        }
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}
