import pg from 'pg';
import type { Database, Queryable } from './database.js';

export interface PgDatabaseOptions {
  /** `postgres://user:pass@host:port/db`. */
  connectionString?: string;
  /** An existing pool to use instead of creating one. `close()` then leaves it open. */
  pool?: pg.Pool;
  /** Pool size when SeatKit creates the pool. Default 10. */
  max?: number;
}

function wrapClient(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/**
 * A real Postgres server (through `pg`) as a SeatKit database. Use it to run several stateless
 * SeatKit instances against one database.
 *
 * @example
 * const database = createPgDatabase({ connectionString: process.env.DATABASE_URL });
 */
export function createPgDatabase(options: PgDatabaseOptions): Database {
  const owned = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  if (owned) pool.on('error', () => {});
  const base = wrapClient(pool);
  return {
    kind: 'pg',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      // The pool stops listening for errors of a client it hands out: a connection dropped mid-transaction would be an
      // unhandled 'error' event (a crashed process). The failing query rejects on its own; this only marks the client.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrapClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dead: Postgres aborts its transaction, and the pool must drop it.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
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
