/**
 * `@seatkit/server/testing` — the real reference server in-process on in-memory PGlite, loaded with the
 * demo seed, and core clients signed in as its people: for a host's tests, the kit's tests and stories.
 * Browser-safe like the main entry (no `node:` import): Storybook and browser tests run it in the page.
 */
import { createSeatKitClient, type SeatKitClient, type SeatKitClientOptions } from '@seatkit/core';
import type { Database } from './db/database.js';
import { createPGliteDatabase } from './db/pglite.js';
import { openSnapshot, takeSnapshot, type Snapshot } from './db/snapshot.js';
import { silentLogger } from './logger.js';
import { DEMO_USERS, type DemoSeed } from './seed.js';
import { createSeatKitServer, type SeatKitServer } from './server.js';

export { DEMO_USERS };
export type { DemoSeed };

/** Options of `createTestServer`. */
export interface TestServerOptions {
  /** Signs the dev tokens `clientFor` sends. @default 'test-secret' */
  secret?: string;
  /** The server key of the provisioning routes (`products.create`, `organizations.create`…). @default 'sk_test' */
  serverKey?: string;
  /** Where the links in emails point. @default 'http://localhost:5173' */
  appUrl?: string;
  /** The base URL the clients call; requests go to the in-process server, never to the network. @default 'http://seatkit.test' */
  baseUrl?: string;
  /**
   * Settings of every `clientFor` client (per-client options override them).
   * @default { retry: 0, timeout: false }: a failing test fails at once, not after backoff
   */
  client?: Partial<SeatKitClientOptions>;
  /**
   * A data directory dump of an already migrated and seeded database (`dumpTestDatabase()`'s output, made with
   * the same `secret` and `appUrl`): PGlite opens it instead of running initdb, the migrations and the seed,
   * which is most of the time creation takes (Storybook ships one built at build time). Migrations newer than
   * the dump still run. Its dates and times are moved by the dump's age, so the data is as if seeded now (the demo
   * invitation expires 7 days after the server's creation, however old the dump). @default none: a fresh database
   * is created and seeded
   */
  dump?: Blob;
}

/** The in-process server of `createTestServer`. */
export interface TestServer {
  /** The real server (its `mailbox()`, `database`, `seedMembers()`…). */
  readonly server: SeatKitServer;
  /** The ids of the demo seed (the same after every `reset()`). */
  readonly demo: DemoSeed;
  /**
   * Puts the demo seed back, as it was when the server was created (a copy taken then is restored: a few
   * statements, not a new seed; one query when nothing was written since): call it before each test. Everything
   * written since is gone.
   */
  reset(): Promise<DemoSeed>;
  /**
   * Saves the current data as the point `restore()` returns to, e.g. after a slow setup shared by several tests.
   * @example
   * await testServer.server.seedMembers(testServer.demo.northwind.orgId, 10_000);
   * await testServer.snapshot();
   * // each test: await testServer.restore();
   */
  snapshot(): Promise<void>;
  /** Puts back the data of the last `snapshot()` (the demo seed when there was none). */
  restore(): Promise<DemoSeed>;
  /** `fetch` that hands the request to the server: no socket, the real app. */
  readonly fetch: typeof globalThis.fetch;
  /**
   * A `@seatkit/core` client signed in as `email` (a dev token), or as nobody with `null`.
   * @example
   * const admin = testServer.clientFor(DEMO_USERS.admin.email);
   * await admin.members.list({ orgId: testServer.demo.northwind.orgId });
   */
  clientFor(email: string | null, options?: Partial<SeatKitClientOptions>): SeatKitClient;
  /** Closes the server and its database. */
  close(): Promise<void>;
}

/**
 * Starts the real SeatKit server on a fresh in-memory PGlite with the demo seed (Northwind Dental with
 * its owner, admin and member; Lakeside Clinic). Creating PGlite runs initdb, which takes seconds: create
 * one per test file (or page) and `reset()` between tests.
 *
 * @example
 * const testServer = await createTestServer();
 * const owner = testServer.clientFor(DEMO_USERS.owner.email);
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const server = await startServer(options, await openDatabase(options.dump));
  // On a dump, this finds the demo organizations instead of adding them again.
  const demo = await server.seedDemo();
  const seeded = options.dump ? await openDumpedSeed(server) : await takeSnapshot(server.database, SEED_SNAPSHOT);
  let saved = seeded;
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init))) as typeof globalThis.fetch;
  return {
    server,
    get demo() {
      return demo;
    },
    async reset() {
      await seeded.restore();
      return demo;
    },
    async snapshot() {
      saved = await takeSnapshot(server.database, 'saved');
    },
    async restore() {
      await saved.restore();
      return demo;
    },
    fetch,
    clientFor(email, clientOptions) {
      let token: Promise<string> | undefined;
      return createSeatKitClient({
        baseUrl: options.baseUrl ?? 'http://seatkit.test',
        // Asked per request, minted once: the dev token does not expire within a test.
        getToken: () => (email === null ? null : (token ??= server.devToken(email))),
        fetch,
        retry: 0,
        timeout: false,
        ...options.client,
        ...clientOptions,
      });
    },
    close: () => server.close(),
  };
}

const SEED_SNAPSHOT = 'seed';

/**
 * PGlite's settings for a test database. Postgres zeroes its shared memory at every start, and in a browser that took
 * seconds for the default 128 MB of shared buffers: a test database of a few megabytes does with 16 MB.
 */
async function testPGliteOptions(): Promise<{ startParams?: string[] }> {
  // Without PGlite installed, createPGliteDatabase says how to install it.
  const pglite = await import('@electric-sql/pglite').catch(() => undefined);
  return pglite ? { startParams: [...pglite.PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] } : {};
}

async function openDatabase(dump: Blob | undefined): Promise<Database> {
  const options = await testPGliteOptions();
  if (!dump) return createPGliteDatabase({ options });
  try {
    return await createPGliteDatabase({ options: { ...options, loadDataDir: dump } });
  } catch (cause) {
    throw new Error(
      `createTestServer could not open its \`dump\` (${dump.size} bytes): it must be the output of dumpTestDatabase() with the same PGlite version`,
      { cause },
    );
  }
}

/**
 * The seed's copy the dump carries (taken by dumpTestDatabase), moved to now. A dump of an older dumpTestDatabase has
 * none: the data as loaded is then the seed, copied here and left at its dates.
 */
async function openDumpedSeed(server: SeatKitServer): Promise<Snapshot> {
  const seeded = await openSnapshot(server.database, SEED_SNAPSHOT);
  if (!seeded) return takeSnapshot(server.database, SEED_SNAPSHOT);
  // The shift and the restore that shows it cost a few statements, and keep stories and tests from depending on
  // the day the dump was made (the demo invitation expires 7 days after it).
  await seeded.shift(Date.now() - seeded.takenAt.getTime());
  await seeded.restore();
  return seeded;
}

function startServer(options: TestServerOptions, database: Database): Promise<SeatKitServer> {
  return createSeatKitServer({
    database,
    auth: { mode: 'dev', secret: options.secret ?? 'test-secret' },
    serverKey: options.serverKey ?? 'sk_test',
    appUrl: options.appUrl ?? 'http://localhost:5173',
    logger: silentLogger,
    // Tests read the mailbox right after a call: emails are queued and handed over before the answer.
    awaitEmails: true,
  });
}

/**
 * The data directory of a fresh test server's database, migrated and seeded, as a gzipped tarball: give it to
 * `createTestServer({ dump })` with the same `secret` and `appUrl` (the seed's outbox email is sealed with the
 * secret and links to the app) to skip initdb, the migrations and the seed. It carries the copy `reset()` restores,
 * and the server that opens it moves its dates to its own day, so a dump can be kept and reused (a cache).
 *
 * @example
 * const dump = await dumpTestDatabase({ secret: 'storybook-secret' });
 * const testServer = await createTestServer({ secret: 'storybook-secret', dump });
 */
export async function dumpTestDatabase(options: Pick<TestServerOptions, 'secret' | 'serverKey' | 'appUrl'> = {}): Promise<Blob> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  // 1 MB write-ahead log segments instead of 16 MB: the opening page unpacks every byte of the dump.
  const pglite = await PGlite.create({ ...(await testPGliteOptions()), extensions: { pg_trgm }, initDbStartParams: ['--wal-segsize=1'] });
  try {
    const server = await startServer(options, await createPGliteDatabase({ pglite }));
    await server.seedDemo();
    await takeSnapshot(server.database, SEED_SNAPSHOT);
    await server.close();
    // The server uses the `postgres` database only: the two template databases were 15 of the dump's 41 MB. So the
    // server opened from it cannot create databases, which no test does.
    for (const template of ['template1', 'template0']) {
      await pglite.exec(`alter database ${template} is_template false`);
      await pglite.exec(`drop database ${template}`);
    }
    // Everything on disk: the server that opens the dump does not replay the write-ahead log first.
    await pglite.exec('checkpoint');
    return await pglite.dumpDataDir('gzip');
  } finally {
    await pglite.close();
  }
}
