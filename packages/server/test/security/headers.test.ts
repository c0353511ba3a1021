import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, type Database, type SeatKitServer } from '@seatkit/server';
import { exportJWK, generateKeyPair } from 'jose';
import { captureLogger, OWNER } from './support.js';

let database: Database;
let server: SeatKitServer;
let token: string;
let orgId: string;

/** A second server on the same database with other options; closing it leaves the database open. */
const sharedDb = (): Database => ({ ...database, close: async () => {} });

beforeAll(async () => {
  database = await createPGliteDatabase();
  server = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'dev', secret: 'test-secret' }, serverKey: 'sk_test', logger: captureLogger().logger });
  orgId = (await server.seedDemo()).northwind.orgId;
  token = await server.devToken(OWNER);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const get = (path: string, headers: Record<string, string> = {}, s = server) => s.fetch(new Request(`http://seatkit.test${path}`, { headers }));

describe('security headers', () => {
  it('every API answer — success, 401, 404, 400, 413 — is nosniff, no-referrer, not frameable, not cacheable', async () => {
    const answers = [
      await get('/v1/me', { authorization: `Bearer ${token}` }),
      await get('/v1/me'),
      await get('/v1/nothing'),
      await get(`/v1/orgs/${orgId}/members?limit=abc`, { authorization: `Bearer ${token}` }),
      await server.fetch(new Request(`http://seatkit.test/v1/orgs/${orgId}/members`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300_000) })),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 400, 413]);
    for (const res of answers) {
      const label = String(res.status);
      expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), label).toBe('no-referrer');
      expect(res.headers.get('cache-control'), label).toBe('no-store');
      expect(res.headers.get('content-security-policy'), label).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy'), label).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), label).toBeTruthy();
      expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
      expect(res.headers.get('x-powered-by'), label).toBeNull();
    }
  });

  it('the dev HTML pages get a CSP without scripts (inline styles only) and are not cached', async () => {
    const res = await get('/dev/mailbox');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBeUndefined(); // falls back to 'none'
    expect(directives['style-src']).toBe("'unsafe-inline'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['form-action']).toBe("'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await get('/dev/mailbox.json')).headers.get('cache-control')).toBe('no-store');
    const issued = await server.fetch(new Request('http://seatkit.test/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: OWNER }) }));
    expect(issued.headers.get('cache-control')).toBe('no-store');
  });

  it('the OpenAPI document stays cacheable (public, identical for everyone)', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBeNull();
  });
});

describe('CORS', () => {
  const preflight = (s: SeatKitServer, origin: string) =>
    s.fetch(new Request('http://seatkit.test/v1/me', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' } }));

  it('dev defaults: the local app and Storybook origins only; never a wildcard, never credentials', async () => {
    for (const origin of ['http://localhost:5173', 'http://localhost:6006']) {
      const res = await preflight(server, origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/idempotency-key/);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    for (const origin of ['https://evil.example', 'http://localhost:5173.evil.example', 'null', 'http://LOCALHOST:5173', 'http://localhost:5174']) {
      const res = await preflight(server, origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    const actual = await get('/v1/me', { origin: 'https://evil.example', authorization: `Bearer ${token}` });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
    expect(actual.headers.get('vary') ?? '').toMatch(/origin/i);
  });

  it('a configured allowlist replaces the defaults; cors: false leaves CORS to the host; jwt mode allows no origin by default', async () => {
    const custom = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'dev', secret: 'test-secret' }, cors: { origins: ['https://admin.example.com'] }, logger: captureLogger().logger });
    expect((await preflight(custom, 'https://admin.example.com')).headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect((await preflight(custom, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    const off = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'dev', secret: 'test-secret' }, cors: false, logger: captureLogger().logger });
    const offRes = await preflight(off, 'http://localhost:5173');
    expect(offRes.headers.get('access-control-allow-origin')).toBeNull();
    const { publicKey } = await generateKeyPair('ES256');
    const jwt = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'jwt', jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] }, issuer: 'https://auth.host.test', audience: 'seatkit' }, logger: captureLogger().logger });
    expect((await preflight(jwt, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    for (const s of [custom, off, jwt]) {
      for (const origin of ['https://admin.example.com', 'https://evil.example']) expect((await preflight(s, origin)).headers.get('access-control-allow-origin')).not.toBe('*');
      await s.close();
    }
  });
});
