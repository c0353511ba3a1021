import type { ErrorCode } from './contract/errors.js';
import { defaultErrorMessages } from './error-messages.js';

// `Symbol.for` lives in the global symbol registry, so the brand is the same symbol in every bundle
// copy of this file and in every realm (iframes, workers, vm contexts).
const brand = Symbol.for('seatkit.error');

/** What a `SeatKitError` is made of. */
export interface SeatKitErrorOptions {
  /** The stable machine code. */
  code: ErrorCode;
  /** The developer message: what went wrong, for logs. */
  message: string;
  /** The HTTP status, when a response arrived. @default undefined */
  status?: number | undefined;
  /** The server's request id (error body or `x-request-id`), to quote in a support ticket. @default undefined */
  requestId?: string | undefined;
  /** Structured details: validation issues from the server, the mismatches of a bad response (`{ issues }`), … @default undefined */
  details?: unknown;
  /** The underlying error (a `TypeError` from `fetch`, ky's `TimeoutError`, a JSON `SyntaxError`, …). @default undefined */
  cause?: unknown;
  /** The end-user sentence. @default the English default for `code` */
  userMessage?: string | undefined;
}

/**
 * Every failure of a `@seatkit/core` client call. Switch on `code`, never on `message`.
 *
 * `message` is for developers (logs, bug reports); `userMessage` is a sentence an end user may
 * read. Use `describeError` to pick a localized sentence instead.
 *
 * @example
 * try {
 *   await seatkit.seats.assign({ orgId, subscriptionId, memberIds: [memberId] });
 * } catch (error) {
 *   if (isSeatKitError(error, 'seats_exhausted')) showUpgradeDialog();
 *   else toast(describeError(error));
 * }
 */
export class SeatKitError extends Error {
  override readonly name = 'SeatKitError' as const;
  /** The stable machine code: one of the server's codes or `network`, `timeout`, `invalid_response`, `aborted`. */
  readonly code: ErrorCode;
  /** The HTTP status, or `undefined` when no response arrived (`network`, `timeout`, `aborted`). */
  readonly status: number | undefined;
  /** The server's request id, when it sent one. */
  readonly requestId: string | undefined;
  /** Structured details: the server's `details` (e.g. validation issues) or, for `invalid_response`, `{ issues }`. */
  readonly details: unknown;
  /** A sentence for end users, in English. */
  readonly userMessage: string;
  declare readonly cause: unknown;

  constructor(options: SeatKitErrorOptions) {
    super(options.message, { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
    this.requestId = options.requestId;
    this.details = options.details;
    this.userMessage = options.userMessage ?? defaultErrorMessages[options.code];
    Object.defineProperty(this, brand, { value: true });
  }
}
