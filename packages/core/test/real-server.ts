import { createPGliteDatabase, createSeatKitServer, silentLogger, type SeatKitServer } from '@seatkit/server';
import { createSeatKitClient, parseInvitationToken, type SeatKitClient, type SeatKitClientOptions } from '@seatkit/core';

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
