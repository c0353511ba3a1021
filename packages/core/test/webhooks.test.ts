import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { isSeatKitError, verifyWebhook } from '@seatkit/core/webhooks';

// The Standard Webhooks reference vector (the same in every reference implementation's tests).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT = new Date(Number(VECTOR.timestamp) * 1000);
const headers = (over: Record<string, string> = {}) => ({
  'webhook-id': VECTOR.id,
  'webhook-timestamp': VECTOR.timestamp,
  'webhook-signature': VECTOR.signature,
  ...over,
});

/** Signs as a sender would, with Node's own HMAC (an independent implementation of the same scheme). */
function sign(secret: string, id: string, timestamp: string, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isSeatKitError(error, 'invalid_signature'), String(error)).toBe(true);
  return error as Error;
}

describe('verifyWebhook', () => {
  it('accepts the reference vector and returns the parsed body', async () => {
    await expect(verifyWebhook(VECTOR.body, headers(), VECTOR.secret, { now: AT })).resolves.toEqual({ test: 2432232314 });
  });

  it('accepts the secret without its whsec_ prefix, a Uint8Array body and Fetch Headers', async () => {
    const body = new TextEncoder().encode(VECTOR.body);
    await expect(verifyWebhook(body, new Headers(headers()), VECTOR.secret.slice('whsec_'.length), { now: AT })).resolves.toEqual({ test: 2432232314 });
  });

  it('agrees with an independent HMAC on the vector', () => {
    expect(sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('refuses a tampered body, id or timestamp', async () => {
    await refusal(verifyWebhook('{"test": 2432232315}', headers(), VECTOR.secret, { now: AT }));
    await refusal(verifyWebhook(VECTOR.body, headers({ 'webhook-id': 'msg_other' }), VECTOR.secret, { now: AT }));
    await refusal(verifyWebhook(VECTOR.body, headers({ 'webhook-timestamp': String(Number(VECTOR.timestamp) + 1) }), VECTOR.secret, { now: AT }));
  });

  it('refuses a timestamp outside the tolerance, either way, and honours toleranceSec', async () => {
    const late = new Date(AT.getTime() + 301_000);
    const early = new Date(AT.getTime() - 301_000);
    expect((await refusal(verifyWebhook(VECTOR.body, headers(), VECTOR.secret, { now: late }))).message).toMatch(/300 s/);
    await refusal(verifyWebhook(VECTOR.body, headers(), VECTOR.secret, { now: early }));
    await expect(verifyWebhook(VECTOR.body, headers(), VECTOR.secret, { now: new Date(AT.getTime() + 300_000) })).resolves.toBeTruthy();
    await expect(verifyWebhook(VECTOR.body, headers(), VECTOR.secret, { now: late, toleranceSec: 600 })).resolves.toBeTruthy();
    await refusal(verifyWebhook(VECTOR.body, headers({ 'webhook-timestamp': 'yesterday' }), VECTOR.secret, { now: AT }));
  });

  it('refuses missing headers and a wrong secret', async () => {
    await refusal(verifyWebhook(VECTOR.body, { 'webhook-id': VECTOR.id, 'webhook-timestamp': VECTOR.timestamp }, VECTOR.secret, { now: AT }));
    await refusal(verifyWebhook(VECTOR.body, headers(), 'whsec_' + Buffer.from('another secret of 24 bytes').toString('base64'), { now: AT }));
  });

  it('accepts when any of several space-separated signatures matches, ignoring other versions and garbage', async () => {
    const many = `v1,bm9wZQ== v2,whatever v1,%%% ${VECTOR.signature}`;
    await expect(verifyWebhook(VECTOR.body, headers({ 'webhook-signature': many }), VECTOR.secret, { now: AT })).resolves.toBeTruthy();
    await refusal(verifyWebhook(VECTOR.body, headers({ 'webhook-signature': 'v1,bm9wZQ== v2,whatever' }), VECTOR.secret, { now: AT }));
    // A v2 label on the right digest is not a v1 signature.
    await refusal(verifyWebhook(VECTOR.body, headers({ 'webhook-signature': VECTOR.signature.replace('v1,', 'v2,') }), VECTOR.secret, { now: AT }));
  });

  it('verifies across a secret rotation: old and new secrets, signed by either or both', async () => {
    const oldSecret = VECTOR.secret;
    const newSecret = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const body = JSON.stringify({ type: 'seat.assigned', timestamp: AT.toISOString(), orgId: 'org_1', data: { object: 'member', id: 'mem_1' } });
    const byNew = sign(newSecret, 'evt_1', VECTOR.timestamp, body);
    const byOld = sign(oldSecret, 'evt_1', VECTOR.timestamp, body);
    const h = (signature: string) => ({ 'webhook-id': 'evt_1', 'webhook-timestamp': VECTOR.timestamp, 'webhook-signature': signature });
    // The server signs with both during the 24 h overlap: a receiver holding either secret verifies.
    await expect(verifyWebhook(body, h(`${byNew} ${byOld}`), oldSecret, { now: AT })).resolves.toMatchObject({ type: 'seat.assigned', orgId: 'org_1' });
    await expect(verifyWebhook(body, h(`${byNew} ${byOld}`), newSecret, { now: AT })).resolves.toMatchObject({ type: 'seat.assigned' });
    // After the overlap only the new secret signs: a receiver given both secrets still verifies.
    await expect(verifyWebhook(body, h(byNew), [oldSecret, newSecret], { now: AT })).resolves.toMatchObject({ data: { id: 'mem_1' } });
    await refusal(verifyWebhook(body, h(byNew), oldSecret, { now: AT }));
  });

  it('refuses a signed body that is not JSON with the same code', async () => {
    const signature = sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, 'not json');
    expect((await refusal(verifyWebhook('not json', headers({ 'webhook-signature': signature }), VECTOR.secret, { now: AT }))).message).toMatch(/not JSON/);
  });
});

describe('@seatkit/core/webhooks as an edge runtime bundles it', () => {
  it('holds no Node module, no zod and no contract schema, within 3 kB gzip', async () => {
    const result = await build({
      stdin: { contents: "export { verifyWebhook, isSeatKitError } from './src/webhooks.ts';", resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
      bundle: true,
      minify: true,
      treeShaking: true,
      format: 'esm',
      // Neutral: a `node:` import (or any builtin) fails the build instead of being left for Node to resolve.
      platform: 'neutral',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    expect(inputs.filter((path) => /node_modules\/|src\/contract\/(schemas|routes|errors)\.ts/.test(path))).toEqual([]);
    expect(gzipSync(result.outputFiles[0]!.contents).length).toBeLessThanOrEqual(3_000);
  });
});
