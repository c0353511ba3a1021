import { databaseFault, failedAtCommit, type DatabaseFault } from '../db/faults.js';
import { ApiError } from '../errors.js';

// 40P01 deadlock, 40001 serialization failure; 23503: a row this transaction references (the caller, a member) was
// deleted by one that committed after our reads, so the retry reads again and answers not_found instead of a 500;
// 23505: a concurrent insert took a unique value first (e.g. two email changes to one address), so the retry's checks
// see it and answer with the contract code (already_member…).
const CONFLICT_STATES = new Set(['40P01', '40001', '23503', '23505']);

/** Attempts for a conflict with another transaction. */
const CONFLICT_ATTEMPTS = 3;

/**
 * Stage "retry": runs `transaction` (the whole of a request's writes: a Postgres transaction that rolls back when it
 * throws) again when it failed for a reason another attempt may not meet:
 * - a conflict with a concurrent transaction (deadlock, serialization, a row that vanished or appeared): up to 3 attempts;
 * - a lost connection or a lock timeout: once, and only when the transaction certainly rolled back — a connection lost
 *   during COMMIT may have committed, so that one is not run again (its `Idempotency-Key` lets the client retry).
 * What still fails is thrown; `unavailable()` turns database faults into `503 unavailable`.
 *
 * @example
 * const outcome = await withRetry(() => database.transaction((tx) => idempotent(tx, claim, work)));
 */
export async function withRetry<T>(transaction: () => Promise<T>): Promise<T> {
  let conflicts = 0;
  let faultRetried = false;
  for (;;) {
    try {
      return await transaction();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && CONFLICT_STATES.has(code) && ++conflicts < CONFLICT_ATTEMPTS) continue;
      const fault = databaseFault(error);
      if (!faultRetried && (fault === 'connection_lost' || fault === 'lock_timeout') && !failedAtCommit(error)) {
        faultRetried = true;
        continue;
      }
      throw error;
    }
  }
}

/** Seconds a client should wait before trying again, per fault: a lock or a connection comes back soon, a sick server not. */
const RETRY_AFTER_SECONDS: Record<DatabaseFault, number> = {
  connection_lost: 1,
  lock_timeout: 1,
  statement_timeout: 5,
  unreachable: 5,
};

/**
 * `503 unavailable` with `Retry-After` for an error that is a database fault (see `databaseFault`), else `undefined`.
 * The message says nothing of the database: the log has that.
 */
export function unavailable(error: unknown): { fault: DatabaseFault; error: ApiError } | undefined {
  const fault = databaseFault(error);
  if (!fault) return undefined;
  return {
    fault,
    error: new ApiError('unavailable', 'The service could not complete this request right now. Try again shortly.', undefined, {
      'Retry-After': String(RETRY_AFTER_SECONDS[fault]),
    }),
  };
}
