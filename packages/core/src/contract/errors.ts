import * as z from 'zod/mini';

/** Error codes the server answers with. Stable: hosts switch on them. */
export const SERVER_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'validation_failed',
  'already_member',
  'already_assigned',
  'seats_exhausted',
  'subscription_inactive',
  'invitation_expired',
  'invitation_not_pending',
  'owner_required',
  'last_owner',
  'seats_in_use',
  'idempotency_conflict',
  'rate_limited',
  'payload_too_large',
  'cross_site_request',
  'auth_unavailable',
  'unavailable',
  'internal',
] as const;

/**
 * Codes only the client produces: the request or its answer failed before a server error could be read; `invalid_signature`:
 * `verifyWebhook` refused a webhook (a header missing, too old, no matching signature).
 */
export const CLIENT_ERROR_CODES = ['network', 'timeout', 'invalid_response', 'aborted', 'invalid_signature'] as const;

export const ERROR_CODES = [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES] as const;

export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each server code is sent with. */
export const ERROR_STATUS: Readonly<Record<ServerErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  already_member: 409,
  already_assigned: 409,
  seats_exhausted: 409,
  // A canceled or expired subscription hands out no seat (assign, reserve); `details.reason` says which.
  subscription_inactive: 409,
  invitation_expired: 410,
  invitation_not_pending: 409,
  owner_required: 403,
  last_owner: 409,
  seats_in_use: 409,
  idempotency_conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  // A mutation from an origin the server does not allow, refused before anything ran (cookie-based host auth only).
  cross_site_request: 403,
  // The identity provider (its JWKS) could not be reached: the token was not judged, so not 401; retry later.
  auth_unavailable: 503,
  // The database could not serve the request in time (a lost connection, a lock or statement timeout, no connection
  // to be had); `Retry-After` says when to try again. Not a 500: neither the request nor the server's code was at fault.
  unavailable: 503,
  internal: 500,
};

export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** One issue of a `validation_failed` error: where and what. */
export const ValidationIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.optional(z.string()),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    // A string, not the enum: a newer server may send a code this client does not know yet.
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The per-item error inside a bulk result. */
export const ItemErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.optional(z.unknown()),
});
export type ItemError = z.infer<typeof ItemErrorSchema>;
