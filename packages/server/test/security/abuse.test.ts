import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { createPGliteDatabase, createSeatKitServer, type Database, type SeatKitServer } from '@seatkit/server';
import { DATA_TABLES } from '../../src/db/migrations.js';
import { constantTimeEqual, sha256Hex } from '../../src/util.js';
import { ADMIN, captureLogger, expectContractError, forEachDatabase, LAKESIDE_OWNER, MEMBER, OWNER, tableCounts, TestMailer, tokenFrom } from './support.js';

/** The harness database under a second server (own options); closing that server leaves the database open. */
const shared = (db: Database, failOn?: RegExp): Database => ({
  kind: db.kind,
  query: (sql, params) => db.query(sql, params),
  exec: (sql) => db.exec(sql),
  transaction: (fn) =>
    db.transaction((tx) =>
      fn({
        exec: (sql) => tx.exec(sql),
        query: (sql, params) => (failOn?.test(sql) ? Promise.reject(new Error('connection reset by peer')) : tx.query(sql, params)),
      }),
    ),
  close: async () => {},
});

/** Every row of every data table as text: what an attacker with a database dump (or a backup) would read. */
async function dumpAll(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const table of DATA_TABLES) {
    const { rows } = await db.query<{ row: string }>(`select row_to_json(t)::text as row from ${table} t`);
    parts.push(...rows.map((r) => `${table}: ${r.row}`));
  }
  return parts.join('\n');
}

forEachDatabase((h) => {
  const invite = (emails: string[], as = OWNER, path = h().nw('/invitations')) =>
    h().call('POST', path, { as, body: { invitations: emails.map((email) => ({ email, role: 'member' })) } });

  describe('invitation rate limits (per organization and per caller, counted in the database)', () => {
    async function limited(limits: { invitationsPerCallerPerHour: number; invitationsPerOrgPerHour: number }) {
      const server = await createSeatKitServer({
        database: shared(h().server.database),
        auth: { mode: 'dev', secret: 'test-secret' },
        logger: captureLogger().logger,
        now: () => new Date(Date.now() + h().clock.offsetMs),
        rateLimits: limits,
        mailer: new TestMailer(),
      });
      const call = async (as: string, method: string, path: string, body?: unknown) => {
        const res = await server.fetch(
          new Request(`http://x${path}`, { method, headers: { authorization: `Bearer ${await server.devToken(as)}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }),
        );
        return { status: res.status, body: (await res.json().catch(() => null)) as any, headers: res.headers };
      };
      return { server, call };
    }

    it('a batch that would cross the limit is refused whole, writes nothing, and says when to retry', async () => {
      const { server, call } = await limited({ invitationsPerCallerPerHour: 5, invitationsPerOrgPerHour: 100 });
      const ok = await call(OWNER, 'POST', h().nw('/invitations'), { invitations: ['a', 'b', 'c'].map((x) => ({ email: `${x}@example.com`, role: 'member' })) });
      expect(ok.status).toBe(200);
      const before = await tableCounts(h().server.database);
      const over = await call(OWNER, 'POST', h().nw('/invitations'), { invitations: ['d', 'e', 'f'].map((x) => ({ email: `${x}@example.com`, role: 'member' })) });
      expect(over.status).toBe(429);
      expect(expectContractError(over)).toBe('rate_limited');
      expect(over.body.error.details).toMatchObject({ limit: 5, remaining: 2 });
      const retryAfter = Number(over.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(await tableCounts(h().server.database)).toEqual(before);
      // Resends and direct adds email new people too: they count against the same budget.
      const two = await call(OWNER, 'POST', h().nw('/members'), { email: 'direct@example.com', firstName: 'D', lastName: 'A', role: 'member' });
      expect(two.status).toBe(201);
      const resend = await call(OWNER, 'POST', h().nw(`/invitations/${ok.body.results[0].invitation.id}/resend`));
      expect(resend.status).toBe(200); // the fifth
      const sixth = await call(OWNER, 'POST', h().nw(`/invitations/${ok.body.results[1].invitation.id}/resend`));
      expect(sixth.body.error.code).toBe('rate_limited');
      // Another caller of the same org still has its own budget.
      expect((await call(ADMIN, 'POST', h().nw('/invitations'), { invitations: [{ email: 'g@example.com', role: 'member' }] })).status).toBe(200);
      await server.close();
    });

    it('the per-caller budget spans organizations; the per-org budget spans callers', async () => {
      const { server, call } = await limited({ invitationsPerCallerPerHour: 3, invitationsPerOrgPerHour: 3 });
      const lakeside = `/v1/orgs/${h().demo.lakeside.orgId}/invitations`;
      expect((await call(ADMIN, 'POST', lakeside, { invitations: [{ email: 'l1@example.com', role: 'member' }, { email: 'l2@example.com', role: 'member' }] })).status).toBe(200);
      expect((await call(ADMIN, 'POST', h().nw('/invitations'), { invitations: [{ email: 'n1@example.com', role: 'member' }] })).status).toBe(200);
      const caller = await call(ADMIN, 'POST', h().nw('/invitations'), { invitations: [{ email: 'n2@example.com', role: 'member' }] });
      expect(caller.body.error.code).toBe('rate_limited');
      expect(caller.body.error.message).toContain('from you');
      // Northwind has 1 of 3 used; the owner sends 2 more (2 of its own 3), then the organization is out.
      expect((await call(OWNER, 'POST', h().nw('/invitations'), { invitations: [1, 2].map((i) => ({ email: `o${i}@example.com`, role: 'member' })) })).status).toBe(200);
      const org = await call(OWNER, 'POST', h().nw('/members'), { email: 'x@example.com', firstName: 'X', lastName: 'Y', role: 'member' });
      expect(org.body.error.code).toBe('rate_limited');
      expect(org.body.error.message).toContain('for this organization');
      // Lakeside's owner is not affected by Northwind's budget.
      expect((await call(LAKESIDE_OWNER, 'POST', lakeside, { invitations: [{ email: 'l3@example.com', role: 'member' }] })).status).toBe(200);
      await server.close();
    });

    it('ships with limits on by default', async () => {
      const server = await createSeatKitServer({ database: shared(h().server.database), auth: { mode: 'dev', secret: 'test-secret' }, logger: captureLogger().logger });
      const token = await server.devToken(OWNER);
      // 1,000 per caller per hour: eleven full batches of 100 cannot all pass.
      const statuses: number[] = [];
      for (let b = 0; b < 11; b++) {
        const res = await server.fetch(
          new Request(`http://x${h().nw('/invitations')}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ invitations: Array.from({ length: 100 }, (_, i) => ({ email: `d${b}-${i}@example.com`, role: 'member' })) }),
          }),
        );
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
      expect(statuses[10]).toBe(429);
      await server.close();
    }, 120_000);
  });

  describe('request size limits', () => {
    it('a body over 256 KiB is 413 payload_too_large, by Content-Length or streamed without one, and the stream is not read to the end', async () => {
      const big = JSON.stringify({ email: 'a@example.com', firstName: 'x'.repeat(300_000), lastName: 'B', role: 'member' });
      const byLength = await h().call('POST', h().nw('/members'), { as: OWNER, rawBody: big });
      expect(byLength.status).toBe(413);
      expect(expectContractError(byLength)).toBe('payload_too_large');

      // Chunked: no Content-Length. 64 chunks of 64 KiB = 4 MiB offered; a limit enforced while reading stops early.
      let pulled = 0;
      const chunk = new TextEncoder().encode('x'.repeat(65_536));
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 64) return controller.close();
          pulled++;
          controller.enqueue(chunk);
        },
      });
      const token = await h().server.devToken(OWNER);
      const res = await h().server.fetch(
        new Request(`http://x${h().nw('/members')}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit),
      );
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).error.code).toBe('payload_too_large');
      expect(pulled, 'chunks read before refusing').toBeLessThan(64);
    });

    it('batches: 100 items at most per bulk call, 50 subscriptions per invitation, and nothing is written when refused', async () => {
      const before = await tableCounts(h().server.database);
      const inv = await invite(Array.from({ length: 101 }, (_, i) => `u${i}@example.com`));
      expect(inv.status).toBe(400);
      expect(inv.body.error.details[0].path).toEqual(['invitations']);
      const seats = await h().call('POST', h().nw(`/subscriptions/${h().demo.northwind.subscriptions.imagingApp}/seats`), { as: OWNER, body: { memberIds: Array.from({ length: 101 }, () => h().demo.northwind.memberMemberId) } });
      expect(seats.status).toBe(400);
      const subs = await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations: [{ email: 's@example.com', role: 'member', subscriptionIds: Array.from({ length: 51 }, (_, i) => `sub_${i}`) }] } });
      expect(subs.body.results[0]).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(await tableCounts(h().server.database)).toEqual(before);
    });
  });

  describe('invitation tokens', () => {
    it('carry at least 128 bits of randomness, are unique, and only their SHA-256 is stored', async () => {
      const emails = Array.from({ length: 60 }, (_, i) => `t${i}@example.com`);
      await invite(emails);
      const tokens = h().mailer.sent.filter((m) => m.to.startsWith('t')).map((m) => tokenFrom(m.text));
      expect(tokens).toHaveLength(60);
      expect(new Set(tokens).size).toBe(60);
      for (const token of tokens) {
        // base64url: 6 bits per character.
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(token.length * 6).toBeGreaterThanOrEqual(128);
      }
      const { rows } = await h().server.database.query<{ email: string; token_hash: string }>(`select email, token_hash from invitations where email like 't%@example.com' order by email`);
      const byEmail = new Map(h().mailer.sent.filter((m) => m.to.startsWith('t')).map((m) => [m.to, tokenFrom(m.text)]));
      for (const row of rows) expect(row.token_hash).toBe(await sha256Hex(byEmail.get(row.email)!));
    });

    it('are single use; a resend retires the old link; a wrong account cannot use it', async () => {
      await invite(['once@example.com']);
      const token = tokenFrom(h().mailer.sent.find((m) => m.to === 'once@example.com')!.text);
      const stranger = await h().call('POST', `/v1/invitations/${token}/accept`, { as: MEMBER });
      expect(stranger.status).toBe(403);
      expect((await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'once@example.com' })).status).toBe(200);
      const again = await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'once@example.com' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('invitation_not_pending');

      await invite(['twice@example.com']);
      const first = tokenFrom(h().mailer.sent.find((m) => m.to === 'twice@example.com')!.text);
      const id = (await h().call('GET', h().nw('/invitations?status=pending'), { as: OWNER })).body.items.find((i: any) => i.email === 'twice@example.com').id;
      expect((await h().call('POST', h().nw(`/invitations/${id}/resend`), { as: OWNER })).status).toBe(200);
      expect((await h().call('GET', `/v1/invitations/${first}`)).status).toBe(404);
      expect((await h().call('POST', `/v1/invitations/${first}/accept`, { as: 'twice@example.com' })).status).toBe(404);
      // A token differing in one character finds nothing (lookup is by hash: no prefix or timing oracle).
      const second = tokenFrom(h().mailer.sent.filter((m) => m.to === 'twice@example.com').at(-1)!.text);
      const flipped = second.slice(0, -1) + (second.endsWith('A') ? 'B' : 'A');
      expect((await h().call('GET', `/v1/invitations/${flipped}`)).status).toBe(404);
      expect((await h().call('GET', `/v1/invitations/${second}`)).status).toBe(200);
    });

    it('secrets are compared in constant time where compared at all (server key); tokens are looked up by hash', () => {
      expect(constantTimeEqual('sk_test', 'sk_test')).toBe(true);
      expect(constantTimeEqual('sk_test', 'sk_tesT')).toBe(false);
      expect(constantTimeEqual('sk_test', 'sk_test_longer')).toBe(false);
      expect(constantTimeEqual('', 'x')).toBe(false);
      expect(constantTimeEqual('é', 'e')).toBe(false);
    });
  });

  describe('tokens and keys that must not get in', () => {
    it('alg "none", another algorithm, a token without an email, a server key as a user token, odd schemes', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ email: OWNER, iat: now, exp: now + 3600 })}.`;
      const noEmail = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode('test-secret'));
      const notAnEmail = await new SignJWT({ email: 'nobody' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode('test-secret'));
      const hs512 = await new SignJWT({ email: OWNER }).setProtectedHeader({ alg: 'HS512' }).setExpirationTime('1h').sign(new TextEncoder().encode('test-secret'.repeat(6)));
      const valid = await h().server.devToken(OWNER);
      for (const authorization of [`Bearer ${none}`, `Bearer ${noEmail}`, `Bearer ${notAnEmail}`, `Bearer ${hs512}`, 'Bearer sk_test', `Basic ${valid}`, `Token ${valid}`, valid, `Bearer ${valid} ${valid}`]) {
        const res = await h().call('GET', '/v1/me', { headers: { authorization } });
        expect(res.status, authorization.slice(0, 60)).toBe(401);
        expect(expectContractError(res)).toBe('unauthorized');
      }
      for (const key of ['sk_tesT', 'sk_tes', 'SK_TEST', '', 'Bearer sk_test', 'sk_test\u00a0']) {
        const res = await h().call('POST', '/v1/products', { headers: { authorization: `Bearer ${key}` }, body: { key: 'p', name: 'P' } });
        expect(res.status, key).toBe(401);
      }
    });
  });

  describe('secrets never appear in logs, responses, audit events or (once sent) the database', () => {
    it('invitation tokens, bearer tokens, the server key and the signing secret', async () => {
      const log = captureLogger();
      const mailer = new TestMailer();
      const SECRET = 'signing-secret-7f3a9c';
      const KEY = 'sk_live_9b1e77d2';
      // Production-like: dev routes off, so sent emails are redacted in the outbox. The wrapper fails one statement of
      // the accept path, so an internal error is logged for a request whose path holds a token.
      let failAccept = false;
      const base = shared(h().server.database);
      const database: Database = {
        ...base,
        transaction: (fn) =>
          base.transaction((tx) =>
            fn({ exec: tx.exec, query: (sql, params) => (failAccept && /update invitations set status = 'accepted'/.test(sql) ? Promise.reject(new Error('connection reset')) : tx.query(sql, params)) }),
          ),
      };
      const server: SeatKitServer = await createSeatKitServer({
        database,
        auth: { mode: 'dev', secret: SECRET },
        devRoutes: false,
        serverKey: KEY,
        logger: log.logger,
        mailer,
        awaitEmails: true,
      });
      const seen: string[] = [];
      const call = async (method: string, path: string, authorization: string | null, body?: unknown) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (authorization) headers.authorization = authorization;
        const res = await server.fetch(new Request(`http://x${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
        const text = await res.text();
        seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
        return { status: res.status, body: text ? JSON.parse(text) : null };
      };
      const owner = `Bearer ${await server.devToken(OWNER)}`;
      const invitee = `Bearer ${await server.devToken('secret.keeper@example.com')}`;
      const lost = `Bearer ${await server.devToken('lost@example.com')}`;
      await call('POST', h().nw('/invitations'), owner, { invitations: [{ email: 'secret.keeper@example.com', role: 'member' }, { email: 'lost@example.com', role: 'member' }] });
      const tokens = mailer.sent.map((m) => tokenFrom(m.text));
      expect(tokens).toHaveLength(2);
      await call('GET', `/v1/invitations/${tokens[0]}`, null);
      await call('POST', `/v1/invitations/${tokens[0]}/accept`, owner);
      await call('POST', `/v1/invitations/${tokens[0]}/accept`, invitee);
      await call('POST', `/v1/invitations/${tokens[0]}/accept`, invitee);
      failAccept = true;
      const failed = await call('POST', `/v1/invitations/${tokens[1]}/accept`, lost);
      expect(failed.status).toBe(500);
      failAccept = false;
      await call('POST', '/v1/products', `Bearer ${KEY}`, { key: 'secret-test', name: 'S' });
      await call('POST', '/v1/products', `Bearer ${KEY}x`, { key: 'secret-test-2', name: 'S' });
      await call('GET', h().nw('/audit-events?limit=200'), owner);

      const secrets = { ...Object.fromEntries(tokens.map((t, i) => [`invitation token ${i}`, t])), 'owner bearer token': owner.slice(7), 'server key': KEY, 'signing secret': SECRET };
      const logs = log.lines.join('\n');
      const responses = seen.join('\n');
      const rows = await dumpAll(h().server.database);
      expect(log.lines.some((l) => l.includes('failed (request'))).toBe(true);
      for (const [what, secret] of Object.entries(secrets)) {
        expect(logs.includes(secret), `${what} in the logs:\n${log.lines.filter((l) => l.includes(secret)).join('\n').slice(0, 500)}`).toBe(false);
        expect(responses.includes(secret), `${what} in a response`).toBe(false);
        expect(rows.includes(secret), `${what} in the database:\n${rows.split('\n').filter((l) => l.includes(secret)).join('\n').slice(0, 500)}`).toBe(false);
      }
      await server.close();
    });
  });
});

describe('body size before authentication', () => {
  it('an oversized body is refused before the token is even looked at (unauthenticated callers cannot make the server buffer it)', async () => {
    const server = await createSeatKitServer({ database: await createPGliteDatabase(), auth: { mode: 'dev', secret: 's' }, logger: captureLogger().logger });
    const res = await server.fetch(new Request('http://x/v1/orgs/o/members', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300_000) }));
    expect(res.status).toBe(413);
    await server.close();
  }, 60_000);
});
