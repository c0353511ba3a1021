import type { ErrorCode } from './contract/errors.js';

/**
 * End-user sentences per error code, for `describeError` and `SeatKitError.userMessage`.
 * `unknown` covers anything that is not a `SeatKitError`.
 */
export type ErrorMessages = Record<ErrorCode | 'unknown', string>;

/**
 * The English defaults. Typed as a full record so that a code added to the contract fails the
 * typecheck here until it has a sentence.
 */
export const defaultErrorMessages: Readonly<ErrorMessages> = Object.freeze({
  unauthorized: 'Your session has ended. Please sign in again.',
  forbidden: 'You do not have permission to do that.',
  not_found: 'We could not find that. It may have been removed.',
  validation_failed: 'Some of the information is not valid. Please check it and try again.',
  already_member: 'This person is already a member of the organization.',
  already_assigned: 'This person already has a seat in this subscription.',
  seats_exhausted: 'There are no seats left in this subscription.',
  subscription_inactive: 'This subscription was canceled or has expired, so its seats cannot be handed out.',
  invitation_expired: 'This invitation has expired. Please ask for a new one.',
  invitation_not_pending: 'This invitation can no longer be used. It may have been accepted or revoked.',
  owner_required: 'Only the owner of the organization can do that.',
  last_owner: 'An organization always needs an owner. Transfer ownership first.',
  seats_in_use: 'Some of these seats are still in use. Free them first.',
  idempotency_conflict: 'This request conflicts with an earlier one. Please try again.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  payload_too_large: 'That is too much at once. Please send fewer items.',
  cross_site_request: 'This request was blocked because it came from another website. Please try again from the app.',
  auth_unavailable: 'We could not check your sign-in right now. Please try again in a moment.',
  unavailable: 'The service is busy right now. Please try again in a moment.',
  internal: 'Something went wrong on our side. Please try again.',
  network: 'We could not reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Please try again.',
  invalid_response: 'The server sent an unexpected answer. Please try again later.',
  aborted: 'The request was canceled.',
  invalid_signature: 'The message could not be verified.',
  unknown: 'Something went wrong. Please try again.',
});
