import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

export interface PGliteDatabaseOptions {
  /**
   * Where PGlite keeps its files: a folder path in Node, `idb://name` in a browser.
   * Default: in memory (gone when the process ends).
   */
  dataDir?: string;
  /** An existing PGlite instance to use instead of creating one. `close()` then leaves it open. */
  pglite?: PGlite;
  /** Extra PGlite options (extensions, debug…). */
  options?: PGliteOptions;
}

type PGliteTx = Parameters<Parameters<PGlite['transaction']>[0]>[0];

function wrapTx(tx: PGliteTx): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await tx.query<Row>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
  };
}

/**
 * An embedded Postgres (PGlite, WebAssembly) as a SeatKit database. Works in Node and in browsers,
 * which is how Storybook and the React tests run the real server without a network.
 *
 * @example
 * const database = await createPGliteDatabase();                        // in memory
 * const database = await createPGliteDatabase({ dataDir: './.seatkit' }); // on disk
 */
export async function createPGliteDatabase(options: PGliteDatabaseOptions = {}): Promise<Database> {
  const owned = !options.pglite;
  const pg =
    options.pglite ??
    (await PGlite.create({ ...(options.options ?? {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) }));
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pg.query<Row>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    transaction(fn) {
      // PGlite serializes transactions on its single connection; plain queries wait for them.
      return pg.transaction((tx) => fn(wrapTx(tx)));
    },
    async close() {
      if (owned && !pg.closed) await pg.close();
    },
  };
}
