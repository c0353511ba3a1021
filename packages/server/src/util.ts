/** Web Crypto helpers: the same code runs in Node 20 and in browsers (on Node, through its crypto module: faster). */
import { nodeCrypto } from './node-crypto.js';

const encoder = new TextEncoder();

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGITS = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) DIGITS[ALPHABET.charCodeAt(i)] = i;

/**
 * Base64url without padding, by table (a sealed outbox body is kilobytes: `btoa` over a string built byte by byte,
 * then three replacements, was the largest cost of sending 1,000 invitations).
 */
export function base64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + (i + 1 < n ? ALPHABET[(v >> 6) & 63]! : '');
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes of base64url text (padding and standard base64's `+` and `/` are accepted too); throws on other input. */
export function fromBase64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end % 4 === 1) throw new Error('Invalid base64url text');
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let count = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const digit = code === 43 /* + */ ? 62 : code === 47 /* / */ ? 63 : code < 128 ? DIGITS[code]! : 255;
    if (digit === 255) throw new Error('Invalid base64url text');
    bits = (bits << 6) | digit;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 255;
    }
  }
  return out;
}

export function fromBase64url(text: string): string {
  return new TextDecoder().decode(fromBase64urlBytes(text));
}

/** Fills `bytes` with cryptographically random bytes (Node's crypto on Node, Web Crypto elsewhere) and returns it. */
export function fillRandom<T extends Uint8Array>(bytes: T): T {
  if (nodeCrypto) return nodeCrypto.randomFillSync(bytes);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

export function randomToken(bytes = 32): string {
  return base64url(fillRandom(new Uint8Array(bytes)));
}

/** Lower-case hexadecimal, two digits a byte. */
export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('hex');
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

/** Compares two secrets without leaking where they differ through timing. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export const iso = (value: Date | string | null | undefined): string | null =>
  value == null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

export const isoRequired = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** Opaque keyset cursor: base64url JSON. Tampering is harmless (it only selects rows the caller may see). */
export function encodeCursor(values: unknown[]): string {
  return base64url(encoder.encode(JSON.stringify(values)));
}

export function decodeCursor(cursor: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(fromBase64url(cursor));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
