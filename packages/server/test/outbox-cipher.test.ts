import { describe, expect, it } from 'vitest';
import { openBodyForTest, sealEmail } from '../src/mail.js';
import { nodeCrypto } from '../src/node-crypto.js';
import { createOutboxCipher } from '../src/outbox-cipher.js';

// On Node the outbox seals with Node's crypto; in a browser (Storybook) and on other runtimes with Web Crypto. A row
// sealed by either, or before the Node path existed (Web Crypto's deriveKey), must open with the other.
describe('outbox cipher', () => {
  const body = JSON.stringify({ text: 'Join: https://app.test/accept-invitation?token=abc', html: '<p>Zoë 🎉</p>', locale: 'de' });

  it('runs on Node crypto here, and the two engines open each other’s seals', async () => {
    expect(nodeCrypto).toBeDefined();
    const node = await createOutboxCipher('the secret');
    const web = await createOutboxCipher('the secret', 'web');
    expect(node.keyId).toBe(web.keyId);
    expect(await web.open(await node.seal(body))).toBe(body);
    expect(await node.open(await web.seal(body))).toBe(body);
    // A fresh IV per seal.
    expect(await node.seal(body)).not.toBe(await node.seal(body));
  });

  it('opens a seal made by the earlier Web Crypto key (deriveKey to AES-GCM-256)', async () => {
    const subtle = globalThis.crypto.subtle;
    const enc = new TextEncoder();
    const material = await subtle.importKey('raw', enc.encode('the secret'), 'HKDF', false, ['deriveKey']);
    const key = await subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('seatkit-outbox'), info: enc.encode('seatkit outbox body v1') },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const iv = new Uint8Array(12).fill(7);
    const sealed = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, enc.encode(body)));
    const text = Buffer.concat([iv, sealed]).toString('base64url');
    expect(await (await createOutboxCipher('the secret')).open(text)).toBe(body);
    expect(await (await createOutboxCipher('the secret', 'web')).open(text)).toBe(body);
  });

  it('refuses a seal that was altered, cut short or made under another secret, with either engine', async () => {
    for (const engine of ['auto', 'web'] as const) {
      const cipher = await createOutboxCipher('the secret', engine);
      const sealed = await cipher.seal(body);
      const flipped = sealed.slice(0, 30) + (sealed[30] === 'A' ? 'B' : 'A') + sealed.slice(31);
      await expect(cipher.open(flipped), engine).rejects.toThrow();
      await expect(cipher.open(sealed.slice(0, 20)), engine).rejects.toThrow();
      await expect((await createOutboxCipher('another secret', engine)).open(sealed), engine).rejects.toThrow();
    }
  });
});

describe('sealed outbox bodies', () => {
  it('seal only the tokens, and open to the body as queued, even beside text that already reads token=[redacted]', async () => {
    const cipher = await createOutboxCipher('the secret');
    const text = 'Org "token=[redacted]" invites you: https://app.test/accept-invitation?token=AbC_-123 and again token=xyz9.';
    const html = '<p>token=[redacted]</p><a href="https://app.test/accept-invitation?token=AbC_-123">Accept</a>';
    const sealed = await sealEmail(cipher, 'invitation', { to: 'a@example.com', subject: 'Invited', text, html, locale: 'fr' });
    expect(sealed.text).toBe('Org "token=[redacted]" invites you: https://app.test/accept-invitation?token=[redacted] and again token=[redacted].');
    expect(sealed.text + sealed.html).not.toMatch(/AbC_-123|xyz9/);
    // The sealed part is small: the tokens, not the body again.
    expect(sealed.sealed.length).toBeLessThan(200);
    expect(await openBodyForTest(cipher, { text_body: sealed.text, html_body: sealed.html, sealed_body: sealed.sealed })).toEqual({ text, html, locale: 'fr' });
    // A readable copy that no longer matches its seal is refused, not sent with a token in the wrong place.
    await expect(openBodyForTest(cipher, { text_body: `x${sealed.text}`, html_body: sealed.html, sealed_body: sealed.sealed })).rejects.toThrow(/does not match/);
  });

  it('still opens a body sealed whole, as rows queued before', async () => {
    const cipher = await createOutboxCipher('the secret');
    const whole = { text: 'Join: https://app.test/accept-invitation?token=abc', html: null, locale: 'de' };
    const row = { text_body: 'Join: https://app.test/accept-invitation?token=[redacted]', html_body: null, sealed_body: await cipher.seal(JSON.stringify(whole)) };
    expect(await openBodyForTest(cipher, row)).toEqual(whole);
  });
});
