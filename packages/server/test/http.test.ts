import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { routes } from '@seatkit/core/contract';
import { createSeatKitServer, silentLogger, type Database } from '@seatkit/server';
import { startNodeServer } from '@seatkit/server/node';
import { ADMIN, forEachDatabase, MEMBER, OWNER } from './helpers.js';

/** The harness database under a second server; closing that server leaves the database open. */
const shared = (db: Database, failOn?: RegExp): Database => ({
  kind: db.kind,
  query: (sql, params) => (failOn?.test(sql) ? Promise.reject(new Error('relation "secret_internal_table" does not exist')) : db.query(sql, params)),
  exec: (sql) => db.exec(sql),
  transaction: (fn) => db.transaction(fn),
  close: async () => {},
});

forEachDatabase((h) => {
  describe('request validation: 400 validation_failed, never 500', () => {
    const post = (path: string, rawBody: string) => h().call('POST', h().nw(path), { as: OWNER, rawBody });

    it('malformed JSON', async () => {
      const res = await post('/members', '{"email": ');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ code: 'invalid_json' }] });
    });

    it('a body that is not an object', async () => {
      for (const raw of ['[]', '"text"', '42', 'null']) {
        const res = await post('/members', raw);
        expect(res.status, raw).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
      }
    });

    it('an empty body lists the required fields', async () => {
      const res = await post('/members', '');
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((i: any) => i.path[0]).sort()).toEqual(['email', 'firstName', 'lastName', 'role']);
    });

    it('unknown fields', async () => {
      const res = await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'a@example.com', firstName: 'A', lastName: 'B', role: 'member', isAdmin: true } });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: ['isAdmin'], message: 'Unknown field', code: 'unrecognized_keys' }]);
      const query = await h().call('GET', h().nw('/members?sort=evil'), { as: OWNER });
      expect(query.status).toBe(400);
      const del = await h().call('DELETE', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { force: true } });
      expect(del.status).toBe(400);
    });

    it('bad emails and names', async () => {
      for (const email of ['plainaddress', 'a@', '@example.com', 'a b@example.com', `${'x'.repeat(250)}@example.com`, 42]) {
        const res = await h().call('POST', h().nw('/members'), { as: OWNER, body: { email, firstName: 'A', lastName: 'B', role: 'member' } });
        expect(res.status, String(email)).toBe(400);
        expect(res.body.error.details[0].path).toEqual(['email']);
      }
      const control = await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'a@example.com', firstName: 'A\u0007', lastName: '  ', role: 'member' } });
      expect(control.status).toBe(400);
      expect(control.body.error.details.map((i: any) => i.path[0]).sort()).toEqual(['firstName', 'lastName']);
    });

    it('oversized batches (101 items) for invitations and seats', async () => {
      const invitations = Array.from({ length: 101 }, (_, i) => ({ email: `u${i}@example.com`, role: 'member' }));
      const inv = await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations } });
      expect(inv.status).toBe(400);
      expect(inv.body.error.details[0].path).toEqual(['invitations']);
      const seats = await h().call('POST', h().nw(`/subscriptions/${h().demo.northwind.subscriptions.imagingApp}/seats`), {
        as: OWNER,
        body: { memberIds: Array.from({ length: 101 }, (_, i) => `mem_${i}`) },
      });
      expect(seats.status).toBe(400);
      const empty = await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations: [] } });
      expect(empty.status).toBe(400);
      const hundred = await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations: invitations.slice(0, 100) } });
      expect(hundred.status).toBe(200);
      expect(hundred.body.results.filter((r: any) => r.ok)).toHaveLength(100);
    });

    it('wrong types, a huge body and odd ids', async () => {
      const wrong = await h().call('PATCH', h().nw(`/subscriptions/${h().demo.northwind.subscriptions.imagingApp}`), { serverKey: true, body: { seatLimit: '5' } });
      expect(wrong.status).toBe(400);
      const huge = await post('/members', JSON.stringify({ email: 'a@example.com', firstName: 'x'.repeat(300_000), lastName: 'B', role: 'member' }));
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('payload_too_large');
      const odd = await h().call('GET', h().nw(`/members/${encodeURIComponent("' or 1=1 --")}`), { as: OWNER });
      expect(odd.status).toBe(404);
      const long = await h().call('GET', h().nw(`/members/${'m'.repeat(500)}`), { as: OWNER });
      expect(long.status).toBe(404);
    });
  });

  describe('errors', () => {
    it('an unknown route is a JSON 404 with a request id', async () => {
      const res = await h().call('GET', '/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('every response carries x-request-id', async () => {
      const ok = await h().call('GET', '/v1/me', { as: OWNER });
      expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('an unexpected failure is a 500 internal that leaks nothing', async () => {
      const server = await createSeatKitServer({
        database: shared(h().server.database, /from products/),
        auth: { mode: 'dev', secret: 'test-secret' },
        logger: silentLogger,
      });
      const token = await server.devToken(OWNER);
      const res = await server.fetch(new Request(`http://x${h().nw('/access?product=imaging-app')}`, { headers: { authorization: `Bearer ${token}` } }));
      const body = await res.json();
      expect(res.status).toBe(500);
      expect(body.error.code).toBe('internal');
      expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
      expect(JSON.stringify(body)).not.toContain('secret_internal_table');
      await server.close();
    });
  });

  describe('Idempotency-Key', () => {
    const add = (key: string, email = 'idem@example.com', as = OWNER) =>
      h().call('POST', h().nw('/members'), { as, headers: { 'idempotency-key': key }, body: { email, firstName: 'I', lastName: 'D', role: 'member' } });

    it('a retried key returns the first result, changes nothing and sends no second email', async () => {
      const first = await add('key-1');
      expect(first.status).toBe(201);
      const auditBefore = (await h().call('GET', h().nw('/audit-events'), { as: OWNER })).body.items.length;
      const retry = await add('key-1');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(h().mailer.sent.filter((m) => m.to === 'idem@example.com')).toHaveLength(1);
      const list = await h().call('GET', h().nw('/members?query=idem'), { as: OWNER });
      expect(list.body.items).toHaveLength(1);
      expect((await h().call('GET', h().nw('/audit-events'), { as: OWNER })).body.items).toHaveLength(auditBefore);
    });

    it('the same key with a different request is idempotency_conflict', async () => {
      await add('key-2');
      const other = await add('key-2', 'other@example.com');
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('idempotency_conflict');
    });

    it('keys are per caller', async () => {
      await add('key-3', 'a@example.com', OWNER);
      const byAdmin = await add('key-3', 'b@example.com', ADMIN);
      expect(byAdmin.status).toBe(201);
    });

    it('a retried DELETE answers like the first time', async () => {
      const path = h().nw(`/members/${h().demo.northwind.memberMemberId}`);
      const first = await h().call('DELETE', path, { as: OWNER, headers: { 'idempotency-key': 'del-1' } });
      const retry = await h().call('DELETE', path, { as: OWNER, headers: { 'idempotency-key': 'del-1' } });
      expect([first.status, retry.status]).toEqual([204, 204]);
      expect(h().mailer.sent.filter((m) => m.to === MEMBER)).toHaveLength(1);
    });

    it('concurrent requests with one key create one member', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, () => add('key-race', 'race@example.com')));
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(h().mailer.sent.filter((m) => m.to === 'race@example.com')).toHaveLength(1);
    });

    it('a key expires after 24 hours', async () => {
      await add('key-old');
      h().clock.offsetMs = 25 * 3600_000;
      const reused = await add('key-old', 'fresh@example.com');
      expect(reused.status).toBe(201);
      expect(reused.body.email).toBe('fresh@example.com');
    });

    it('a failed request does not burn its key', async () => {
      const bad = await h().call('POST', h().nw('/members'), { as: OWNER, headers: { 'idempotency-key': 'key-4' }, body: { email: MEMBER, firstName: 'M', lastName: 'M', role: 'member' } });
      expect(bad.body.error.code).toBe('already_member');
      const good = await h().call('POST', h().nw('/members'), { as: OWNER, headers: { 'idempotency-key': 'key-4' }, body: { email: MEMBER, firstName: 'M', lastName: 'M', role: 'member' } });
      expect(good.body.error.code).toBe('already_member');
    });
  });

  describe('roles', () => {
    it('creates a custom role, gives it out, and refuses to delete it while in use', async () => {
      const created = await h().call('POST', h().nw('/roles'), { as: ADMIN, body: { key: 'billing', name: 'Billing', permissions: ['seats:read', 'seats:assign', 'members:read'] } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ key: 'billing', name: 'Billing', permissions: ['members:read', 'seats:read', 'seats:assign'], builtIn: false });
      const dup = await h().call('POST', h().nw('/roles'), { as: ADMIN, body: { key: 'billing', name: 'Again', permissions: [] } });
      expect(dup.body.error.code).toBe('validation_failed');
      const given = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: ADMIN, body: { role: 'billing' } });
      expect(given.body.permissions).toEqual(['members:read', 'seats:read', 'seats:assign']);
      const assign = await h().call('POST', h().nw(`/subscriptions/${h().demo.northwind.subscriptions.imagingCloud}/seats`), { as: MEMBER, body: { memberIds: [h().demo.northwind.memberMemberId] } });
      expect(assign.body.results[0].ok).toBe(true);
      const inUse = await h().call('DELETE', h().nw('/roles/billing'), { as: ADMIN });
      expect(inUse.status).toBe(400);
      expect(inUse.body.error.details[0].code).toBe('role_in_use');
      const updated = await h().call('PATCH', h().nw('/roles/billing'), { as: ADMIN, body: { permissions: ['members:read'] } });
      expect(updated.body.permissions).toEqual(['members:read']);
      const after = await h().call('GET', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: ADMIN });
      expect(after.body.permissions).toEqual(['members:read']);
      await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: ADMIN, body: { role: 'member' } });
      expect((await h().call('DELETE', h().nw('/roles/billing'), { as: ADMIN })).status).toBe(204);
      const list = await h().call('GET', h().nw('/roles'), { as: MEMBER });
      expect(list.body.items.map((r: any) => r.key)).toEqual(['owner', 'admin', 'member']);
    });

    it('built-in roles cannot be changed; members cannot manage roles', async () => {
      expect((await h().call('PATCH', h().nw('/roles/admin'), { as: OWNER, body: { name: 'Boss' } })).status).toBe(400);
      expect((await h().call('DELETE', h().nw('/roles/member'), { as: OWNER })).status).toBe(400);
      expect((await h().call('DELETE', h().nw('/roles/ghost'), { as: OWNER })).status).toBe(404);
      const denied = await h().call('POST', h().nw('/roles'), { as: MEMBER, body: { key: 'x', name: 'X', permissions: [] } });
      expect(denied.body.error.details).toEqual({ permission: 'roles:manage' });
    });
  });

  describe('audit and outbox', () => {
    it('records every mutation with its actor, newest first, without secrets', async () => {
      await h().call('POST', h().nw('/members'), { as: ADMIN, body: { email: 'a@example.com', firstName: 'A', lastName: 'B', role: 'member' } });
      await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'c@example.com', role: 'member' }] } });
      const res = await h().call('GET', h().nw('/audit-events?limit=1'), { as: OWNER });
      expect(res.body.items[0]).toMatchObject({ action: 'invitation.created', actorEmail: ADMIN, actorMemberId: h().demo.northwind.adminMemberId });
      const next = await h().call('GET', h().nw(`/audit-events?cursor=${res.body.nextCursor}`), { as: OWNER });
      expect(next.body.items[0]).toMatchObject({ action: 'member.added', data: { email: 'a@example.com' } });
      const denied = await h().call('GET', h().nw('/audit-events'), { as: MEMBER });
      expect(denied.body.error.details).toEqual({ permission: 'audit:read' });
    });

    it('an email the mailer fails to send stays queued and goes out on the next dispatch', async () => {
      h().mailer.failing = true;
      const res = await h().call('POST', h().nw('/members'), { as: ADMIN, body: { email: 'late@example.com', firstName: 'L', lastName: 'T', role: 'member' } });
      expect(res.status).toBe(201);
      expect(h().mailer.sent).toHaveLength(0);
      const state = async () =>
        (await h().server.database.query<{ status: string; attempts: number }>(`select status, attempts from outbox_emails where to_email = 'late@example.com'`)).rows[0];
      expect(await state()).toEqual({ status: 'failed', attempts: 1 });
      h().mailer.failing = false;
      expect(await h().server.dispatchEmails()).toEqual({ sent: 1, failed: 0 });
      expect(await state()).toEqual({ status: 'sent', attempts: 2 });
      expect(h().mailer.sent.map((m) => m.to)).toEqual(['late@example.com']);
    });
  });

  describe('dev routes, CORS, OpenAPI', () => {
    it('serves the mailbox, tokens and users in dev mode', async () => {
      const users = await h().call('GET', '/dev/users');
      expect(users.body.find((u: any) => u.email === ADMIN).memberships.map((m: any) => m.orgName)).toEqual(['Lakeside Clinic', 'Northwind Dental']);
      const token = await h().call('POST', '/dev/token', { body: { email: MEMBER } });
      expect((await h().call('GET', '/v1/me', { token: token.body.token })).body.user.email).toBe(MEMBER);
      expect((await h().call('POST', '/dev/token', { body: { email: 'nope' } })).status).toBe(400);
      const mails = await h().call('GET', '/dev/mailbox.json');
      expect(mails.body.items[0]).toMatchObject({ to: 'new.hire@northwind.test', subject: 'You are invited to join Northwind Dental' });
      const html = await h().server.fetch(new Request('http://x/dev/mailbox'));
      expect(await html.text()).toMatch(/<a href="http:\/\/app\.test\/accept-invitation\?token=[A-Za-z0-9_-]+">/);
    });

    it('pages the dev mailbox, newest first, with limit and cursor', async () => {
      const emails = ['p1@example.com', 'p2@example.com', 'p3@example.com'];
      for (const email of emails) {
        expect((await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email, role: 'member' }] } })).status).toBe(200);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: any = await h().call('GET', `/dev/mailbox.json?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((m: any) => m.to));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      // The seed's invitation and the three new ones, each once, newest first.
      expect(seen).toEqual([...emails].reverse().concat('new.hire@northwind.test'));
      expect(pages).toBe(2);
      expect((await h().call('GET', '/dev/mailbox.json?limit=0')).body.error.code).toBe('validation_failed');
      expect((await h().call('GET', '/dev/mailbox.json?cursor=abc')).body.error.code).toBe('validation_failed');
    });

    it('answers CORS only for allow-listed origins, never with a wildcard', async () => {
      const preflight = (origin: string) =>
        h().server.fetch(new Request('http://x/v1/me', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } }));
      const ok = await preflight('http://localhost:6006');
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
      const evil = await preflight('https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('publishes /openapi.json generated from the route table', async () => {
      const res = await h().call('GET', '/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      const operations = Object.values(res.body.paths).flatMap((p: any) => Object.values(p).map((o: any) => o.operationId));
      expect(operations.sort()).toEqual(Object.keys(routes).sort());
      expect(res.body.paths['/v1/orgs/{orgId}/members'].post.requestBody.content['application/json'].schema.required).toContain('email');
    });
  });

  it('serves over real HTTP with startNodeServer (port 0 picks a free port)', async () => {
    const server = await createSeatKitServer({ database: shared(h().server.database), auth: { mode: 'dev', secret: 'test-secret' }, logger: silentLogger });
    const { url, close } = await startNodeServer(server, { port: 0 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${await server.devToken(OWNER)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    await close();
  });

  it('limits invitations per caller and per organization with 429 rate_limited and Retry-After', async () => {
    const server = await createSeatKitServer({
      database: shared(h().server.database),
      auth: { mode: 'dev', secret: 'test-secret' },
      logger: silentLogger,
      now: () => new Date(Date.now() + h().clock.offsetMs),
      rateLimits: { invitationsPerCallerPerHour: 3, invitationsPerOrgPerHour: 4 },
    });
    const invite = async (as: string, emails: string[]) => {
      const res = await server.fetch(
        new Request(`http://x${h().nw('/invitations')}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await server.devToken(as)}`, 'content-type': 'application/json' },
          body: JSON.stringify({ invitations: emails.map((email) => ({ email, role: 'member' })) }),
        }),
      );
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
    };
    expect((await invite(ADMIN, ['a@example.com', 'b@example.com'])).status).toBe(200);
    const over = await invite(ADMIN, ['c@example.com', 'd@example.com']);
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({ code: 'rate_limited', details: { limit: 3, remaining: 1 } });
    expect(Number(over.retryAfter)).toBeGreaterThan(3500);
    expect((await invite(ADMIN, ['c@example.com'])).status).toBe(200);
    // The seed's invitation is not in the audit trail, so the org has 3 of 4 used; the owner gets one more.
    expect((await invite(OWNER, ['e@example.com'])).status).toBe(200);
    expect((await invite(OWNER, ['f@example.com'])).body.error.code).toBe('rate_limited');
    h().clock.offsetMs = 61 * 60_000;
    expect((await invite(OWNER, ['f@example.com'])).status).toBe(200);
    await server.close();
  });

  it('sends security headers', async () => {
    const res = await h().call('GET', '/v1/me', { as: OWNER });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cross-origin-resource-policy')).toBeNull();
  });

  describe('jwt auth', () => {
    it('verifies host tokens against a JWKS with issuer and audience; dev routes are off', async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
      const server = await createSeatKitServer({
        database: shared(h().server.database),
        auth: { mode: 'jwt', jwks: { keys: [jwk] }, issuer: 'https://auth.host.test', audience: 'seatkit', emailClaim: 'https://host.test/email' },
        logger: silentLogger,
      });
      const sign = (claims: Record<string, unknown>, iss = 'https://auth.host.test') =>
        new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(iss).setAudience('seatkit').setExpirationTime('5m').sign(privateKey);
      const me = (token: string) => server.fetch(new Request('http://x/v1/me', { headers: { authorization: `Bearer ${token}` } }));
      const good = await me(await sign({ 'https://host.test/email': 'Owner@Northwind.test' }));
      expect(good.status).toBe(200);
      expect((await good.json()).memberships[0].organization.name).toBe('Northwind Dental');
      expect((await me(await sign({ 'https://host.test/email': OWNER }, 'https://other.test'))).status).toBe(401);
      expect((await me(await sign({ email: OWNER }))).status).toBe(401);
      const devToken = await h().server.devToken(OWNER);
      expect((await me(devToken)).status).toBe(401);
      expect((await server.fetch(new Request('http://x/dev/mailbox.json'))).status).toBe(404);
      await server.close();
    });

    it('fetches the keys from jwksUrl', async () => {
      const { createServer } = await import('node:http');
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'r1', alg: 'RS256', use: 'sig' }] };
      const http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)));
      await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
      const port = (http.address() as { port: number }).port;
      const server = await createSeatKitServer({
        database: shared(h().server.database),
        auth: { mode: 'jwt', jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`, issuer: 'https://auth.host.test', audience: 'seatkit' },
        logger: silentLogger,
      });
      const token = await new SignJWT({ email: ADMIN }).setProtectedHeader({ alg: 'RS256', kid: 'r1' }).setIssuer('https://auth.host.test').setAudience('seatkit').setExpirationTime('5m').sign(privateKey);
      const res = await server.fetch(new Request('http://x/v1/me', { headers: { authorization: `Bearer ${token}` } }));
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).user.email).toBe(ADMIN);
      await server.close();
      await new Promise((done) => http.close(done));
    });

    it('a dev token past its expiry is unauthorized', async () => {
      const token = await h().server.devToken(OWNER);
      h().clock.offsetMs = 40 * 24 * 3600 * 1000;
      const res = await h().call('GET', '/v1/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toContain('expired');
    });
  });
});
