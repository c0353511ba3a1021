import { EmailSchema, type RouteDef } from '@seatkit/core/contract';
import * as z from 'zod/mini';
import type { Authenticator, AuthOptions, HostIdentity } from '../auth.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../errors.js';
import { upsertUser, type UserRow } from '../repo.js';
import { constantTimeEqual } from '../util.js';

/** Stage "authenticate": the signed-in user of a `user` route, `null` for `server` and `none` routes. */
export type Authenticate = (request: Request, def: RouteDef, db: Queryable) => Promise<UserRow | null>;

/**
 * Makes the authenticate stage for the server's auth mode: a `user` route needs a user (bearer token, or the host's
 * session in custom mode), a `server` route the server key; `none` routes pass.
 *
 * @example
 * const auth = { mode: 'dev', secret: 's' } as const;
 * const authenticate = createAuthenticate({ auth, authenticator: createAuthenticator(auth), now: () => new Date() });
 * const user = await authenticate(request, routes.me, database);
 */
export function createAuthenticate(options: {
  auth: AuthOptions;
  /** The token verifier of dev and jwt modes; `null` in custom mode. */
  authenticator: Authenticator | null;
  serverKey?: string;
  now: () => Date;
}): Authenticate {
  const { auth, authenticator, serverKey, now } = options;

  const user = async (request: Request, db: Queryable): Promise<UserRow> => {
    if (auth.mode === 'custom') {
      const identity = hostIdentity(await callHostAuthenticate(auth.authenticate, request));
      if (!identity) throw new ApiError('unauthorized', 'Sign in first: the host did not recognize a session on this request');
      return upsertUser(db, identity.email, identity);
    }
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
    if (!match) throw new ApiError('unauthorized', 'Sign in first: send "Authorization: Bearer <token>"');
    const identity = await authenticator!.verify(match[1]!, now());
    return upsertUser(db, identity.email, identity);
  };

  const server = (request: Request): void => {
    if (!serverKey) throw new ApiError('unauthorized', 'Provisioning is disabled: the server has no server key configured');
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
    if (!match || !constantTimeEqual(match[1]!, serverKey)) throw new ApiError('unauthorized', 'A valid server key is required');
  };

  return async (request, def, db) => {
    if (def.auth === 'user') return user(request, db);
    if (def.auth === 'server') server(request);
    return null;
  };
}

/** Runs the host's `authenticate`; a throw that is not an `ApiError` is the host's bug, logged as such (500, no details). */
async function callHostAuthenticate(authenticate: (request: Request) => unknown, request: Request): Promise<unknown> {
  try {
    return await authenticate(request);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new Error('SeatKit: auth.authenticate threw', { cause: error });
  }
}

/** Checks what the host's `authenticate` returned: `null` is "nobody"; anything without a valid email is a host bug. */
function hostIdentity(value: unknown): HostIdentity | null {
  if (value === null || value === undefined) return null;
  const raw = value as Partial<Record<keyof HostIdentity, unknown>>;
  const email = z.safeParse(EmailSchema, raw.email);
  if (!email.success) throw new Error('SeatKit: auth.authenticate returned an identity without a valid `email` (return null when nobody is signed in)');
  const name = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : undefined);
  return { email: email.data, firstName: name(raw.firstName), lastName: name(raw.lastName) };
}
