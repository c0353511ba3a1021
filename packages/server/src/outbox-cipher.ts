import { nodeCrypto } from './node-crypto.js';
import { base64url, fillRandom, fromBase64urlBytes, toHex } from './util.js';

/**
 * Seals outbox email bodies (AES-256-GCM) under a key derived with HKDF-SHA-256 from the server's secret, so an
 * invitation link's token is never written to the database, not even transiently: an UPDATE leaves the old row
 * version behind (PGlite never vacuums) and the WAL keeps every insert. Web Crypto, so it runs in browsers too; on
 * Node, Node's crypto module (the same bytes, a fraction of the cost per email).
 */
export interface OutboxCipher {
  /** Names the key (16 hex digits derived from it, not the key): an instance only claims the emails it can open. */
  readonly keyId: string;
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const IV_BYTES = 12;
/** AES-GCM's tag, which Web Crypto appends to the ciphertext (and Node's `getAuthTag` returns apart). */
const TAG_BYTES = 16;

/**
 * @example
 * const cipher = await createOutboxCipher(serverSecret);
 * const sealed = await cipher.seal('Accept: https://app.example/accept-invitation?token=…');
 *
 * `engine`: `'web'` keeps to Web Crypto on Node too (the tests check both engines open each other's seals).
 */
export async function createOutboxCipher(secret: string, engine: 'auto' | 'web' = 'auto'): Promise<OutboxCipher> {
  if (!secret) throw new Error('SeatKit: the outbox needs a non-empty secret');
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits']);
  const params = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('seatkit-outbox'), info: encoder.encode(info) });
  // The same 256 bits `deriveKey` to AES-GCM-256 would give: seals made before this and by either engine open alike.
  const keyBits = new Uint8Array(await subtle.deriveBits(params('seatkit outbox body v1'), material, 256));
  const idBits = new Uint8Array(await subtle.deriveBits(params('seatkit outbox key id v1'), material, 64));
  const keyId = toHex(idBits);
  const node = engine === 'auto' ? nodeCrypto : undefined;
  const key = node ? null : await subtle.importKey('raw', keyBits, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return {
    keyId,
    async seal(plain) {
      const iv = fillRandom(new Uint8Array(IV_BYTES));
      if (node) {
        const cipher = node.createCipheriv('aes-256-gcm', keyBits, iv);
        return base64url(concat([iv, cipher.update(encoder.encode(plain)), cipher.final(), cipher.getAuthTag()]));
      }
      return base64url(concat([iv, new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key!, encoder.encode(plain)))]));
    },
    async open(sealed) {
      const bytes = fromBase64urlBytes(sealed);
      const iv = bytes.subarray(0, IV_BYTES);
      if (node) {
        if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('SeatKit: a sealed outbox body is too short');
        const decipher = node.createDecipheriv('aes-256-gcm', keyBits, iv);
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return decoder.decode(concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]));
      }
      return decoder.decode(await subtle.decrypt({ name: 'AES-GCM', iv }, key!, bytes.subarray(IV_BYTES)));
    },
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
