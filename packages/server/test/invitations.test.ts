import { describe, expect, it } from 'vitest';
import { ADMIN, forEachDatabase, MEMBER, OWNER, tokenFrom } from './helpers.js';

const DAY = 24 * 3600 * 1000;

forEachDatabase((h) => {
  const invite = (items: unknown[], as = ADMIN) => h().call('POST', h().nw('/invitations'), { as, body: { invitations: items } });
  const lastToken = () => tokenFrom(h().mailer.sent.at(-1)!.text);

  describe('create', () => {
    it('answers one result per item, in order; one bad item does not sink the others', async () => {
      const res = await invite([
        { email: 'ann@example.com', role: 'member' },
        { email: 'not-an-email', role: 'member' },
        { email: MEMBER, role: 'member' },
        { email: 'bob@example.com', role: 'wizard' },
        { email: 'cy@example.com', role: 'admin', firstName: 'Cy', lastName: 'Young' },
      ]);
      expect(res.status).toBe(200);
      const r = res.body.results;
      expect(r.map((x: any) => [x.email, x.ok, x.error?.code])).toEqual([
        ['ann@example.com', true, undefined],
        ['not-an-email', false, 'validation_failed'],
        [MEMBER, false, 'already_member'],
        ['bob@example.com', false, 'validation_failed'],
        ['cy@example.com', true, undefined],
      ]);
      expect(r[1].error.details[0].path).toEqual(['email']);
      expect(r[4].invitation).toMatchObject({ status: 'pending', role: 'admin', firstName: 'Cy', invitedBy: h().demo.northwind.adminMemberId });
      expect(h().mailer.sent.map((m) => m.to)).toEqual(['ann@example.com', 'cy@example.com']);
    });

    it("a batch's emails each name their own role and carry their own link, in the text and the HTML", async () => {
      const res = await invite([
        { email: 'ann@example.com', role: 'member' },
        { email: 'cy@example.com', role: 'admin' },
        { email: 'dee@example.com', role: 'member' },
      ]);
      expect(res.body.results.every((r: any) => r.ok)).toBe(true);
      const mails = h().mailer.sent;
      expect(mails.map((m) => m.to)).toEqual(['ann@example.com', 'cy@example.com', 'dee@example.com']);
      const tokens = mails.map((m) => tokenFrom(m.text));
      expect(new Set(tokens).size).toBe(3);
      expect(mails.map((m) => tokenFrom(m.html!))).toEqual(tokens);
      const roles = mails.map((m) => / as ([^.]+)\./.exec(m.text)?.[1]);
      expect(roles[0]).toBe(roles[2]);
      expect(roles[1]).not.toBe(roles[0]);
      expect(roles[1]).toMatch(/admin/i);
      // Each link opens its own invitation.
      for (const [i, token] of tokens.entries()) {
        const preview = await h().call('GET', `/v1/invitations/${token}`);
        expect(preview.body.email).toBe(mails[i]!.to);
      }
    });

    it('expires in 7 days and mails the accept link; the token is stored only as a hash and never returned', async () => {
      const res = await invite([{ email: 'ann@example.com', role: 'member' }]);
      const invitation = res.body.results[0].invitation;
      const days = (new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()) / DAY;
      expect(days).toBeCloseTo(7, 5);
      const mail = h().mailer.sent.at(-1)!;
      expect(mail.text).toContain('http://app.test/accept-invitation?token=');
      const token = tokenFrom(mail.text);
      expect(token.length).toBeGreaterThanOrEqual(43); // 32 bytes, base64url
      expect(JSON.stringify(res.body)).not.toContain(token);
      const list = await h().call('GET', h().nw('/invitations'), { as: ADMIN });
      expect(JSON.stringify(list.body)).not.toContain(token);
      const stored = await h().server.database.query<{ token_hash: string }>(`select token_hash from invitations where id = $1`, [invitation.id]);
      expect(stored.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.rows[0]!.token_hash).not.toContain(token);
      const audit = await h().call('GET', h().nw('/audit-events'), { as: OWNER });
      expect(JSON.stringify(audit.body)).not.toContain(token);
    });

    it('inviting an email with a pending invitation returns that invitation (ok: true, alreadyInvited, no second email)', async () => {
      const first = await invite([{ email: 'ann@example.com', role: 'member' }]);
      expect(first.body.results[0]).not.toHaveProperty('alreadyInvited');
      const second = await invite([{ email: 'ANN@example.com', role: 'admin' }, { email: 'ann@example.com', role: 'member' }]);
      expect(second.body.results.map((r: any) => [r.ok, r.invitation.id, r.alreadyInvited])).toEqual([
        [true, first.body.results[0].invitation.id, true],
        [true, first.body.results[0].invitation.id, true],
      ]);
      // Unchanged: the role asked the second time is not applied.
      expect(second.body.results[0].invitation.role).toBe('member');
      expect(h().mailer.sent).toHaveLength(1);
    });

    it('needs members:invite', async () => {
      const res = await invite([{ email: 'ann@example.com', role: 'member' }], MEMBER);
      expect(res.status).toBe(403);
      expect(res.body.error.details).toEqual({ permission: 'members:invite' });
    });
  });

  describe('accept', () => {
    it('previews without auth, then accepts as the invited email with a confirmation payload', async () => {
      await invite([{ email: 'ann@example.com', role: 'member', firstName: 'Ann', lastName: 'Lee' }]);
      const token = lastToken();
      const preview = await h().call('GET', `/v1/invitations/${token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ organization: { name: 'Northwind Dental' }, email: 'ann@example.com', status: 'pending', invitedBy: { firstName: 'Adam', lastName: 'Admin' } });
      const res = await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'ann@example.com' });
      expect(res.status).toBe(200);
      expect(res.body.organization.name).toBe('Northwind Dental');
      expect(res.body.member).toMatchObject({ email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'member' });
      const me = await h().call('GET', '/v1/me', { as: 'ann@example.com' });
      expect(me.body.memberships).toHaveLength(1);
      const again = await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'ann@example.com' });
      expect(again.body.error.code).toBe('invitation_not_pending');
    });

    it('the preview and the accepted membership carry the role’s display name, a custom role’s own', async () => {
      const created = await h().call('POST', h().nw('/roles'), { as: OWNER, body: { key: 'hygienist', name: 'Dental hygienist', permissions: ['members:read'] } });
      expect(created.status).toBe(201);
      await invite([{ email: 'hy@example.com', role: 'hygienist' }]);
      const token = lastToken();
      expect((await h().call('GET', `/v1/invitations/${token}`)).body).toMatchObject({ role: 'hygienist', roleName: 'Dental hygienist' });
      await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'hy@example.com' });
      const me = await h().call('GET', '/v1/me', { as: 'hy@example.com' });
      expect(me.body.memberships.map((m: any) => [m.member.role, m.roleName])).toEqual([['hygienist', 'Dental hygienist']]);
      const owner = await h().call('GET', '/v1/me', { as: OWNER });
      expect(owner.body.memberships.map((m: any) => m.roleName)).toEqual(['Owner']);
    });

    it('only the invited email may accept (forbidden)', async () => {
      await invite([{ email: 'ann@example.com', role: 'member' }]);
      const res = await h().call('POST', `/v1/invitations/${lastToken()}/accept`, { as: 'mallory@example.com' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });

    it('an unknown token is not_found', async () => {
      const res = await h().call('GET', `/v1/invitations/${'x'.repeat(43)}`);
      expect(res.status).toBe(404);
    });

    it('an expired invitation cannot be accepted (invitation_expired)', async () => {
      await invite([{ email: 'ann@example.com', role: 'member' }]);
      const token = lastToken();
      h().clock.offsetMs = 8 * DAY;
      const preview = await h().call('GET', `/v1/invitations/${token}`);
      expect(preview.body.status).toBe('expired');
      const res = await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'ann@example.com' });
      expect(res.status).toBe(410);
      expect(res.body.error.code).toBe('invitation_expired');
      const list = await h().call('GET', h().nw('/invitations?status=expired'), { as: ADMIN });
      expect(list.body.items.map((i: any) => i.email)).toEqual(['ann@example.com', 'new.hire@northwind.test']);
    });

    it('accepting a reserved invitation turns the reservation into an assignment without taking a second seat', async () => {
      const { imagingCloud } = h().demo.northwind.subscriptions;
      const res = await invite([{ email: 'ann@example.com', role: 'member', subscriptionIds: [imagingCloud] }]);
      expect(res.body.results[0].invitation.subscriptionIds).toEqual([imagingCloud]);
      const seats = async () => (await h().call('GET', h().nw('/subscriptions'), { as: OWNER })).body.items.find((s: any) => s.id === imagingCloud).seats;
      expect(await seats()).toMatchObject({ total: 2, assigned: 0, reserved: 1, available: 1 });
      const before = await h().call('GET', h().nw('/access?product=imaging-cloud'), { as: 'ann@example.com' });
      expect(before.body.reason).toBe('not_a_member');
      const accepted = await h().call('POST', `/v1/invitations/${lastToken()}/accept`, { as: 'ann@example.com' });
      expect(accepted.body.member.subscriptionIds).toEqual([imagingCloud]);
      expect(await seats()).toMatchObject({ total: 2, assigned: 1, reserved: 0, available: 1 });
      const access = await h().call('GET', h().nw('/access?product=imaging-cloud'), { as: 'ann@example.com' });
      expect(access.body).toEqual({ allowed: true, subscriptionId: imagingCloud });
    });

    it('reservations count against the seat limit', async () => {
      const { imagingCloud } = h().demo.northwind.subscriptions;
      const res = await invite([
        { email: 'a@example.com', role: 'member', subscriptionIds: [imagingCloud] },
        { email: 'b@example.com', role: 'member', subscriptionIds: [imagingCloud] },
        { email: 'c@example.com', role: 'member', subscriptionIds: [imagingCloud] },
      ]);
      expect(res.body.results.map((r: any) => r.ok ? 'ok' : r.error.code)).toEqual(['ok', 'ok', 'seats_exhausted']);
      const assign = await h().call('POST', h().nw(`/subscriptions/${imagingCloud}/seats`), { as: ADMIN, body: { memberIds: [h().demo.northwind.adminMemberId] } });
      expect(assign.body.results[0].error.code).toBe('seats_exhausted');
    });
  });

  describe('resend and revoke', () => {
    it('resend renews the expiry and mails a new token; the old link stops working', async () => {
      const created = await invite([{ email: 'ann@example.com', role: 'member' }]);
      const oldToken = lastToken();
      h().clock.offsetMs = 3 * DAY;
      const res = await h().call('POST', h().nw(`/invitations/${created.body.results[0].invitation.id}/resend`), { as: ADMIN });
      expect(res.status).toBe(200);
      expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(new Date(created.body.results[0].invitation.expiresAt).getTime());
      const newToken = lastToken();
      expect(newToken).not.toBe(oldToken);
      expect(h().mailer.sent).toHaveLength(2);
      expect((await h().call('GET', `/v1/invitations/${oldToken}`)).status).toBe(404);
      expect((await h().call('GET', `/v1/invitations/${newToken}`)).status).toBe(200);
    });

    it('resend brings an expired invitation back', async () => {
      const created = await invite([{ email: 'ann@example.com', role: 'member' }]);
      h().clock.offsetMs = 10 * DAY;
      const res = await h().call('POST', h().nw(`/invitations/${created.body.results[0].invitation.id}/resend`), { as: ADMIN });
      expect(res.body.status).toBe('pending');
      const accepted = await h().call('POST', `/v1/invitations/${lastToken()}/accept`, { as: 'ann@example.com' });
      expect(accepted.status).toBe(200);
    });

    it('revoke frees the reserved seats; a revoked invitation cannot be accepted or resent', async () => {
      const { imagingCloud } = h().demo.northwind.subscriptions;
      const created = await invite([{ email: 'ann@example.com', role: 'member', subscriptionIds: [imagingCloud] }]);
      const token = lastToken();
      const id = created.body.results[0].invitation.id;
      const revoked = await h().call('DELETE', h().nw(`/invitations/${id}`), { as: ADMIN });
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('revoked');
      const subs = await h().call('GET', h().nw('/subscriptions'), { as: OWNER });
      expect(subs.body.items.find((s: any) => s.id === imagingCloud).seats.reserved).toBe(0);
      expect((await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'ann@example.com' })).body.error.code).toBe('invitation_not_pending');
      expect((await h().call('POST', h().nw(`/invitations/${id}/resend`), { as: ADMIN })).body.error.code).toBe('invitation_not_pending');
      // A new invitation for the same person is a new one.
      const again = await invite([{ email: 'ann@example.com', role: 'member' }]);
      expect(again.body.results[0].invitation.id).not.toBe(id);
    });

    it('an expired invitation no longer holds its seats', async () => {
      const { imagingCloud } = h().demo.northwind.subscriptions;
      await invite([{ email: 'a@example.com', role: 'member', subscriptionIds: [imagingCloud] }, { email: 'b@example.com', role: 'member', subscriptionIds: [imagingCloud] }]);
      h().clock.offsetMs = 8 * DAY;
      const subs = await h().call('GET', h().nw('/subscriptions'), { as: OWNER });
      expect(subs.body.items.find((s: any) => s.id === imagingCloud).seats).toMatchObject({ reserved: 0, available: 2 });
    });

    it('lists by status, newest first, with keyset pages', async () => {
      await invite([{ email: 'a@example.com', role: 'member' }, { email: 'b@example.com', role: 'member' }, { email: 'c@example.com', role: 'member' }]);
      const page1 = await h().call('GET', h().nw('/invitations?status=pending&limit=2'), { as: MEMBER });
      expect(page1.body.items.map((i: any) => i.email)).toEqual(['c@example.com', 'b@example.com']);
      const page2 = await h().call('GET', h().nw(`/invitations?status=pending&limit=2&cursor=${page1.body.nextCursor}`), { as: MEMBER });
      expect(page2.body.items.map((i: any) => i.email)).toEqual(['a@example.com', 'new.hire@northwind.test']);
      expect(page2.body.nextCursor).toBeNull();
    });
  });
});
