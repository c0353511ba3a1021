import { describe, expect, it } from 'vitest';
import { ADMIN, forEachDatabase, LAKESIDE_OWNER, MEMBER, OWNER } from './helpers.js';

forEachDatabase((h) => {
  describe('GET /v1/me', () => {
    it('returns the caller with every membership, one person in two organizations', async () => {
      const res = await h().call('GET', '/v1/me', { as: ADMIN });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email: ADMIN, firstName: 'Adam', lastName: 'Admin' });
      expect(res.body.memberships.map((m: any) => [m.organization.name, m.member.role])).toEqual([
        ['Lakeside Clinic', 'admin'],
        ['Northwind Dental', 'admin'],
      ]);
    });

    it('creates the user on first sight, keyed by the lower-cased email', async () => {
      const first = await h().call('GET', '/v1/me', { as: 'New.Person@Example.com' });
      expect(first.status).toBe(200);
      expect(first.body.user.email).toBe('new.person@example.com');
      expect(first.body.memberships).toEqual([]);
      const again = await h().call('GET', '/v1/me', { as: 'new.person@example.com' });
      expect(again.body.user.id).toBe(first.body.user.id);
    });

    it('answers 401 unauthorized without a token or with a bad one', async () => {
      const none = await h().call('GET', '/v1/me');
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthorized');
      const bad = await h().call('GET', '/v1/me', { token: 'not-a-jwt' });
      expect(bad.status).toBe(401);
      expect(bad.body.error.requestId).toBe(bad.headers.get('x-request-id'));
    });
  });

  describe('members list', () => {
    it('pages by keyset, sorted by name then id, with subscriptionIds per member', async () => {
      const seen: any[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await h().call('GET', h().nw(`/members?limit=7${cursor ? `&cursor=${cursor}` : ''}`), { as: MEMBER });
        expect(res.status).toBe(200);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen.map((m) => m.id)).size).toBe(23);
      const names = seen.map((m) => `${m.firstName} ${m.lastName}`.toLowerCase());
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const owner = seen.find((m) => m.email === OWNER);
      expect(owner.subscriptionIds).toEqual([h().demo.northwind.subscriptions.imagingApp]);
      expect(seen.find((m) => m.email === ADMIN).subscriptionIds).toEqual([]);
    });

    it('searches name and email case-insensitively and filters by role and status', async () => {
      const byName = await h().call('GET', h().nw('/members?query=OLIV'), { as: OWNER });
      expect(byName.body.items.map((m: any) => m.email)).toEqual([OWNER]);
      const byEmail = await h().call('GET', h().nw('/members?query=admin@north'), { as: OWNER });
      expect(byEmail.body.items.map((m: any) => m.email)).toEqual([ADMIN]);
      const wildcard = await h().call('GET', h().nw('/members?query=%25'), { as: OWNER });
      expect(wildcard.body.items).toEqual([]);
      const admins = await h().call('GET', h().nw('/members?role=admin'), { as: OWNER });
      expect(admins.body.items.map((m: any) => m.email)).toEqual([ADMIN]);
      await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { status: 'suspended' } });
      const suspended = await h().call('GET', h().nw('/members?status=suspended'), { as: OWNER });
      expect(suspended.body.items.map((m: any) => m.email)).toEqual([MEMBER]);
    });

    it('rejects a tampered cursor and a bad limit with validation_failed', async () => {
      const cursor = await h().call('GET', h().nw('/members?cursor=garbage'), { as: OWNER });
      expect(cursor.status).toBe(400);
      expect(cursor.body.error.code).toBe('validation_failed');
      const limit = await h().call('GET', h().nw('/members?limit=5000'), { as: OWNER });
      expect(limit.status).toBe(400);
      expect(limit.body.error.details[0].path).toEqual(['limit']);
    });

    it('handles 10,000 seeded members', { timeout: 120_000 }, async () => {
      const n = await h().server.seedMembers(h().demo.northwind.orgId, 10_000);
      expect(n).toBe(10_000);
      const page = await h().call('GET', h().nw('/members?limit=200&query=seed-'), { as: OWNER });
      expect(page.body.items).toHaveLength(200);
      expect(page.body.nextCursor).toEqual(expect.any(String));
    });
  });

  describe('add member (workflow 2)', () => {
    it('creates the member at once and emails the account details', async () => {
      const res = await h().call('POST', h().nw('/members'), {
        as: ADMIN,
        body: { email: ' Zoe@Example.com ', firstName: 'Zoe', lastName: 'Zimmer', role: 'member', permissions: ['seats:assign'] },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ email: 'zoe@example.com', role: 'member', grants: ['seats:assign'], status: 'active', invitedBy: h().demo.northwind.adminMemberId });
      expect(res.body.permissions).toEqual(['members:read', 'seats:read', 'seats:assign']);
      const mail = h().mailer.sent.at(-1)!;
      expect(mail.to).toBe('zoe@example.com');
      expect(mail.text).toContain('Account details');
      expect(mail.text).toContain('Northwind Dental');
    });

    it('answers already_member for an existing member', async () => {
      const res = await h().call('POST', h().nw('/members'), { as: ADMIN, body: { email: MEMBER, firstName: 'M', lastName: 'M', role: 'member' } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('already_member');
    });

    it('needs members:invite, naming the missing permission', async () => {
      const res = await h().call('POST', h().nw('/members'), { as: MEMBER, body: { email: 'x@example.com', firstName: 'X', lastName: 'Y', role: 'member' } });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'members:invite' } });
      expect(res.body.error.message).toContain('members:invite');
    });

    it('does not let a caller grant a permission it does not hold', async () => {
      const grant = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { permissions: ['members:invite'] } });
      expect(grant.status).toBe(200);
      const res = await h().call('POST', h().nw('/members'), { as: MEMBER, body: { email: 'x@example.com', firstName: 'X', lastName: 'Y', role: 'member', permissions: ['roles:manage'] } });
      expect(res.status).toBe(403);
      expect(res.body.error.details).toEqual({ permission: 'roles:manage' });
    });

    it('rejects an unknown role and the owner role', async () => {
      const unknown = await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'x@example.com', firstName: 'X', lastName: 'Y', role: 'wizard' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details[0]).toMatchObject({ path: ['role'], code: 'unknown_role' });
      const owner = await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'x@example.com', firstName: 'X', lastName: 'Y', role: 'owner' } });
      expect(owner.status).toBe(400);
    });
  });

  describe('update member', () => {
    it('changes names, email and grants', async () => {
      const id = h().demo.northwind.memberMemberId;
      const res = await h().call('PATCH', h().nw(`/members/${id}`), { as: ADMIN, body: { firstName: 'Mila', email: 'mila@example.com', permissions: ['audit:read'] } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ firstName: 'Mila', lastName: 'Member', email: 'mila@example.com', grants: ['audit:read'] });
      expect(res.body.permissions).toContain('audit:read');
      // The new address signs in; the old one is no longer a member.
      const asNew = await h().call('GET', h().nw('/audit-events'), { as: 'mila@example.com' });
      expect(asNew.status).toBe(200);
      const asOld = await h().call('GET', h().nw(''), { as: MEMBER });
      expect(asOld.status).toBe(404);
    });

    it('answers already_member when the new email belongs to another member', async () => {
      const res = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { email: ADMIN } });
      expect(res.body.error.code).toBe('already_member');
    });

    it('only the owner demotes an admin (owner_required)', async () => {
      await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { role: 'admin' } });
      const byAdmin = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: ADMIN, body: { role: 'member' } });
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.body.error.code).toBe('owner_required');
      const byOwner = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { role: 'member' } });
      expect(byOwner.status).toBe(200);
      expect(byOwner.body.role).toBe('member');
    });

    it('never changes the owner role except by transfer (last_owner)', async () => {
      const demote = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.ownerMemberId}`), { as: OWNER, body: { role: 'admin' } });
      expect(demote.status).toBe(409);
      expect(demote.body.error.code).toBe('last_owner');
      const suspend = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.ownerMemberId}`), { as: ADMIN, body: { status: 'suspended' } });
      expect(suspend.body.error.code).toBe('last_owner');
      const promote = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { role: 'owner' } });
      expect(promote.status).toBe(400);
    });

    it('a suspended member keeps its seats but has no access', async () => {
      const id = h().demo.northwind.memberMemberId;
      const before = await h().call('GET', h().nw('/access?product=imaging-app'), { as: MEMBER });
      expect(before.body.allowed).toBe(true);
      await h().call('PATCH', h().nw(`/members/${id}`), { as: ADMIN, body: { status: 'suspended' } });
      const list = await h().call('GET', h().nw('/members'), { as: MEMBER });
      expect(list.status).toBe(404);
      const access = await h().call('GET', h().nw('/access?product=imaging-app'), { as: MEMBER });
      expect(access.body).toEqual({ allowed: false, reason: 'member_suspended' });
      const member = await h().call('GET', h().nw(`/members/${id}`), { as: ADMIN });
      expect(member.body).toMatchObject({ status: 'suspended', subscriptionIds: [h().demo.northwind.subscriptions.imagingApp] });
    });
  });

  describe('remove member', () => {
    it('an admin cannot remove another admin; the owner can', async () => {
      await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { role: 'admin' } });
      const byAdmin = await h().call('DELETE', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: ADMIN });
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.body.error.code).toBe('owner_required');
      const byOwner = await h().call('DELETE', h().nw(`/members/${h().demo.northwind.adminMemberId}`), { as: OWNER });
      expect(byOwner.status).toBe(204);
    });

    it('nobody removes the owner (last_owner)', async () => {
      const res = await h().call('DELETE', h().nw(`/members/${h().demo.northwind.ownerMemberId}`), { as: ADMIN });
      expect(res.body.error.code).toBe('last_owner');
      const self = await h().call('DELETE', h().nw(`/members/${h().demo.northwind.ownerMemberId}`), { as: OWNER });
      expect(self.body.error.code).toBe('last_owner');
    });

    it('ends access at once, frees the seats and sends the "queued for deletion" notice', async () => {
      const { memberMemberId, subscriptions } = h().demo.northwind;
      const before = await h().call('GET', h().nw('/subscriptions'), { as: OWNER });
      expect(before.body.items.find((s: any) => s.id === subscriptions.imagingApp).seats.assigned).toBe(2);
      const res = await h().call('DELETE', h().nw(`/members/${memberMemberId}`), { as: ADMIN });
      expect(res.status).toBe(204);
      expect(res.body).toBeNull();
      const after = await h().call('GET', h().nw('/subscriptions'), { as: OWNER });
      expect(after.body.items.find((s: any) => s.id === subscriptions.imagingApp).seats).toMatchObject({ assigned: 1, available: 4 });
      for (const path of ['', '/members', '/subscriptions']) {
        const denied = await h().call('GET', h().nw(path), { as: MEMBER });
        expect(denied.status).toBe(404);
      }
      const access = await h().call('GET', h().nw('/access?product=imaging-app'), { as: MEMBER });
      expect(access.body).toEqual({ allowed: false, reason: 'not_a_member' });
      const mail = h().mailer.sent.at(-1)!;
      expect(mail.to).toBe(MEMBER);
      expect(mail.text).toContain('queued for deletion');
    });
  });

  describe('tenancy', () => {
    it('a member of one org gets not_found for another org and its resources', async () => {
      const lakeside = h().demo.lakeside.orgId;
      for (const path of ['', '/members', `/members/${h().demo.lakeside.ownerMemberId}`, '/subscriptions', '/roles', '/invitations', '/audit-events']) {
        const res = await h().call('GET', `/v1/orgs/${lakeside}${path}`, { as: MEMBER });
        expect(res.status, path).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
      const write = await h().call('DELETE', `/v1/orgs/${lakeside}/members/${h().demo.lakeside.ownerMemberId}`, { as: OWNER });
      expect(write.status).toBe(404);
      // A Northwind admin cannot reach a Lakeside member through Northwind's path either.
      const crossId = await h().call('GET', h().nw(`/members/${h().demo.lakeside.ownerMemberId}`), { as: OWNER });
      expect(crossId.status).toBe(404);
      const ok = await h().call('GET', `/v1/orgs/${lakeside}`, { as: LAKESIDE_OWNER });
      expect(ok.body.name).toBe('Lakeside Clinic');
    });
  });

  describe('ownership transfer', () => {
    it('moves the owner role; the old owner becomes admin; only the owner may do it', async () => {
      const { adminMemberId, ownerMemberId } = h().demo.northwind;
      const byAdmin = await h().call('POST', h().nw('/ownership'), { as: ADMIN, body: { memberId: adminMemberId } });
      expect(byAdmin.body.error.code).toBe('owner_required');
      const res = await h().call('POST', h().nw('/ownership'), { as: OWNER, body: { memberId: adminMemberId } });
      expect(res.status).toBe(200);
      expect(res.body.ownerMemberId).toBe(adminMemberId);
      const oldOwner = await h().call('GET', h().nw(`/members/${ownerMemberId}`), { as: ADMIN });
      expect(oldOwner.body.role).toBe('admin');
      const owners = await h().call('GET', h().nw('/members?role=owner'), { as: ADMIN });
      expect(owners.body.items.map((m: any) => m.id)).toEqual([adminMemberId]);
      // The new owner can now remove the former owner, who is an admin.
      const removed = await h().call('DELETE', h().nw(`/members/${ownerMemberId}`), { as: ADMIN });
      expect(removed.status).toBe(204);
    });
  });

  it('updates lastActiveAt on use, at most every few minutes, from the jobs (a read writes nothing)', async () => {
    const read = async () => (await h().call('GET', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: MEMBER })).body.lastActiveAt;
    const before = await read();
    expect(await read()).toBe(before);
    await h().server.runJobs();
    const stamp = await read();
    expect(stamp).toEqual(expect.any(String));
    expect(stamp).not.toBe(before);
    await h().server.runJobs();
    expect(await read()).toBe(stamp);
    h().clock.offsetMs = 10 * 60_000;
    await read();
    await h().server.runJobs();
    expect(new Date(await read()).getTime()).toBeGreaterThan(new Date(stamp).getTime());
  });
});
