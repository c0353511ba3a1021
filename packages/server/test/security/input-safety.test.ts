import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/util.js';
import { ADMIN, expectContractError, forEachDatabase, OWNER, tableCounts, tokenFrom } from './support.js';

const XSS = '<img src=x onerror=alert(1)>';

forEachDatabase((h) => {
  const addMember = (body: Record<string, unknown>) =>
    h().call('POST', h().nw('/members'), { as: OWNER, body: { firstName: 'Ann', lastName: 'Lee', role: 'member', email: 'ann@example.com', ...body } });

  describe('NUL characters (Postgres text cannot hold them) are rejected before any SQL, never a 500', () => {
    it('in path ids, query strings, bodies, bulk items and cursors', async () => {
      const { northwind } = h().demo;
      const before = await tableCounts(h().server.database);
      const cases: [string, string, unknown?][] = [
        ['GET', '/v1/orgs/%00/members'],
        ['GET', h().nw('/members/%00')],
        ['PATCH', h().nw('/roles/%00'), { name: 'x' }],
        ['GET', '/v1/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%00'],
        ['GET', h().nw('/members?query=%00')],
        ['GET', h().nw('/access?product=%00')],
        ['GET', h().nw(`/members?cursor=${encodeCursor(['\u0000', 'x'])}`)],
        ['GET', h().nw(`/audit-events?cursor=${encodeCursor(['\u0000'])}`)],
        ['POST', h().nw(`/subscriptions/${northwind.subscriptions.imagingApp}/seats`), { memberIds: ['\u0000'] }],
        ['POST', h().nw('/ownership'), { memberId: 'mem_\u0000' }],
        ['POST', h().nw('/invitations'), { invitations: [{ email: 'a@example.com', role: 'member', subscriptionIds: ['\u0000'] }] }],
        ['POST', h().nw('/members'), { email: 'nul@example.com', firstName: 'A', lastName: 'B', role: 'member', 'x\u0000': 1 }],
      ];
      for (const [method, path, body] of cases) {
        const res = await h().call(method, path, { as: OWNER, ...(body === undefined ? {} : { body }) });
        const label = `${method} ${path} ${JSON.stringify(body ?? '')}`;
        expect(res.status, label).not.toBe(500);
        expect([400, 404], label).toContain(res.status);
        expectContractError(res, label);
      }
      expect(await tableCounts(h().server.database)).toEqual(before);
    });
  });

  describe('user text is stored and returned as text', () => {
    it('markup in names round-trips unchanged and is escaped in HTML emails', async () => {
      const res = await addMember({ firstName: XSS, lastName: '"><script>alert(1)</script>' });
      expect(res.status).toBe(201);
      const got = await h().call('GET', h().nw(`/members/${res.body.id}`), { as: OWNER });
      expect(got.body.firstName).toBe(XSS);
      expect(got.body.lastName).toBe('"><script>alert(1)</script>');
      const mail = h().mailer.sent.find((m) => m.to === 'ann@example.com')!;
      expect(mail.html).toBeDefined();
      expect(mail.html).not.toContain('<img');
      expect(mail.html).not.toContain('<script');
      expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('the dev mailbox page escapes email content', async () => {
      await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations: [{ email: 'x@example.com', role: 'member', firstName: XSS, lastName: 'L' }] } });
      await h().call('PATCH', h().nw(`/members/${h().demo.northwind.ownerMemberId}`), { as: OWNER, body: { firstName: XSS } });
      await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations: [{ email: 'y@example.com', role: 'member' }] } });
      const html = await (await h().server.fetch(new Request('http://x/dev/mailbox'))).text();
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img');
    });

    it('right-to-left and zero-width characters are kept as text (not control characters)', async () => {
      const rtl = 'مريم \u202Egnp.exe\u202C';
      const res = await addMember({ firstName: rtl, lastName: 'ze\u200Bro' });
      expect(res.status).toBe(201);
      expect(res.body.firstName).toBe(rtl);
      expect(res.body.lastName).toBe('ze\u200Bro');
      const search = await h().call('GET', h().nw(`/members?query=${encodeURIComponent('مريم')}`), { as: OWNER });
      expect(search.body.items.map((m: any) => m.id)).toEqual([res.body.id]);
    });

    it('control characters (C0, DEL, CR/LF) in names and emails are validation_failed', async () => {
      for (const bad of ['A\u0007', 'A\nBcc: x@evil.test', 'A\rB', 'A\tB', 'A\u007f']) {
        const res = await addMember({ firstName: bad });
        expect(res.status, JSON.stringify(bad)).toBe(400);
        expect(res.body.error.details[0]).toMatchObject({ path: ['firstName'] });
      }
      const email = await addMember({ email: 'a@example.com\r\nBcc: x@evil.test' });
      expect(email.status).toBe(400);
      expect(email.body.error.details[0].path).toEqual(['email']);
    });

    it('lone surrogates never reach the database as invalid UTF-8', async () => {
      const res = await addMember({ firstName: 'x\uD800y' });
      expect(res.status).not.toBe(500);
      if (res.status === 201) expect(res.body.firstName).toMatch(/^x.y$/u);
    });

    it('very long values: exactly at the limit is fine, one over is validation_failed naming the field', async () => {
      expect((await addMember({ firstName: 'a'.repeat(100) })).status).toBe(201);
      const name = await addMember({ email: 'b@example.com', firstName: 'a'.repeat(101) });
      expect(name.status).toBe(400);
      expect(name.body.error.details[0].path).toEqual(['firstName']);
      const email = await addMember({ email: `${'e'.repeat(243)}@example.com` });
      expect(email.status).toBe(400);
      expect(email.body.error.details[0].path).toEqual(['email']);
      const query = await h().call('GET', h().nw(`/members?query=${'q'.repeat(201)}`), { as: OWNER });
      expect(query.status).toBe(400);
      const role = await h().call('POST', h().nw('/roles'), { as: OWNER, body: { key: 'r'.repeat(41), name: 'R', permissions: [] } });
      expect(role.status).toBe(400);
      const idem = await h().call('POST', h().nw('/roles'), { as: OWNER, headers: { 'idempotency-key': 'k'.repeat(256) }, body: { key: 'ok', name: 'R', permissions: [] } });
      expect(idem.status).toBe(400);
    });

    it('SQL and LIKE metacharacters in search are plain text', async () => {
      await addMember({ firstName: '100%', lastName: 'Under_score' });
      const injection = await h().call('GET', h().nw(`/members?query=${encodeURIComponent("' or 1=1 --")}`), { as: OWNER });
      expect(injection.status).toBe(200);
      expect(injection.body.items).toEqual([]);
      const percent = await h().call('GET', h().nw('/members?query=%25'), { as: OWNER });
      expect(percent.body.items.map((m: any) => m.firstName)).toEqual(['100%']);
      const underscore = await h().call('GET', h().nw('/members?query=_'), { as: OWNER });
      expect(underscore.body.items.map((m: any) => m.lastName)).toEqual(['Under_score']);
    });
  });

  describe('emails: mixed case and surrounding spaces are the same person', () => {
    it('adding, inviting and signing in with variants of one address find one user', async () => {
      const first = await addMember({ email: '  Ann.Lee@Example.COM ' });
      expect(first.status).toBe(201);
      expect(first.body.email).toBe('ann.lee@example.com');
      const again = await addMember({ email: 'ANN.LEE@example.com' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_member');
      const invite = await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: ' ann.lee@EXAMPLE.com', role: 'member' }] } });
      expect(invite.body.results[0]).toMatchObject({ ok: false, error: { code: 'already_member' } });
      const me = await h().call('GET', '/v1/me', { as: 'Ann.Lee@example.com ' });
      expect(me.body.user.email).toBe('ann.lee@example.com');
      expect(me.body.memberships.map((m: any) => m.member.id)).toEqual([first.body.id]);
      const users = await h().server.database.query<{ n: number }>(`select count(*)::int as n from users where lower(email) = 'ann.lee@example.com'`);
      expect(users.rows[0]!.n).toBe(1);
    });

    it('an invitation to a mixed-case address is accepted by the lower-case sign-in', async () => {
      const res = await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'Mixed.Case@Example.com', role: 'member' }] } });
      expect(res.body.results[0].invitation.email).toBe('mixed.case@example.com');
      const token = tokenFrom(h().mailer.sent.find((m) => m.to === 'mixed.case@example.com')!.text);
      const accepted = await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'MIXED.case@example.com' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.member.email).toBe('mixed.case@example.com');
    });
  });
});
