/**
 * Standard Webhooks signatures, Web Crypto only: `v1,` + base64 of HMAC-SHA256 over `id.timestamp.body`, keyed with the
 * bytes of a `whsec_` secret. `verifyWebhook` in `@seatkit/core/webhooks` is the receiving half.
 */

const SECRET_PREFIX = 'whsec_';
const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** A new signing secret: `whsec_` + base64 of 32 random bytes (the specification asks for 24 to 64). */
export function createWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * The `webhook-signature` header: one `v1,…` per secret, space-separated (two while a rotated secret still signs).
 *
 * @example
 * await signWebhook(['whsec_…'], 'evt_1', 1614265330, '{"type":"member.added",…}'); // 'v1,g0hM9…='
 */
export async function signWebhook(secrets: readonly string[], id: string, timestampSec: number, body: string): Promise<string> {
  const data = encoder.encode(`${id}.${timestampSec}.${body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const raw = Uint8Array.from(atob(secret.slice(SECRET_PREFIX.length)), (c) => c.charCodeAt(0));
      const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return `v1,${toBase64(new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, data)))}`;
    }),
  );
  return signatures.join(' ');
}
