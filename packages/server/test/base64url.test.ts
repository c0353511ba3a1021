import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64url, fromBase64url, fromBase64urlBytes } from '../src/util.js';

// The outbox seals every email body and cursors are base64url JSON: the table-driven codec must agree with Node's.
describe('base64url', () => {
  it('encodes and decodes every length like Buffer does', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const text = base64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(Buffer.from(fromBase64urlBytes(text)).equals(Buffer.from(bytes))).toBe(true);
      // Padded standard base64 reads the same.
      expect(Buffer.from(fromBase64urlBytes(Buffer.from(bytes).toString('base64'))).equals(Buffer.from(bytes))).toBe(true);
    }
    const large = new Uint8Array(randomBytes(100_000));
    expect(base64url(large)).toBe(Buffer.from(large).toString('base64url'));
    expect(fromBase64url(base64url(new TextEncoder().encode('Zoë 🎉')))).toBe('Zoë 🎉');
  });

  it('refuses text that is not base64url', () => {
    for (const bad of ['a', 'abcde', 'ab$c', 'abc\u00e9', 'ab c']) expect(() => fromBase64urlBytes(bad), bad).toThrow();
  });
});
