import { useSyncExternalStore } from 'react';
import { SEATKIT_URL } from './config.js';

/**
 * Who is signed in. This example uses the reference server's *development* sign-in (`POST /dev/token`,
 * only there when the server runs with `SEATKIT_AUTH=dev`). In your product, replace `signIn` with your
 * identity provider and have `getToken` return its access token: SeatKit only needs a bearer token
 * whose email claim names the user.
 *
 * The token lives in sessionStorage (per tab, gone when the tab closes) and is never rendered.
 */
export interface Session {
  email: string;
  token: string;
}

const KEY = 'seatkit-example.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw !== cached.raw) {
    let session: Session | null = null;
    try {
      const parsed = raw ? (JSON.parse(raw) as Partial<Session>) : null;
      if (parsed && typeof parsed.email === 'string' && typeof parsed.token === 'string') {
        session = { email: parsed.email, token: parsed.token };
      }
    } catch {
      // A corrupt entry is treated as signed out.
    }
    cached = { raw, session };
  }
  return cached.session;
}

function write(session: Session | null) {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return read()?.token ?? null;
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
  );
}

/** A user of the demo data, as `GET /dev/users` lists them. */
export interface DevUser {
  email: string;
  firstName: string;
  lastName: string;
  memberships: { orgId: string; orgName: string; role: string }[];
}

async function devRequest<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${SEATKIT_URL}${path}`, init);
  } catch {
    throw new Error(`The SeatKit server does not answer at ${SEATKIT_URL}. Is it running?`);
  }
  if (response.status === 404) {
    throw new Error('The server has no development sign-in. Start it with SEATKIT_AUTH=dev (or --seed demo).');
  }
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

export function listDevUsers(): Promise<DevUser[]> {
  return devRequest<DevUser[]>('/dev/users');
}

export async function signIn(email: string): Promise<void> {
  const { token } = await devRequest<{ token: string }>('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  // A new person must not inherit the previous person's organization choice.
  sessionStorage.removeItem(ORG_KEY);
  write({ email: email.trim().toLowerCase(), token });
}

export function signOut(): void {
  sessionStorage.removeItem(ORG_KEY);
  write(null);
}

const ORG_KEY = 'seatkit-example.org';
export const storedOrgId = () => sessionStorage.getItem(ORG_KEY);
export const storeOrgId = (orgId: string) => sessionStorage.setItem(ORG_KEY, orgId);
