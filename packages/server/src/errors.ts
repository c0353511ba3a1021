import { ERROR_STATUS, type ServerErrorCode, type ValidationIssue } from '@seatkit/core/contract';

/**
 * A failure the API reports as `{ error: { code, message, details, requestId } }`.
 * Thrown anywhere below a route handler; anything else thrown becomes a 500 `internal`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers (`Retry-After`). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Resource') => new ApiError('not_found', `${what} not found`);

/** A bulk item's error (`{ code, message, details? }`): an `ApiError` fails the item alone; anything else is rethrown. */
export function itemError(error: unknown): { code: ApiError['code']; message: string; details?: unknown } {
  if (!(error instanceof ApiError)) throw error;
  return { code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) };
}

export const validationFailed = (issues: ValidationIssue[], message?: string) =>
  new ApiError('validation_failed', message ?? issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '), issues);

export const forbidden = (permission: string) =>
  new ApiError('forbidden', `You need the "${permission}" permission to do this`, { permission });

/** zod issues → the contract's `[{ path, message, code }]`, with readable text for unknown fields. */
export function toIssues(
  issues: readonly { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }[],
  prefix: (string | number)[] = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) out.push({ path: [...path, key], message: 'Unknown field', code: 'unrecognized_keys' });
      continue;
    }
    out.push({ path, message: issue.message, code: issue.code });
  }
  return out;
}
