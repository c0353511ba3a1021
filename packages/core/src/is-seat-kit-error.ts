import type { ErrorCode } from './contract/errors.js';
import { SeatKitError } from './seat-kit-error.js';

/**
 * True when `error` is a `SeatKitError` (optionally with the given `code`).
 *
 * Works across bundles and realms: besides `instanceof`, it accepts an object carrying the
 * SeatKit brand or named `SeatKitError` with a string `code` — two copies of `@seatkit/core`
 * (or an error crossing an iframe) still match.
 *
 * @example
 * if (isSeatKitError(error, 'already_member')) form.setError('email', { message: error.userMessage });
 */
export function isSeatKitError<C extends ErrorCode = ErrorCode>(
  error: unknown,
  code?: C,
): error is SeatKitError & { code: C } {
  const matches =
    error instanceof SeatKitError ||
    (typeof error === 'object' &&
      error !== null &&
      ((error as Record<symbol, unknown>)[Symbol.for('seatkit.error')] === true ||
        (error as { name?: unknown }).name === 'SeatKitError') &&
      typeof (error as { code?: unknown }).code === 'string');
  return matches && (code === undefined || (error as SeatKitError).code === code);
}
