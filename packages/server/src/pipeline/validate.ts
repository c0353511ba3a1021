import { EmptyBodySchema, type RouteDef } from '@seatkit/core/contract';
import * as z from 'zod/mini';
import { ApiError, notFound, toIssues, validationFailed } from '../errors.js';
import { findUnstorable, jsonDeeperThan, MAX_JSON_DEPTH, TOO_DEEP_MESSAGE, UNSTORABLE_MESSAGE } from '../input-guard.js';

/** The largest body any route accepts. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Stage "validate" (path): a parameter longer than any id, or holding a NUL, names nothing, so the answer is 404
 * before anyone is authenticated.
 *
 * @example
 * const params = checkParams(c.req.param());
 */
export function checkParams(params: Record<string, string>): Record<string, string> {
  for (const value of Object.values(params)) {
    if (value.length > 200 || value.includes('\u0000')) throw notFound();
  }
  return params;
}

/**
 * Stage "validate" (query): the route's query schema over the URL's search parameters; `{}` for a route without one.
 *
 * @example
 * const query = validateQuery(routes.listMembers, 'http://x/v1/orgs/o/members?limit=10'); // { limit: '10' }
 */
export function validateQuery(def: RouteDef, url: string): unknown {
  if (!def.query) return {};
  const raw = Object.fromEntries(new URL(url).searchParams);
  const bad = findUnstorable(raw);
  if (bad) throw validationFailed([{ path: bad, message: UNSTORABLE_MESSAGE, code: 'invalid_characters' }]);
  const result = z.safeParse(def.query, raw);
  if (!result.success) throw validationFailed(toIssues(result.error.issues as never));
  return result.data;
}

/**
 * Stage "validate" (body): reads a mutation's JSON object and checks it with the route's body schema (an empty
 * object for a route without one). `raw` is kept for the idempotency hash.
 *
 * @example
 * const { value } = await readBody(routes.createRole, request);
 */
export async function readBody(def: RouteDef, request: Request): Promise<{ raw: string; value: unknown }> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) throw tooLarge();
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) throw tooLarge();
  // Measured on the text, before parsing: nothing then walks a body deep enough to overflow the stack.
  if (jsonDeeperThan(raw, MAX_JSON_DEPTH)) throw validationFailed([{ path: [], message: TOO_DEEP_MESSAGE, code: 'too_deep' }], TOO_DEEP_MESSAGE);
  let parsed: unknown = {};
  if (raw.trim() !== '') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw validationFailed([{ path: [], message: 'The body is not valid JSON', code: 'invalid_json' }], 'The body is not valid JSON');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationFailed([{ path: [], message: 'The body must be a JSON object', code: 'invalid_type' }], 'The body must be a JSON object');
  }
  // Checked before the schema: an item-by-item bulk body passes its items through unparsed.
  const bad = findUnstorable(parsed);
  if (bad) throw validationFailed([{ path: bad, message: UNSTORABLE_MESSAGE, code: 'invalid_characters' }]);
  const result = z.safeParse(def.body ?? EmptyBodySchema, parsed);
  if (!result.success) throw validationFailed(toIssues(result.error.issues as never));
  return { raw, value: result.data };
}

/** The error of a body over {@link MAX_BODY_BYTES}. */
export const tooLarge = () => new ApiError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes`);
