/**
 * Why the database could not serve a request, when that is neither the request's fault nor a bug: the answer is
 * `503 unavailable`, and trying again shortly may work.
 * - `connection_lost`: the connection died under a statement (backend terminated, server restart, reset socket);
 * - `unreachable`: no connection could be had (refused, nothing answered within the connect timeout, the pool stayed
 *   full for as long, the server refuses connections, or a host stopped answering mid-statement);
 * - `lock_timeout`: a lock was not granted within `lock_timeout`;
 * - `statement_timeout`: a statement ran past `statement_timeout`.
 */
export type DatabaseFault = 'connection_lost' | 'unreachable' | 'lock_timeout' | 'statement_timeout';

// SQLSTATEs: class 08 is "connection exception"; 57P01–57P03 a server shutting down, crashed or starting;
// 25P03 the server ending a session left idle in a transaction; 53300 too many connections.
const LOST_STATES = new Set(['57P01', '57P02', '25P03']);
const UNREACHABLE_STATES = new Set(['57P03', '53300']);
const LOST_ERRNOS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const UNREACHABLE_ERRNOS = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The fault `error` reports, or `undefined` for anything else (a constraint, a bug). Reads SQLSTATEs, socket error
 * codes and the messages `pg` and `pg-pool` throw without a code, so it works for any Postgres driver that keeps them.
 *
 * @example
 * databaseFault(Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })); // 'lock_timeout'
 */
export function databaseFault(error: unknown): DatabaseFault | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  if (code === '55P03') return 'lock_timeout';
  // 57014 is also a cancel request; SeatKit sends none, so here it is the statement timeout.
  if (code === '57014') return 'statement_timeout';
  if (typeof code === 'string') {
    if (LOST_STATES.has(code) || LOST_ERRNOS.has(code) || (code.startsWith('08') && code !== '08001' && code !== '08004')) return 'connection_lost';
    if (UNREACHABLE_STATES.has(code) || UNREACHABLE_ERRNOS.has(code) || code === '08001' || code === '08004') return 'unreachable';
  }
  // pg's and pg-pool's own errors carry no code.
  if (/^timeout exceeded when trying to connect|^Connection terminated due to connection timeout|^Query read timeout/.test(message)) return 'unreachable';
  if (/^Connection terminated|is not queryable|^terminating connection/.test(message)) return 'connection_lost';
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error ? databaseFault(cause) : undefined;
}

// Errors thrown by COMMIT itself: whether the transaction committed is unknown.
const commitFailures = new WeakSet<object>();

/** Marks `error` as thrown by a transaction's COMMIT (a `Database` adapter calls it). */
export function markCommitFailure(error: unknown): void {
  if (typeof error === 'object' && error !== null) commitFailures.add(error);
}

/** Whether `error` came from COMMIT, so the transaction may have committed and running it again is not safe. */
export function failedAtCommit(error: unknown): boolean {
  return typeof error === 'object' && error !== null && commitFailures.has(error);
}
