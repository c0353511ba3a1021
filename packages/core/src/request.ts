import ky, { isHTTPError, isTimeoutError, type KyResponse } from 'ky';
import { checkShape, type Shape, type ShapeIssue } from './check-shape.js';
// The generated table, not the contract's zod route table: zod's runtime stays out of the client bundle.
import { errorBodyShape, errorCodes, errorStatus, type ClientRoute } from './client-routes.generated.js';
import type { ErrorBody, ErrorCode, ServerErrorCode } from './contract/errors.js';
import { buildPath, pathParamNames } from './contract/path.js';
import { hintCors } from './cors-hint.js';
import { isSeatKitError } from './is-seat-kit-error.js';
import { SeatKitError } from './seat-kit-error.js';

/** Per-call options every client method accepts. */
export interface RequestOptions {
  /** Cancels the call and its retries; it then rejects with code `aborted`. @default none */
  signal?: AbortSignal | undefined;
  /** Milliseconds per attempt for this call, or `false` for none. @default the client's `timeout` */
  timeout?: number | false | undefined;
  /** Extra headers for this call. @default none */
  headers?: Record<string, string> | undefined;
}

/** Per-call options of mutations (POST, PATCH, DELETE). */
export interface MutationOptions extends RequestOptions {
  /**
   * The `Idempotency-Key` header. Reuse one key to make a repeated call (a double click, a retry
   * after a crash) apply once. @default a new `crypto.randomUUID()` per call, shared by its retries
   */
  idempotencyKey?: string | undefined;
}

/** What `getToken` is told. */
export interface GetTokenContext {
  /** `true` on the one retry after a 401: return a fresh token, not a cached one. */
  forceRefresh: boolean;
}

/** The resolved transport settings of a client (internal). */
export interface Transport {
  baseUrl: string;
  getToken: ((context: GetTokenContext) => string | null | undefined | Promise<string | null | undefined>) | undefined;
  serverKey: string | undefined;
  fetch: typeof globalThis.fetch | undefined;
  timeout: number | false;
  retry: {
    limit: number;
    backoffLimit: number;
    maxRetryAfter: number;
  };
  headers: Record<string, string> | undefined;
}

// Every mutation carries an Idempotency-Key, so it is as safe to retry as a read.
const retryMethods = ['get', 'post', 'patch', 'delete'];
const retryStatusCodes = [408, 429, 500, 502, 503, 504];

// What `fetch` itself threw. Only these are `network`: a TypeError of the client's own code (or of a
// broken build, "x is not a function") must not pass for an unreachable server.
const fetchFailures = new WeakSet<object>();

/** Whether `error` is a fetch that failed before a response: thrown by `fetch` itself, as a TypeError. */
const isFetchFailure = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && fetchFailures.has(error) && (error as { name?: unknown }).name === 'TypeError';

/** `fetch` (the host's or the global one, looked up per call for test doubles), its failures marked. */
const markedFetch =
  (hostFetch: typeof globalThis.fetch | undefined) =>
  async (...[input, init]: Parameters<typeof globalThis.fetch>): Promise<Response> => {
    try {
      // Called as a function, not as a method of ky's options: an unbound `window.fetch` throws "Illegal invocation" otherwise.
      return await (hostFetch ? hostFetch(input, init) : globalThis.fetch(input, init));
    } catch (error) {
      if (typeof error === 'object' && error !== null) fetchFailures.add(error);
      throw error;
    }
  };

// Insecure browser contexts (plain http on a LAN address) have no `crypto.randomUUID`;
// `getRandomValues` is available everywhere.
const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (Number(c) ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (Number(c) / 4)))).toString(16),
  );

/** A new idempotency key (a UUID). */
export const createIdempotencyKey = uuid;

/**
 * Sends one logical call of `route`: fills the path from `input`, puts the rest in the query string
 * (GET) or the JSON body, authenticates, retries, and parses the answer with the route's schema.
 */
export async function send(
  transport: Transport,
  route: ClientRoute,
  input: Record<string, unknown> = {},
  options: MutationOptions = {},
): Promise<unknown> {
  const pathParams: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  const names = pathParamNames(route.path);
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (names.includes(key)) pathParams[key] = String(value);
    else rest[key] = value;
  }
  // Caught here, not by buildPath, so an empty id (from an unset form field) fails too, with a contract error.
  const missing = names.filter((name) => !pathParams[name]);
  if (missing.length) {
    throw new SeatKitError({
      code: 'validation_failed',
      message: `${route.method} ${route.path} needs ${missing.join(', ')}`,
      details: { issues: missing.map((name) => ({ path: [name], message: 'Required' })) },
    });
  }
  const path = buildPath(route.path, pathParams);
  const url = transport.baseUrl.replace(/\/+$/, '') + path;
  const isRead = route.method === 'GET';
  const headers: Record<string, string> = { ...transport.headers, ...options.headers };
  // Generated once per logical call: ky's retries and the 401 retry below all resend this key.
  if (!isRead) headers['idempotency-key'] = options.idempotencyKey ?? uuid();
  const { signal } = options;
  const where = `${route.method} ${path}`;
  if (signal?.aborted) throw new SeatKitError({ code: 'aborted', message: `${where} was aborted before it was sent`, cause: signal.reason });

  for (let refreshed = false; ; refreshed = true) {
    try {
      const response = await ky(url, {
        method: route.method,
        headers,
        searchParams: isRead ? (rest as Record<string, string>) : undefined,
        json: route.body ? rest : undefined,
        signal,
        timeout: options.timeout ?? transport.timeout,
        fetch: markedFetch(transport.fetch),
        retry: {
          ...transport.retry,
          methods: retryMethods,
          statusCodes: retryStatusCodes,
          afterStatusCodes: [429, 503],
          // An abort is the caller's decision, and our own errors (getToken failed) and bugs are final:
          // only a failed fetch, a timeout and the retryable statuses are worth another attempt.
          shouldRetry: ({ error }) =>
            signal?.aborted || isSeatKitError(error) || !(isHTTPError(error) || isFetchFailure(error) || isTimeoutError(error)) ? false : undefined,
        },
        hooks: {
          beforeRequest: [
            // Per attempt, so a retry after a long backoff does not send an expired token.
            async (request) => {
              const token = route.auth === 'server' ? transport.serverKey : route.auth === 'user' ? await getToken(transport, refreshed) : null;
              if (token) request.headers.set('authorization', `Bearer ${token}`);
            },
          ],
        },
      });
      return await parseResponse(route, response, where);
    } catch (error) {
      if (!refreshed && route.auth === 'user' && isHTTPError(error) && error.response.status === 401 && !signal?.aborted) {
        void error.response.body?.cancel().catch(() => undefined);
        continue;
      }
      throw await toSeatKitError(error, transport, where, url, signal);
    }
  }
}

async function getToken(transport: Transport, forceRefresh: boolean): Promise<string | null | undefined> {
  try {
    return await transport.getToken?.({ forceRefresh });
  } catch (cause) {
    throw new SeatKitError({ code: 'unauthorized', message: 'getToken() failed; the request was not sent', cause });
  }
}

/** `shape`'s output for `value`, or the issues that make it no match. */
function check(shape: Shape, value: unknown): { data: unknown; issues: ShapeIssue[] } {
  const issues: ShapeIssue[] = [];
  return { data: checkShape(shape, value, issues), issues };
}

async function parseResponse(route: ClientRoute, response: KyResponse, where: string): Promise<unknown> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (route.produces) return response.blob();
  const text = await response.text();
  if (route.response === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SeatKitError({ code: 'invalid_response', message: `${where} answered ${response.status} with a body that is not JSON`, status: response.status, requestId, cause });
  }
  const { data, issues } = check(route.response, json);
  if (issues.length) {
    throw new SeatKitError({
      code: 'invalid_response',
      message: `${where} answered ${response.status} with a body that does not match the contract: ${issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
      status: response.status,
      requestId,
      details: { issues },
    });
  }
  return data;
}

/** The code for an HTTP status whose body is not a SeatKit error (a proxy's 502 page, a bare 404). */
function codeForStatus(status: number): ErrorCode {
  if (status >= 500) return 'internal';
  if (status === 408) return 'timeout';
  // `owner_required` is a 403 too, but a bare 403 means "not allowed".
  if (status === 403) return 'forbidden';
  const codes = (Object.keys(errorStatus) as ServerErrorCode[]).filter((code) => errorStatus[code] === status);
  return codes.length === 1 ? codes[0]! : 'invalid_response';
}

async function toSeatKitError(error: unknown, transport: Transport, where: string, url: string, signal: AbortSignal | undefined): Promise<SeatKitError> {
  if (isSeatKitError(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  // ky's own TimeoutError, and the DOMException of an `AbortSignal.timeout()` signal.
  if (name === 'TimeoutError') {
    return new SeatKitError({ code: 'timeout', message: `${where} timed out`, cause: error });
  }
  if (signal?.aborted || name === 'AbortError') {
    return new SeatKitError({ code: 'aborted', message: `${where} was aborted`, cause: error });
  }
  if (isFetchFailure(error)) {
    // Only the browser's own fetch enforces CORS; a fetch the host passed (a test double, an in-page server) does not.
    if (!transport.fetch) hintCors(url);
    return new SeatKitError({ code: 'network', message: `${where} failed before a response arrived: ${(error as Error).message}`, cause: error });
  }
  if (!isHTTPError(error)) {
    // A fault of the client itself (or of a host's fetch wrapper) after the request was prepared or
    // before the answer was read: `internal` ("something went wrong on our side"), never `network`.
    return new SeatKitError({ code: 'internal', message: `${where} failed inside the client: ${String((error as Error)?.message ?? error)}`, cause: error });
  }
  const { response } = error;
  const status = response.status;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // Not JSON (an HTML error page of a proxy): fall back to the status.
  }
  const parsed = check(errorBodyShape, body);
  const serverError = parsed.issues.length ? undefined : (parsed.data as ErrorBody).error;
  const requestId = serverError?.requestId ?? response.headers.get('x-request-id') ?? undefined;
  if (!serverError) {
    return new SeatKitError({ code: codeForStatus(status), message: `${where} answered ${status} without a SeatKit error body`, status, requestId, cause: error });
  }
  const { code, message, details } = serverError;
  return new SeatKitError({
    // A newer server may send a code this client does not know: fall back to the status's code.
    code: (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : codeForStatus(status),
    message,
    status,
    requestId,
    details,
    cause: error,
  });
}
