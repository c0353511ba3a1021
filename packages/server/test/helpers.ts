import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import pg from 'pg';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type Database, type DemoSeed, type MailMessage, type SeatKitServer, type SeatKitServerOptions } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';

const PG_URL = process.env.SEATKIT_TEST_DATABASE_URL;

/** The databases every rule is checked on. Real Postgres is required in CI and optional (with a warning) locally. */
export function databaseTargets(): ('pglite' | 'postgres')[] {
  if (PG_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error('SEATKIT_TEST_DATABASE_URL is not set: CI must run the server tests on a real Postgres server too');
  }
  console.warn('[seatkit tests] SEATKIT_TEST_DATABASE_URL is not set: skipping the Postgres variant (run `npm test -- --only=vitest`, which starts a throwaway Postgres, or point SEATKIT_TEST_DATABASE_URL at any Postgres you can create databases on)');
  return ['pglite'];
}

/** Each test file gets its own Postgres database, so files can run in parallel. */
export async function createTempPgDatabase(): Promise<{ database: Database; drop: () => Promise<void>; url: string }> {
  const name = `seatkit_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  const database = createPgDatabase({ connectionString: url.toString(), max: 30 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Records what the server hands to the mailer; `failNext` makes the next sends throw. */
export class TestMailer {
  sent: MailMessage[] = [];
  failing = false;
  async send(message: MailMessage) {
    if (this.failing) throw new Error('SMTP is down');
    this.sent.push(message);
  }
}

export interface ApiResult<T = any> {
  status: number;
  /** The parsed JSON (`null` for an empty answer or a file). */
  body: T;
  /** The answer as text (set by `call`). */
  text?: string;
  headers: Headers;
}

export interface CallOptions {
  /** Sign in as this email (dev token). */
  as?: string;
  token?: string;
  serverKey?: string | true;
  body?: unknown;
  /** Sent as is (malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  server: SeatKitServer;
  demo: DemoSeed;
  mailer: TestMailer;
  kind: 'pglite' | 'postgres';
  /** Moves the server's clock. */
  clock: { offsetMs: number };
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiResult<T>>;
  /** `/v1/orgs/<northwind>` + rest */
  nw(rest?: string): string;
}

export const OWNER = 'owner@northwind.test';
export const ADMIN = 'admin@northwind.test';
export const MEMBER = 'member@northwind.test';
export const LAKESIDE_OWNER = 'owner@lakeside.test';

/**
 * Runs `define` once per database with a shared server per file (a fresh PGlite costs seconds);
 * every test starts from the demo seed after a truncating reset.
 */
export function forEachDatabase(define: (h: () => Harness) => void, extra: Partial<SeatKitServerOptions> = {}) {
  for (const kind of databaseTargets()) {
    describe(kind, () => {
      let harness: Harness;
      let drop: (() => Promise<void>) | undefined;
      const clock = { offsetMs: 0 };
      const mailer = new TestMailer();
      beforeAll(async () => {
        let database: Database;
        if (kind === 'pglite') database = await createPGliteDatabase();
        else ({ database, drop } = await createTempPgDatabase());
        const server = await createSeatKitServer({
          database,
          auth: { mode: 'dev', secret: 'test-secret' },
          serverKey: 'sk_test',
          appUrl: 'http://app.test',
          mailer,
          logger: silentLogger,
          now: () => new Date(Date.now() + clock.offsetMs),
          awaitEmails: true,
          // Tests run the jobs themselves (server.runJobs()), at the moments they choose.
          jobs: { intervalMs: 0 },
          ...extra,
        });
        const tokens = new Map<string, string>();
        harness = {
          server,
          demo: undefined as unknown as DemoSeed,
          mailer,
          kind,
          clock,
          nw: (rest = '') => `/v1/orgs/${harness.demo.northwind.orgId}${rest}`,
          async call(method, path, options = {}) {
            const headers: Record<string, string> = { ...(options.headers ?? {}) };
            if (options.as) {
              if (!tokens.has(options.as)) tokens.set(options.as, await server.devToken(options.as));
              headers.authorization = `Bearer ${tokens.get(options.as)}`;
            }
            if (options.token) headers.authorization = `Bearer ${options.token}`;
            if (options.serverKey) headers.authorization = `Bearer ${options.serverKey === true ? 'sk_test' : options.serverKey}`;
            let body: string | undefined;
            if (options.rawBody !== undefined) body = options.rawBody;
            else if (options.body !== undefined) body = JSON.stringify(options.body);
            if (body !== undefined) headers['content-type'] ??= 'application/json';
            const res = await server.fetch(new Request(`http://seatkit.test${path}`, { method, headers, body }));
            const text = await res.text();
            // A file (the member export) is read as text; everything else the server says is JSON.
            const json = !(res.headers.get('content-type') ?? '').startsWith('text/csv');
            return { status: res.status, body: text && json ? JSON.parse(text) : null, text, headers: res.headers };
          },
        };
      });
      beforeEach(async () => {
        clock.offsetMs = 0;
        mailer.failing = false;
        await harness.server.reset();
        harness.demo = await harness.server.seedDemo();
        // The seed's invitation email is not part of any test's story.
        await harness.server.dispatchEmails();
        mailer.sent = [];
      });
      afterAll(async () => {
        await harness?.server.close();
        await drop?.();
      });
      define(() => harness);
    });
  }
}

/** Adds `n` members to Northwind as its owner (`p0@example.com`, …) and returns their ids, in order. */
export async function addNorthwindMembers(h: Harness, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await h.call('POST', h.nw('/members'), { as: OWNER, body: { email: `p${i}@example.com`, firstName: 'P', lastName: `${i}`, role: 'member' } });
    ids.push(res.body.id);
  }
  return ids;
}

/** Pulls the token out of an invitation email's accept link. */
export function tokenFrom(text: string): string {
  const match = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in: ${text}`);
  return match[1]!;
}
