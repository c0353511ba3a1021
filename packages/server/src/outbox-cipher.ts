import { base64url, fromBase64urlBytes } from './util.js';

/**
 * Seals outbox email bodies (AES-256-GCM) under a key derived with HKDF-SHA-256 from the server's secret, so an
 * invitation link's token is never written to the database, not even transiently: an UPDATE leaves the old row
 * version behind (PGlite never vacuums) and the WAL keeps every insert. Web Crypto, so it runs in browsers too.
 */
export interface OutboxCipher {
  /** Names the key (16 hex digits derived from it, not the key): an instance only claims the emails it can open. */
  readonly keyId: string;
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

const encoder = new TextEncoder();
const IV_BYTES = 12;

/**
 * @example
 * const cipher = await createOutboxCipher(serverSecret);
 * const sealed = await cipher.seal('Accept: https://app.example/accept-invitation?token=…');
 */
export async function createOutboxCipher(secret: string): Promise<OutboxCipher> {
  if (!secret) throw new Error('SeatKit: the outbox needs a non-empty secret');
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey', 'deriveBits']);
  const params = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('seatkit-outbox'), info: encoder.encode(info) });
  const key = await subtle.deriveKey(params('seatkit outbox body v1'), material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const idBits = new Uint8Array(await subtle.deriveBits(params('seatkit outbox key id v1'), material, 64));
  const keyId = Array.from(idBits, (b) => b.toString(16).padStart(2, '0')).join('');
  return {
    keyId,
    async seal(plain) {
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(plain)));
      const out = new Uint8Array(IV_BYTES + sealed.length);
      out.set(iv);
      out.set(sealed, IV_BYTES);
      return base64url(out);
    },
    async open(sealed) {
      const bytes = fromBase64urlBytes(sealed);
      const plain = await subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES) }, key, bytes.slice(IV_BYTES));
      return new TextDecoder().decode(plain);
    },
  };
}
