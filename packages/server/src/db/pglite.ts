import type { Database, Queryable } from './database.js';

// `@electric-sql/pglite` is an optional peer dependency (27 MB): a Postgres-only deployment neither installs
// nor loads it. So it is imported when a PGlite database is created, and the public types below describe
// the part of PGlite SeatKit uses instead of importing PGlite's: a TypeScript host without PGlite
// installed (and `skipLibCheck: false`) would otherwise fail on "Cannot find module".

/** What SeatKit runs on a PGlite connection or transaction. */
export interface PGliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}

/** The part of a `PGlite` instance SeatKit uses; a `PGlite` from `@electric-sql/pglite` is one. */
export interface PGliteInstance extends PGliteQueryable {
  transaction<T>(callback: (tx: PGliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly closed: boolean;
}

const MISSING_PGLITE =
  'The embedded database needs the optional package @electric-sql/pglite: install @electric-sql/pglite to use the embedded database, or set DATABASE_URL (createPgDatabase) to use a Postgres server.';

export interface PGliteDatabaseOptions {
  /**
   * Where PGlite keeps its files: a folder path in Node, `idb://name` in a browser.
   * Default: in memory (gone when the process ends).
   */
  dataDir?: string;
  /**
   * An existing PGlite instance to use instead of creating one. `close()` then leaves it open. Create it
   * with `extensions: { pg_trgm }` (from `@electric-sql/pglite/contrib/pg_trgm`) for indexed member search.
   */
  pglite?: PGliteInstance;
  /**
   * Extra options for `PGlite.create` (`PGliteOptions`: extensions, debug…). `pg_trgm` is always loaded:
   * member search uses its index. @default none
   */
  options?: { extensions?: Record<string, unknown>; [option: string]: unknown };
}

function wrapTx(tx: PGliteQueryable): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await tx.query<Row>(sql, [...params]);
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
  const pg: PGliteInstance = options.pglite ?? (await openPGlite(options));
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pg.query<Row>(sql, [...params]);
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

async function openPGlite(options: PGliteDatabaseOptions): Promise<PGliteInstance> {
  let modules: [typeof import('@electric-sql/pglite'), typeof import('@electric-sql/pglite/contrib/pg_trgm')];
  try {
    modules = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  } catch (cause) {
    if (isModuleNotFound(cause)) throw new Error(MISSING_PGLITE, { cause });
    throw cause;
  }
  const [{ PGlite }, { pg_trgm }] = modules;
  return PGlite.create({
    ...options.options,
    // The trigram index makes member search by a full email 3.5× faster at 100,000 members (npm run bench);
    // the extension is a 16 kB download in browsers.
    extensions: { pg_trgm, ...(options.options?.extensions as Record<string, never> | undefined) },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
}

/** Node's "cannot find package" (ESM and CommonJS), and a bundler's failed chunk import. */
function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || (error instanceof Error && /Cannot find (module|package) '@electric-sql\/pglite/.test(error.message));
}
