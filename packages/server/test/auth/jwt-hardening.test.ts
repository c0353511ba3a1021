import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createPGliteDatabase, createSeatKitServer, type Database, type SeatKitServer } from '@seatkit/server';
import { captureLogger } from '../security/support.js';

const ISSUER = 'https://auth.host.test';
const AUDIENCE = 'seatkit';

let database: Database;
let privateKey: CryptoKey;
let publicJwk: JWK;
/** A real JWKS endpoint on loopback; `mode` decides how it answers. */
let jwksMode: 'ok' | 'error' | 'hang' = 'ok';
let jwksHttp: Server;
let jwksUrl: string;
const hanging: ServerResponse[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`;
};
const stop = (server: Server) =>
  new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });

beforeAll(async () => {
  database = await createPGliteDatabase();
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'r1', alg: 'RS256', use: 'sig' };
  jwksHttp = createServer((_req, res) => {
    if (jwksMode === 'hang') return void hanging.push(res); // accepts the connection, never answers
    if (jwksMode === 'error') return void res.writeHead(502).end('bad gateway');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  });
  jwksUrl = await listen(jwksHttp);
});
afterAll(async () => {
  await stop(jwksHttp);
  await database?.close();
});

const sharedDb = (): Database => ({ ...database, close: async () => {} });

const jwtServer = (url: string, extra: { jwksTimeoutMs?: number } = {}) =>
  createSeatKitServer({
    database: sharedDb(),
    auth: { mode: 'jwt', jwksUrl: url, issuer: ISSUER, audience: AUDIENCE, ...extra },
    appUrl: 'https://app.host.test',
    logger: captureLogger().logger,
  });

/** A token from the test's identity provider; `exp: false` leaves the expiry out. */
const sign = (claims: Record<string, unknown>, { exp = true }: { exp?: boolean } = {}) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'r1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt();
  return (exp ? jwt.setExpirationTime('5m') : jwt).sign(privateKey);
};

const me = async (server: SeatKitServer, token: string) => {
  const res = await server.fetch(new Request('http://seatkit.test/v1/me', { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

describe('jwt mode: required configuration', () => {
  it('refuses to start without issuer or audience', async () => {
    const base = { mode: 'jwt' as const, jwks: { keys: [publicJwk] } };
    for (const [auth, missing] of [
      [{ ...base, audience: AUDIENCE }, 'auth.issuer'],
      [{ ...base, issuer: ISSUER }, 'auth.audience'],
      [{ ...base, issuer: [], audience: [''] }, 'auth.issuer and auth.audience'],
    ] as const) {
      await expect(createSeatKitServer({ database: sharedDb(), auth: auth as never, logger: captureLogger().logger })).rejects.toThrow(missing);
    }
  });
});

describe('jwt mode: what a token must say', () => {
  let server: SeatKitServer;
  beforeAll(async () => {
    jwksMode = 'ok';
    server = await jwtServer(jwksUrl);
  });
  afterAll(() => server.close());

  it('accepts a token with exp, issuer, audience and a verified (or unstated) email', async () => {
    expect((await me(server, await sign({ email: 'ann@host.test', email_verified: true }))).status).toBe(200);
    const res = await me(server, await sign({ email: 'bo@host.test' }));
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('bo@host.test');
  });

  it('refuses a token without exp, saying so', async () => {
    const res = await me(server, await sign({ email: 'ann@host.test' }, { exp: false }));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthorized' });
    expect(res.body.error.message).toMatch(/no expiry \("exp" claim\)/);
  });

  it('treats email_verified: false (boolean or string) as unauthenticated, saying why', async () => {
    for (const flag of [false, 'false']) {
      const res = await me(server, await sign({ email: 'ann@host.test', email_verified: flag }));
      expect(res.status, String(flag)).toBe(401);
      expect(res.body.error.message).toContain('not verified');
    }
  });

  it('a key the JWKS does not hold is a bad token (401), not an outage', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT({ email: 'ann@host.test' })
      .setProtectedHeader({ alg: 'RS256', kid: 'unknown' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const res = await me(server, token);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('The token signature is not valid');
  });
});

describe('jwt mode: an identity provider that cannot be reached is 503 auth_unavailable, never 401', () => {
  const expectUnavailable = (res: Awaited<ReturnType<typeof me>>) => {
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('auth_unavailable');
    expect(res.headers.get('retry-after')).toBe('5');
  };

  it('nothing listens at the JWKS URL', async () => {
    const gone = createServer();
    const url = await listen(gone);
    await stop(gone);
    const server = await jwtServer(url);
    expectUnavailable(await me(server, await sign({ email: 'ann@host.test' })));
    await server.close();
  });

  it('the JWKS endpoint answers an error', async () => {
    jwksMode = 'error';
    const server = await jwtServer(jwksUrl);
    expectUnavailable(await me(server, await sign({ email: 'ann@host.test' })));
    await server.close();
    jwksMode = 'ok';
  });

  it('the JWKS endpoint hangs: answered within 3 seconds (default timeout)', async () => {
    jwksMode = 'hang';
    const server = await jwtServer(jwksUrl);
    const started = performance.now();
    const res = await me(server, await sign({ email: 'ann@host.test' }));
    const elapsed = performance.now() - started;
    expectUnavailable(res);
    expect(elapsed).toBeLessThan(3000);
    expect(hanging.length).toBeGreaterThan(0); // it really asked, and the endpoint really did not answer
    for (const r of hanging.splice(0)) r.destroy();
    await server.close();
    jwksMode = 'ok';
  });

  it('a malformed token is still 401 while the provider is down (it never reaches the keys)', async () => {
    const gone = createServer();
    const url = await listen(gone);
    await stop(gone);
    const server = await jwtServer(url);
    expect((await me(server, 'not-a-jwt')).status).toBe(401);
    await server.close();
  });
});
