import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type DemoSeed, type SeatKitServer } from '@seatkit/server';
import {
  createSeatKitClient,
  isSeatKitError,
  parseInvitationToken,
  type SeatKitClient,
  type SeatKitClientOptions,
  type SeatKitError,
} from '@seatkit/core';

export const BASE_URL = 'http://seatkit.test';

/** The real reference server, in-process on an in-memory PGlite (one per test file: creating one takes seconds). */
export async function startServer(): Promise<SeatKitServer> {
  const database = await createPGliteDatabase();
  return createSeatKitServer({
    database,
    auth: { mode: 'dev', secret: 'test-secret' },
    serverKey: 'sk_test',
    appUrl: 'http://localhost:5173',
    logger: silentLogger,
  });
}

/**
 * One real server for the test file (started once, closed after), reset to the demo seed before each test.
 * Read `server` and `demo` inside tests or hooks registered after this call: they change per file and per test.
 */
export function useRealServer(): { readonly server: SeatKitServer; readonly demo: DemoSeed } {
  const ctx = {} as { server: SeatKitServer; demo: DemoSeed };
  beforeAll(async () => {
    ctx.server = await startServer();
  });
  afterAll(async () => {
    await ctx.server?.close();
  });
  beforeEach(async () => {
    await ctx.server.reset();
    ctx.demo = await ctx.server.seedDemo();
  });
  return ctx;
}

/** The SeatKitError a call fails with; fails the test if the call succeeds or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<SeatKitError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  if (!isSeatKitError(error)) throw error;
  return error;
}

/** `fetch` that hands the request to the in-process server: no socket, the real app. */
export const serverFetch = (server: SeatKitServer): typeof globalThis.fetch =>
  ((input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init))) as typeof globalThis.fetch;

/** A client signed in as `email` (dev tokens), or anonymous with `null`. */
export function clientAs(server: SeatKitServer, email: string | null, options: Partial<SeatKitClientOptions> = {}): SeatKitClient {
  return createSeatKitClient({
    baseUrl: BASE_URL,
    getToken: () => (email ? server.devToken(email) : null),
    fetch: serverFetch(server),
    retry: { limit: 2, backoffLimit: 0 },
    ...options,
  });
}

/** The accept-link token of the newest email to `to`, as the invitee would click it. */
export async function invitationTokenFor(server: SeatKitServer, to: string): Promise<string> {
  const mails = (await server.mailbox()).filter((mail) => mail.to === to && mail.text.includes('accept-invitation'));
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no invitation email to ${to}`);
  const link = /https?:\/\/\S+accept-invitation\S+/.exec(mail.text)?.[0];
  const token = link ? parseInvitationToken(link) : null;
  if (!token) throw new Error(`no accept link in the email to ${to}:\n${mail.text}`);
  return token;
}

export const OWNER = 'owner@northwind.test';
export const ADMIN = 'admin@northwind.test';
export const MEMBER = 'member@northwind.test';
export const LAKESIDE_OWNER = 'owner@lakeside.test';
