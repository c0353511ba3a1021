import type { Queryable } from '../db/database.js';
import { ApiError, validationFailed } from '../errors.js';
import { sha256Hex } from '../util.js';

/** Keys are kept this long; after that the same key starts a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/** A claimed `Idempotency-Key`: who used it, and a hash of the request it was used for. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
  now: Date;
}

export interface Outcome {
  status: number;
  payload: unknown;
  replayed: boolean;
}

/**
 * The claim for a request's `Idempotency-Key` header (1–255 characters), or `null` without one. The hash covers the
 * method, the path and the raw body, so the same key with another request is a conflict.
 *
 * @example
 * const claim = await idempotencyClaim(c.req.header('idempotency-key'), `user:${user.id}`, 'POST /v1/orgs/o/roles', raw, now);
 */
export async function idempotencyClaim(key: string | undefined, scope: string, request: string, rawBody: string, now: Date): Promise<IdempotencyClaim | null> {
  if (key === undefined) return null;
  if (key.length < 1 || key.length > 255) {
    throw validationFailed([{ path: ['Idempotency-Key'], message: 'Must be 1–255 characters', code: 'invalid_idempotency_key' }]);
  }
  return { scope, key, requestHash: await sha256Hex(`${request}\n${rawBody}`), now };
}

/**
 * Stage "idempotent transaction": runs `work` inside the mutation's transaction `tx` once per key. A repeat of the same
 * request gets the stored answer (`replayed`); the same key with a different request is `409 idempotency_conflict`.
 * The key is claimed in the same transaction, so a concurrent retry waits for the first to finish.
 *
 * @example
 * const outcome = await database.transaction((tx) => idempotent(tx, claim, async () => ({ status: 201, payload })));
 */
export async function idempotent(
  tx: Queryable,
  claim: IdempotencyClaim | null,
  work: () => Promise<{ status: number; payload: unknown }>,
): Promise<Outcome> {
  if (!claim) return { ...(await work()), replayed: false };
  const { scope, key, requestHash, now } = claim;
  const claimed = await tx.query(
    `insert into idempotency_keys (scope, key, request_hash, created_at) values ($1, $2, $3, $4)
     on conflict (scope, key) do update
       set request_hash = excluded.request_hash, status = null, response = null, created_at = excluded.created_at
       where idempotency_keys.created_at < $5
     returning key`,
    [scope, key, requestHash, now, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)],
  );
  if (!claimed.rows.length) {
    const { rows } = await tx.query<{ request_hash: string; status: number; response: unknown }>(
      `select request_hash, status, response from idempotency_keys where scope = $1 and key = $2`,
      [scope, key],
    );
    const stored = rows[0]!;
    if (stored.request_hash !== requestHash) {
      throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used for a different request');
    }
    return { status: stored.status, payload: stored.response, replayed: true };
  }
  const result = await work();
  await tx.query(`update idempotency_keys set status = $3, response = $4::jsonb where scope = $1 and key = $2`, [
    scope,
    key,
    result.status,
    JSON.stringify(result.payload ?? null),
  ]);
  return { ...result, replayed: false };
}
