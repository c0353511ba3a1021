import { defaultErrorMessages, type ErrorMessages } from './error-messages.js';
import { isSeatKitError } from './is-seat-kit-error.js';

/**
 * A sentence for end users about any error: a `SeatKitError` by its `code`, anything else as
 * `unknown`. Pass `messages` to translate or reword; missing entries fall back to English.
 *
 * @example
 * toast.error(describeError(error));
 * toast.error(describeError(error, { seats_exhausted: 'Buy more seats to add this person.' }));
 */
export function describeError(error: unknown, messages: Partial<ErrorMessages> = {}): string {
  const code = isSeatKitError(error) ? error.code : 'unknown';
  return messages[code] ?? defaultErrorMessages[code] ?? messages.unknown ?? defaultErrorMessages.unknown;
}
