import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DemoSeed, SeatKitServer } from '@seatkit/server';
import { createTestServer, DEMO_USERS, type TestServer } from '@seatkit/server/testing';
import { isSeatKitError, parseInvitationToken, type SeatKitClient, type SeatKitClientOptions, type SeatKitError } from '@seatkit/core';

export const BASE_URL = 'http://seatkit.test';

// Each started server with its test harness; the harness's clients retry (the fault tests count retries) without waiting.
const testServers = new WeakMap<SeatKitServer, TestServer>();

/** The real reference server, in-process on an in-memory PGlite (one per test file: creating one takes seconds). */
export async function startServer(): Promise<SeatKitServer> {
  const testServer = await createTestServer({ baseUrl: BASE_URL, client: { retry: { limit: 2, backoffLimit: 0 } } });
  testServers.set(testServer.server, testServer);
  return testServer.server;
}

/**
 * One real server for the test file (started once, closed after), reset to the demo seed before each test.
 * Read `server` and `demo` inside tests or hooks registered after this call: they change per file and per test.
 */
export function useRealServer(): { readonly server: SeatKitServer; readonly demo: DemoSeed } {
  let testServer: TestServer | undefined;
  beforeAll(async () => {
    testServer = testServers.get(await startServer());
  });
  afterAll(async () => {
    await testServer?.close();
  });
  beforeEach(async () => {
    await testServer!.reset();
  });
  return {
    get server() {
      return testServer!.server;
    },
    get demo() {
      return testServer!.demo;
    },
  };
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
export const serverFetch = (server: SeatKitServer): typeof globalThis.fetch => testServers.get(server)!.fetch;

/** A client signed in as `email` (dev tokens), or anonymous with `null`. */
export function clientAs(server: SeatKitServer, email: string | null, options: Partial<SeatKitClientOptions> = {}): SeatKitClient {
  return testServers.get(server)!.clientFor(email, options);
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

export const OWNER = DEMO_USERS.owner.email;
export const ADMIN = DEMO_USERS.admin.email;
export const MEMBER = DEMO_USERS.member.email;
export const LAKESIDE_OWNER = DEMO_USERS.lakesideOwner.email;
