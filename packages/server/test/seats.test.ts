import { describe, expect, it } from 'vitest';
import { ADMIN, addNorthwindMembers, forEachDatabase, MEMBER, OWNER } from './helpers.js';

forEachDatabase((h) => {
  const subs = async () => (await h().call('GET', h().nw('/subscriptions'), { as: MEMBER })).body.items as any[];
  const assign = (subscriptionId: string, memberIds: string[], as = ADMIN, headers?: Record<string, string>) =>
    h().call('POST', h().nw(`/subscriptions/${subscriptionId}/seats`), { as, body: { memberIds }, ...(headers ? { headers } : {}) });
  const addMembers = (n: number) => addNorthwindMembers(h(), n);

  it('lists the demo subscriptions with seat counts', async () => {
    const items = await subs();
    expect(items.map((s) => [s.product.key, s.seats])).toEqual([
      // `idle`: seats unused for 30 days (none yet); `requested`: the seed's pending request (Ava, Imaging Cloud).
      ['imaging-app', { total: 5, assigned: 2, reserved: 0, available: 3, idle: 0, requested: 0 }],
      ['imaging-cloud', { total: 2, assigned: 0, reserved: 0, available: 2, idle: 0, requested: 1 }],
    ]);
  });

  it('assigns in bulk with one result per item: ok, already_assigned, not_found, seats_exhausted', async () => {
    const { imagingCloud } = h().demo.northwind.subscriptions;
    const { adminMemberId, memberMemberId, ownerMemberId } = h().demo.northwind;
    const res = await assign(imagingCloud, [adminMemberId, adminMemberId, 'mem_nope', memberMemberId, ownerMemberId]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => [r.memberId, r.ok ? 'ok' : r.error.code])).toEqual([
      [adminMemberId, 'ok'],
      [adminMemberId, 'already_assigned'],
      ['mem_nope', 'not_found'],
      [memberMemberId, 'ok'],
      [ownerMemberId, 'seats_exhausted'],
    ]);
    expect(res.body.results[0].seat).toMatchObject({ subscriptionId: imagingCloud, memberId: adminMemberId, assignedBy: adminMemberId, member: { email: ADMIN } });
    expect(h().mailer.sent.map((m) => [m.to, m.subject])).toEqual([
      [ADMIN, 'You have been assigned Imaging Cloud'],
      [MEMBER, 'You have been assigned Imaging Cloud'],
    ]);
    const holders = await h().call('GET', h().nw(`/subscriptions/${imagingCloud}/seats`), { as: MEMBER });
    expect(holders.body.items.map((s: any) => s.member.email)).toEqual([ADMIN, MEMBER]);
  });

  it('an admin can assign a seat to itself; a member cannot assign (seats:assign)', async () => {
    const { imagingCloud } = h().demo.northwind.subscriptions;
    const self = await assign(imagingCloud, [h().demo.northwind.adminMemberId]);
    expect(self.body.results[0].ok).toBe(true);
    const denied = await assign(imagingCloud, [h().demo.northwind.memberMemberId], MEMBER);
    expect(denied.status).toBe(403);
    expect(denied.body.error.details).toEqual({ permission: 'seats:assign' });
  });

  it('unassigns a seat and frees it', async () => {
    const { imagingApp } = h().demo.northwind.subscriptions;
    const res = await h().call('DELETE', h().nw(`/subscriptions/${imagingApp}/seats/${h().demo.northwind.memberMemberId}`), { as: ADMIN });
    expect(res.status).toBe(204);
    expect((await subs())[0].seats.assigned).toBe(1);
    const again = await h().call('DELETE', h().nw(`/subscriptions/${imagingApp}/seats/${h().demo.northwind.memberMemberId}`), { as: ADMIN });
    expect(again.status).toBe(404);
    const access = await h().call('GET', h().nw('/access?product=imaging-app'), { as: MEMBER });
    expect(access.body).toEqual({ allowed: false, reason: 'no_seat' });
  });

  it('holds assigned + reserved <= seatLimit when 20 requests race for the last seat', async () => {
    const { imagingCloud } = h().demo.northwind.subscriptions;
    const ids = await addMembers(21);
    expect((await assign(imagingCloud, [ids[20]!])).body.results[0].ok).toBe(true);
    // One seat left; 20 callers (owner and admin alternating) each try to take it for a different member.
    const results = await Promise.all(ids.slice(0, 20).map((id, i) => assign(imagingCloud, [id], i % 2 ? ADMIN : OWNER)));
    const outcomes = results.map((r) => (r.status === 200 ? (r.body.results[0].ok ? 'ok' : r.body.results[0].error.code) : `http ${r.status}`));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'seats_exhausted')).toHaveLength(19);
    const cloud = (await subs()).find((s) => s.id === imagingCloud);
    expect(cloud.seats).toMatchObject({ total: 2, assigned: 2, reserved: 0, available: 0 });
  });

  it('refuses on a full subscription without waiting for its row lock (migration 016)', { timeout: 30_000 }, async () => {
    const { imagingCloud } = h().demo.northwind.subscriptions;
    const { adminMemberId, memberMemberId, ownerMemberId } = h().demo.northwind;
    expect((await assign(imagingCloud, [adminMemberId, memberMemberId])).body.results.map((r: any) => r.ok)).toEqual([true, true]);
    // PGlite has one session: no other can hold the lock there.
    if (h().kind !== 'postgres') return;
    // Another session holds the subscription's lock (as an assignment in flight does) until the answer has come back.
    // Before, the refusal queued behind it: 5 s of lock_timeout, a retry, then 503 unavailable.
    const refused = await h().server.database.transaction(async (tx) => {
      await tx.query(`select id from subscriptions where id = $1 for update`, [imagingCloud]);
      return assign(imagingCloud, [ownerMemberId]);
    });
    expect(refused.status).toBe(200);
    expect(refused.body.results[0]).toMatchObject({ ok: false, memberId: ownerMemberId, error: { code: 'seats_exhausted' } });
  });

  describe('provisioning (server key)', () => {
    it('resizing below what is in use is seats_in_use; above works', async () => {
      const { imagingApp } = h().demo.northwind.subscriptions;
      const shrink = await h().call('PATCH', h().nw(`/subscriptions/${imagingApp}`), { serverKey: true, body: { seatLimit: 1 } });
      expect(shrink.status).toBe(409);
      expect(shrink.body.error).toMatchObject({ code: 'seats_in_use', details: { assigned: 2, reserved: 0, requested: 1 } });
      const grow = await h().call('PATCH', h().nw(`/subscriptions/${imagingApp}`), { serverKey: true, body: { seatLimit: 10 } });
      expect(grow.status).toBe(200);
      expect(grow.body.seats).toEqual({ total: 10, assigned: 2, reserved: 0, available: 8 });
    });

    it('creates a product, an organization with its owner, and a subscription', async () => {
      const product = await h().call('POST', '/v1/products', { serverKey: true, body: { key: 'viewer', name: 'Viewer' } });
      expect(product.status).toBe(201);
      const dup = await h().call('POST', '/v1/products', { serverKey: true, body: { key: 'viewer', name: 'Viewer' } });
      expect(dup.body.error.code).toBe('validation_failed');
      const org = await h().call('POST', '/v1/orgs', { serverKey: true, body: { name: 'Harbor Vets', owner: { email: 'Vet@Harbor.test', firstName: 'Val', lastName: 'Vet' } } });
      expect(org.status).toBe(201);
      expect(org.body.owner).toMatchObject({ email: 'vet@harbor.test', role: 'owner' });
      expect(org.body.organization.ownerMemberId).toBe(org.body.owner.id);
      const sub = await h().call('POST', `/v1/orgs/${org.body.organization.id}/subscriptions`, { serverKey: true, body: { productKey: 'viewer', seatLimit: 3 } });
      expect(sub.status).toBe(201);
      expect(sub.body).toMatchObject({ product: { key: 'viewer' }, seats: { total: 3, available: 3 }, status: 'active' });
      const asOwner = await h().call('GET', `/v1/orgs/${org.body.organization.id}/subscriptions`, { as: 'vet@harbor.test' });
      expect(asOwner.body.items).toHaveLength(1);
    });

    it('rejects a user token or a wrong key on provisioning routes, and a server key on user routes', async () => {
      expect((await h().call('POST', '/v1/products', { as: OWNER, body: { key: 'x', name: 'X' } })).status).toBe(401);
      expect((await h().call('POST', '/v1/products', { serverKey: 'sk_wrong', body: { key: 'x', name: 'X' } })).status).toBe(401);
      expect((await h().call('GET', '/v1/me', { serverKey: true })).status).toBe(401);
    });
  });

  describe('access check', () => {
    const access = (as: string, query: string) => h().call('GET', h().nw(`/access?${query}`), { as });

    it('allows a seat holder and names the reason otherwise', async () => {
      const { imagingApp } = h().demo.northwind.subscriptions;
      expect((await access(OWNER, 'product=imaging-app')).body).toEqual({ allowed: true, subscriptionId: imagingApp });
      expect((await access(ADMIN, 'product=imaging-app')).body).toEqual({ allowed: false, reason: 'no_seat' });
      expect((await access('stranger@example.com', 'product=imaging-app')).body).toEqual({ allowed: false, reason: 'not_a_member' });
      expect((await access(OWNER, 'product=nope')).status).toBe(404);
    });

    it('subscription_inactive and subscription_expired', async () => {
      const { imagingApp } = h().demo.northwind.subscriptions;
      await h().call('PATCH', h().nw(`/subscriptions/${imagingApp}`), { serverKey: true, body: { status: 'past_due' } });
      expect((await access(MEMBER, 'product=imaging-app')).body).toEqual({ allowed: false, reason: 'subscription_inactive', subscriptionId: imagingApp });
      await h().call('PATCH', h().nw(`/subscriptions/${imagingApp}`), { serverKey: true, body: { status: 'active', expiresAt: '2020-01-01T00:00:00Z' } });
      expect((await access(MEMBER, 'product=imaging-app')).body).toEqual({ allowed: false, reason: 'subscription_expired', subscriptionId: imagingApp });
    });

    it('seat_reserved for a member whose pending invitation reserves a seat', async () => {
      const { imagingCloud } = h().demo.northwind.subscriptions;
      await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'zed@example.com', role: 'member', subscriptionIds: [imagingCloud] }] } });
      // Added directly while invited: the add fulfils the invitation, so the reservation becomes a seat.
      const added = await h().call('POST', h().nw('/members'), { as: ADMIN, body: { email: 'zed@example.com', firstName: 'Zed', lastName: 'Z', role: 'member' } });
      expect(added.body.subscriptionIds).toEqual([imagingCloud]);
      // A pending reservation for an existing member (its email changed to the invited one) reports seat_reserved.
      await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'yan@example.com', role: 'member', subscriptionIds: [imagingCloud] }] } });
      await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { email: 'yan@example.com' } });
      expect((await access('yan@example.com', 'product=imaging-cloud')).body).toEqual({ allowed: false, reason: 'seat_reserved', subscriptionId: imagingCloud });
    });

    it('admins may check another member (memberId), members may not', async () => {
      const { memberMemberId, adminMemberId } = h().demo.northwind;
      expect((await access(ADMIN, `product=imaging-app&memberId=${memberMemberId}`)).body.allowed).toBe(true);
      await h().call('PATCH', h().nw(`/members/${memberMemberId}`), { as: OWNER, body: { permissions: [] } });
      const asMember = await access(MEMBER, `product=imaging-app&memberId=${adminMemberId}`);
      expect(asMember.body).toEqual({ allowed: false, reason: 'no_seat' });
    });
  });
});
