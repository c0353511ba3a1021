import type { WebhookEvent } from '../contract/webhooks.js';
import { SeatKitError } from '../seat-kit-error.js';

/** Where the headers come from: a Fetch `Headers`, or a plain record such as Node's `req.headers`. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way, in seconds (replays of old webhooks are refused). @default 300 */
  toleranceSec?: number;
  /** The receiver's clock. @default new Date() */
  now?: Date;
}

const encoder = new TextEncoder();
const SECRET_PREFIX = 'whsec_';

/**
 * Checks a webhook the SeatKit server sent (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`)
 * and returns its event. Pass the raw body exactly as received: a parsed and re-serialised body no longer matches its
 * signature. Several secrets may be given (the old and the new one while you roll a rotation out); one matching
 * signature is enough. Web Crypto only: runs in Node, Deno, Bun, workers and edge runtimes.
 *
 * @throws `SeatKitError` with code `invalid_signature` when a header is missing, the timestamp is outside the
 * tolerance, no signature matches, or the body is not JSON.
 * @example
 * const event = await verifyWebhook(rawBody, request.headers, process.env.SEATKIT_WEBHOOK_SECRET!);
 * if (event.type === 'seat.assigned') grantAccess(event.orgId, event.data.id);
 */
export async function verifyWebhook(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw invalid('A webhook-id, webhook-timestamp or webhook-signature header is missing');

  const seconds = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : NaN;
  const tolerance = options.toleranceSec ?? 300;
  const nowSec = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (!Number.isFinite(seconds)) throw invalid('The webhook-timestamp header is not a Unix time in seconds');
  if (Math.abs(nowSec - seconds) > tolerance) throw invalid(`The webhook-timestamp is more than ${tolerance} s away from now`);

  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const signed = concat(encoder.encode(`${id}.${timestamp}.`), bytes);
  const candidates = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => decodeBase64(s.slice(3)))
    .filter((s): s is Uint8Array => s !== null);
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (!secrets.length) throw new TypeError('verifyWebhook: give at least one secret');
  for (const one of secrets) {
    const key = await importKey(one);
    for (const candidate of candidates) {
      // HMAC verification by Web Crypto compares in constant time.
      if (await globalThis.crypto.subtle.verify('HMAC', key, candidate as Uint8Array<ArrayBuffer>, signed)) return parse(bytes);
    }
  }
  throw invalid('No webhook-signature matches the body with the given secret');
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const value = record[name] ?? Object.entries(record).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : (value as string | undefined);
}

// No `CryptoKey` annotation: that global type is missing where a project compiles without the DOM library.
async function importKey(secret: string) {
  const raw = decodeBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!raw?.length) throw new TypeError('verifyWebhook: the secret is not "whsec_" followed by base64');
  return globalThis.crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

function decodeBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function parse(bytes: Uint8Array): WebhookEvent {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as WebhookEvent;
  } catch (cause) {
    throw invalid('The signed body is not JSON', cause);
  }
}

function invalid(message: string, cause?: unknown): SeatKitError {
  return new SeatKitError({ code: 'invalid_signature', message, cause });
}
