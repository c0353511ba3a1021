import { describe, expect, it } from 'vitest';
import { ADMIN, forEachDatabase, MEMBER, OWNER, type Harness } from './support.js';

/**
 * Paths to more power than the caller holds: giving out roles or defining roles with permissions the caller lacks,
 * and taking over someone's membership by changing its email. "A caller can hand out only permissions it holds".
 */
async function customCaller(h: Harness, key: string, permissions: string[], email = `${key}@northwind.test`) {
  expect((await h.call('POST', h.nw('/roles'), { as: OWNER, body: { key, name: key, permissions } })).status).toBe(201);
  const added = await h.call('POST', h.nw('/members'), { as: OWNER, body: { email, firstName: 'Cus', lastName: 'Tom', role: key } });
  expect(added.status).toBe(201);
  return { email, memberId: added.body.id as string };
}

forEachDatabase((h) => {
  describe('no escalation through roles', () => {
    it('a custom role with members:update cannot promote itself (or anyone) to admin', async () => {
      const editor = await customCaller(h(), 'editor', ['members:read', 'members:update']);
      const self = await h().call('PATCH', h().nw(`/members/${editor.memberId}`), { as: editor.email, body: { role: 'admin' } });
      expect(self.status).toBe(403);
      expect(self.body.error.code).toBe('forbidden');
      const other = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: editor.email, body: { role: 'admin' } });
      expect(other.status).toBe(403);
      const after = await h().call('GET', h().nw(`/members/${editor.memberId}`), { as: OWNER });
      expect(after.body.role).toBe('editor');
      // Giving a role whose permissions it holds is fine.
      const ok = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: editor.email, body: { role: 'editor' } });
      expect(ok.status).toBe(200);
    });

    it('a custom role with members:invite cannot invite or add people as admin', async () => {
      const inviter = await customCaller(h(), 'inviter', ['members:read', 'members:invite', 'seats:read']);
      const invite = await h().call('POST', h().nw('/invitations'), { as: inviter.email, body: { invitations: [{ email: 'accomplice@example.com', role: 'admin' }, { email: 'fine@example.com', role: 'member' }] } });
      expect(invite.body.results[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(invite.body.results[1].ok).toBe(true);
      const add = await h().call('POST', h().nw('/members'), { as: inviter.email, body: { email: 'accomplice@example.com', firstName: 'A', lastName: 'C', role: 'admin' } });
      expect(add.status).toBe(403);
    });

    it('roles:manage cannot define or widen a role beyond its own permissions (its own role included)', async () => {
      const manager = await customCaller(h(), 'manager', ['members:read', 'roles:manage']);
      const create = await h().call('POST', h().nw('/roles'), { as: manager.email, body: { key: 'god', name: 'God', permissions: ['members:read', 'members:remove', 'audit:read'] } });
      expect(create.status).toBe(403);
      expect(create.body.error.details).toMatchObject({ permission: 'members:remove' });
      const widen = await h().call('PATCH', h().nw('/roles/manager'), { as: manager.email, body: { permissions: ['members:read', 'roles:manage', 'seats:assign'] } });
      expect(widen.status).toBe(403);
      const me = await h().call('GET', '/v1/me', { as: manager.email });
      expect(me.body.memberships[0].member.permissions).toEqual(['members:read', 'roles:manage']);
      const narrow = await h().call('POST', h().nw('/roles'), { as: manager.email, body: { key: 'reader', name: 'Reader', permissions: ['members:read'] } });
      expect(narrow.status).toBe(201);
    });
  });

  describe('no takeover through an email change', () => {
    it("only the owner changes the owner's email; only the owner (or the admin themself) changes an admin's", async () => {
      const { ownerMemberId, adminMemberId, memberMemberId } = h().demo.northwind;
      const takeover = await h().call('PATCH', h().nw(`/members/${ownerMemberId}`), { as: ADMIN, body: { email: 'attacker@evil.test' } });
      expect(takeover.status).toBe(403);
      expect(takeover.body.error.code).toBe('owner_required');
      expect((await h().call('GET', '/v1/me', { as: 'attacker@evil.test' })).body.memberships).toEqual([]);
      const editor = await customCaller(h(), 'editor', ['members:read', 'members:update']);
      const adminTakeover = await h().call('PATCH', h().nw(`/members/${adminMemberId}`), { as: editor.email, body: { email: 'attacker@evil.test' } });
      expect(adminTakeover.status).toBe(403);
      expect(adminTakeover.body.error.code).toBe('owner_required');
      // Allowed: the owner for anyone, an admin for a member, anyone for themself.
      expect((await h().call('PATCH', h().nw(`/members/${memberMemberId}`), { as: ADMIN, body: { email: 'mia.new@northwind.test' } })).status).toBe(200);
      expect((await h().call('PATCH', h().nw(`/members/${adminMemberId}`), { as: ADMIN, body: { email: 'adam.new@northwind.test' } })).status).toBe(200);
      expect((await h().call('PATCH', h().nw(`/members/${ownerMemberId}`), { as: OWNER, body: { email: 'olivia.new@northwind.test' } })).status).toBe(200);
      void MEMBER;
    });
  });
});
