import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createPGliteDatabase, createSeatKitServer, type Database, type SeatKitServer } from '@seatkit/server';
import { captureLogger, OWNER } from '../security/support.js';

/**
 * A host with its own sessions: the cookie `session=<email>` stands in for a real session store. Whatever the host
 * does, SeatKit only sees what `authenticate` returns.
 */
const ORIGIN = 'https://host.example';
const APP = 'https://app.example';

let database: Database;
let orgId: string;
let server: SeatKitServer;
let calls = 0;
let behaviour: 'cookie' | 'throw' | 'unavailable' | 'bad-email' = 'cookie';
const log = captureLogger();

const sharedDb = (): Database => ({ ...database, close: async () => {} });

beforeAll(async () => {
  database = await createPGliteDatabase();
  const seeder = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'dev', secret: 's' }, logger: captureLogger().logger });
  orgId = (await seeder.seedDemo()).northwind.orgId;
  await seeder.close();
  server = await createSeatKitServer({
    database: sharedDb(),
    appUrl: APP,
    cors: { origins: [APP] },
    logger: log.logger,
    auth: {
      mode: 'custom',
      async authenticate(request) {
        calls++;
        if (behaviour === 'throw') throw new Error('session store down: secret-connection-string');
        if (behaviour === 'unavailable') throw new ApiError('auth_unavailable', 'Sessions are down', undefined, { 'Retry-After': '7' });
        if (behaviour === 'bad-email') return { email: 'not an email' };
        const session = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
        return session ? { email: decodeURIComponent(session), firstName: 'Host', lastName: 'User' } : null;
      },
    },
  });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const cookie = (email: string) => `session=${encodeURIComponent(email)}`;

async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const res = await server.fetch(new Request(`${ORIGIN}${path}`, { method, headers: init.headers, body: init.body }));
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as any) : null };
}

const memberCount = async (email: string) =>
  Number((await database.query<{ n: string }>(`select count(*) as n from members m join users u on u.id = m.user_id where u.email = $1`, [email])).rows[0]!.n);
const auditCount = async () => Number((await database.query<{ n: string }>(`select count(*) as n from audit_events`)).rows[0]!.n);

describe('custom mode: the host says who is calling', () => {
  it('a recognized session signs in; no session is 401 unauthorized', async () => {
    const ok = await call('GET', '/v1/me', { headers: { cookie: cookie(OWNER) } });
    expect(ok.status).toBe(200);
    expect(ok.body.memberships[0].organization.id).toBe(orgId);
    const none = await call('GET', '/v1/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
  });

  it('a bearer dev token is not a second way in', async () => {
    const dev = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'dev', secret: 's' }, logger: captureLogger().logger });
    const token = await dev.devToken(OWNER);
    await dev.close();
    expect((await call('GET', '/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await call('POST', '/dev/token', { headers: { 'x-seatkit-request': '1' }, body: JSON.stringify({ email: OWNER }) })).status).toBe(404);
    await expect(server.devToken(OWNER)).rejects.toThrow('dev');
  });

  it('a throw from authenticate is logged and answered 500 internal without its details', async () => {
    behaviour = 'throw';
    const res = await call('GET', '/v1/me', { headers: { cookie: cookie(OWNER) } });
    behaviour = 'cookie';
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal');
    expect(res.text).not.toContain('secret-connection-string');
    expect(log.lines.some((l) => l.includes('auth.authenticate threw'))).toBe(true);
  });

  it('an ApiError thrown by authenticate is answered as is (503 with the host’s Retry-After)', async () => {
    behaviour = 'unavailable';
    const res = await call('GET', '/v1/me', { headers: { cookie: cookie(OWNER) } });
    behaviour = 'cookie';
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('auth_unavailable');
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('an identity without a valid email is a host bug: 500, logged', async () => {
    behaviour = 'bad-email';
    const res = await call('GET', '/v1/me', { headers: { cookie: cookie(OWNER) } });
    behaviour = 'cookie';
    expect(res.status).toBe(500);
    expect(log.lines.some((l) => l.includes('without a valid `email`'))).toBe(true);
  });

  it('refuses to start without an authenticate function', async () => {
    await expect(createSeatKitServer({ database: sharedDb(), auth: { mode: 'custom' } as never, logger: captureLogger().logger })).rejects.toThrow('auth.authenticate');
  });
});

describe('custom mode: cross-site mutations are refused', () => {
  const addMember = (email: string) => `email=${encodeURIComponent(email)}&firstName=Eve&lastName=Forged&role=admin`;
  const path = () => `/v1/orgs/${orgId}/members`;
  const json = (email: string) => JSON.stringify({ email, firstName: 'Sam', lastName: 'Legit', role: 'member' });

  it('a forged cross-site form post is refused with 403 cross_site_request, before authenticate runs and without writing anything', async () => {
    const before = { members: await memberCount('eve@evil.example'), audit: await auditCount(), calls };
    const res = await call('POST', path(), {
      headers: { cookie: cookie(OWNER), 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: addMember('eve@evil.example'),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site_request');
    expect(res.body.error.message).toContain('https://evil.example');
    expect({ members: await memberCount('eve@evil.example'), audit: await auditCount(), calls }).toEqual(before);
  });

  it('the same forgery with the JSON body a real client would send is refused too', async () => {
    for (const origin of ['https://evil.example', 'null', `${ORIGIN}.evil.example`]) {
      const res = await call('POST', path(), { headers: { cookie: cookie(OWNER), 'content-type': 'application/json', origin }, body: json('eve@evil.example') });
      expect(res.status, origin).toBe(403);
    }
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const res = await call(method, `${path()}/anything`, { headers: { cookie: cookie(OWNER), origin: 'https://evil.example' } });
      expect(res.status, method).toBe(403);
    }
    expect(await memberCount('eve@evil.example')).toBe(0);
  });

  it('no Origin: refused, unless Sec-Fetch-Site says same-origin or the caller sends X-SeatKit-Request', async () => {
    const headers = { cookie: cookie(OWNER), 'content-type': 'application/json' };
    expect((await call('POST', path(), { headers, body: json('nobody@host.example') })).status).toBe(403);
    expect((await call('POST', path(), { headers: { ...headers, 'sec-fetch-site': 'cross-site' }, body: json('nobody@host.example') })).status).toBe(403);
    expect(await memberCount('nobody@host.example')).toBe(0);
    const sameOrigin = await call('POST', path(), { headers: { ...headers, 'sec-fetch-site': 'same-origin' }, body: json('same@host.example') });
    expect(sameOrigin.status).toBe(201);
    const backend = await call('POST', path(), { headers: { ...headers, 'x-seatkit-request': '1' }, body: json('backend@host.example') });
    expect(backend.status).toBe(201);
  });

  it('a legitimate same-origin fetch passes and writes', async () => {
    const res = await call('POST', path(), {
      headers: { cookie: cookie(OWNER), 'content-type': 'application/json', origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
      body: json('sam@host.example'),
    });
    expect(res.status).toBe(201);
    expect(await memberCount('sam@host.example')).toBe(1);
  });

  it('behind a TLS proxy (the request URL is not the public origin) the browser’s Sec-Fetch-Site: same-origin passes', async () => {
    const headers = { cookie: cookie(OWNER), 'content-type': 'application/json', origin: 'https://public.example' };
    expect((await call('POST', path(), { headers, body: json('proxy@host.example') })).status).toBe(403);
    const res = await call('POST', path(), { headers: { ...headers, 'sec-fetch-site': 'same-origin' }, body: json('proxy@host.example') });
    expect(res.status).toBe(201);
  });

    it('an allow-listed app origin passes, and CORS lets it send its cookie', async () => {
    const res = await call('POST', path(), { headers: { cookie: cookie(OWNER), 'content-type': 'application/json', origin: APP }, body: json('app@host.example') });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const preflight = await call('OPTIONS', path(), { headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-seatkit-request' } });
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-seatkit-request');
  });

  it('reads from another site are not blocked (they change nothing; CORS keeps the answer from the page)', async () => {
    const res = await call('GET', '/v1/me', { headers: { cookie: cookie(OWNER), origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bearer modes need no cross-site check', () => {
  it('dev mode does not refuse a foreign Origin with 403 (a browser never attaches a bearer token by itself)', async () => {
    const dev = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'dev', secret: 's' }, logger: captureLogger().logger });
    const res = await dev.fetch(
      new Request(`${ORIGIN}/v1/orgs/${orgId}/members`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json', authorization: `Bearer ${await dev.devToken(OWNER)}` },
        body: JSON.stringify({ email: 'bearer@host.example', firstName: 'B', lastName: 'T', role: 'member' }),
      }),
    );
    expect(res.status).toBe(201);
    await dev.close();
  });
});
