import { describe, expect, it } from 'vitest';
import { ADMIN, addNorthwindMembers, forEachDatabase, LAKESIDE_OWNER, MEMBER, OWNER } from './helpers.js';

const AVA = 'ava.brooks@northwind.test';

forEachDatabase((h) => {
  const request = (as: string, body: unknown) => h().call('POST', h().nw('/seat-requests'), { as, body });
  const approve = (id: string, body: unknown = {}, as = ADMIN) => h().call('POST', h().nw(`/seat-requests/${id}/approve`), { as, body });
  const deny = (id: string, body: unknown = {}, as = ADMIN) => h().call('POST', h().nw(`/seat-requests/${id}/deny`), { as, body });
  const list = (as: string, query = '') => h().call('GET', h().nw(`/seat-requests${query}`), { as });
  const access = (as: string, product: string) => h().call('GET', h().nw(`/access?product=${product}`), { as });
  const count = async (sql: string, params: unknown[] = []) => Number((await h().server.database.query<{ n: number }>(sql, params)).rows[0]!.n);

  it('a member asks for a seat: pending, the admins who can assign are emailed once, a repeat returns the same request', async () => {
    const first = await request(MEMBER, { product: 'imaging-cloud', note: '  For the March audit  ' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      orgId: h().demo.northwind.orgId,
      memberId: h().demo.northwind.memberMemberId,
      member: { email: MEMBER, firstName: 'Mia', lastName: 'Member' },
      product: { key: 'imaging-cloud', name: 'Imaging Cloud' },
      note: 'For the March audit',
      status: 'pending',
      resolvedAt: null,
      resolvedBy: null,
      subscriptionId: null,
      denyReason: null,
    });
    expect(h().mailer.sent.map((m) => m.to).sort()).toEqual([ADMIN, OWNER]);
    expect(h().mailer.sent[0]!.subject).toBe('Mia Member asks for a seat of Imaging Cloud');
    expect(h().mailer.sent[0]!.text).toContain('Their note: For the March audit');

    const again = await request(MEMBER, { product: 'imaging-cloud' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(h().mailer.sent).toHaveLength(2);
    expect(await count(`select count(*)::int as n from seat_requests where member_id = $1`, [h().demo.northwind.memberMemberId])).toBe(1);
    const events = await h().call('GET', h().nw('/audit-events'), { as: OWNER });
    expect(events.body.items.filter((e: any) => e.action === 'seat_request.created').map((e: any) => e.targetId)).toEqual([first.body.id]);
  });

  it('refuses a request from a holder of a usable seat (already_assigned), an unknown product (404) and bad input (400)', async () => {
    const held = await request(MEMBER, { product: 'imaging-app' });
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('already_assigned');
    const unknown = await request(MEMBER, { product: 'no-such-product' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    for (const body of [{}, { product: '' }, { product: 'imaging-cloud', note: 'x'.repeat(501) }, { product: 'imaging-cloud', note: 'bell\u0007' }, { product: 'imaging-cloud', extra: 1 }, { product: 42 }]) {
      const res = await request(MEMBER, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const bad = await list(ADMIN, '?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(await count(`select count(*)::int as n from seat_requests`)).toBe(1);
  });

  it('a seat of an expired subscription is no seat: its holder may ask', async () => {
    const { imagingApp } = h().demo.northwind.subscriptions;
    await h().call('PATCH', h().nw(`/subscriptions/${imagingApp}`), { serverKey: true, body: { expiresAt: '2020-01-01T00:00:00Z' } });
    const res = await request(MEMBER, { product: 'imaging-app' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('pending');
  });

  it('the access check names the latest request, and its outcome', async () => {
    expect((await access(MEMBER, 'imaging-cloud')).body).toEqual({ allowed: false, reason: 'no_seat' });
    const created = await request(MEMBER, { product: 'imaging-cloud' });
    expect((await access(MEMBER, 'imaging-cloud')).body).toEqual({
      allowed: false,
      reason: 'no_seat',
      request: { id: created.body.id, status: 'pending', createdAt: created.body.createdAt },
    });
    await deny(created.body.id, { reason: 'Budget' });
    expect((await access(MEMBER, 'imaging-cloud')).body.request).toMatchObject({ id: created.body.id, status: 'denied' });
  });

  it('approve assigns a seat of the first usable subscription with room; the requester is emailed and gets in', async () => {
    const created = await request(MEMBER, { product: 'imaging-cloud' });
    h().mailer.sent = [];
    const res = await approve(created.body.id);
    expect(res.status).toBe(200);
    const { imagingCloud } = h().demo.northwind.subscriptions;
    expect(res.body.request).toMatchObject({ id: created.body.id, status: 'approved', resolvedBy: h().demo.northwind.adminMemberId, subscriptionId: imagingCloud });
    expect(res.body.request.resolvedAt).not.toBeNull();
    expect(res.body.seat).toMatchObject({ subscriptionId: imagingCloud, memberId: h().demo.northwind.memberMemberId, assignedBy: h().demo.northwind.adminMemberId, member: { email: MEMBER } });
    expect(h().mailer.sent.map((m) => [m.to, m.subject])).toEqual([[MEMBER, 'Your seat of Imaging Cloud is ready']]);
    expect((await access(MEMBER, 'imaging-cloud')).body).toEqual({ allowed: true, subscriptionId: imagingCloud });

    // Resolved requests stay resolved.
    for (const again of [await approve(created.body.id), await deny(created.body.id)]) {
      expect(again.status).toBe(400);
      expect(again.body.error.details[0].code).toBe('request_resolved');
    }
    const actions = (await h().call('GET', h().nw('/audit-events'), { as: OWNER })).body.items.map((e: any) => e.action);
    expect(actions.slice(0, 2)).toEqual(['seat_request.approved', 'seat.assigned']);
  });

  it('approve with a subscriptionId: of the product (else 400 wrong_product), of this organization (else 404)', async () => {
    const created = await request(MEMBER, { product: 'imaging-cloud' });
    const wrong = await approve(created.body.id, { subscriptionId: h().demo.northwind.subscriptions.imagingApp });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].code).toBe('wrong_product');
    const lakesideSub = (await h().call('GET', `/v1/orgs/${h().demo.lakeside.orgId}/subscriptions`, { as: LAKESIDE_OWNER })).body.items[0].id;
    const foreign = await approve(created.body.id, { subscriptionId: lakesideSub });
    expect(foreign.status).toBe(404);
    const ok = await approve(created.body.id, { subscriptionId: h().demo.northwind.subscriptions.imagingCloud });
    expect(ok.status).toBe(200);
  });

  it('deny records the reason, tells the requester, and a new request may follow', async () => {
    const created = await request(MEMBER, { product: 'imaging-cloud' });
    h().mailer.sent = [];
    const res = await deny(created.body.id, { reason: 'Not this quarter' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'denied', denyReason: 'Not this quarter', resolvedBy: h().demo.northwind.adminMemberId, subscriptionId: null });
    expect(h().mailer.sent.map((m) => [m.to, m.subject])).toEqual([[MEMBER, 'Your request for Imaging Cloud was declined']]);
    expect(h().mailer.sent[0]!.text).toContain('The reason given: Not this quarter');
    const next = await request(MEMBER, { product: 'imaging-cloud' });
    expect(next.status).toBe(200);
    expect(next.body.id).not.toBe(created.body.id);
    expect((await list(ADMIN, '?status=denied')).body.items.map((r: any) => r.id)).toEqual([created.body.id]);
  });

  it('lists newest first, pages, filters; a member without seats:read sees only their own', async () => {
    const created = await request(MEMBER, { product: 'imaging-cloud' });
    const all = await list(ADMIN);
    expect(all.body.items.map((r: any) => r.id)).toEqual([created.body.id, h().demo.northwind.pendingSeatRequestId]);
    const page1 = await list(ADMIN, '?limit=1');
    expect(page1.body.items).toHaveLength(1);
    const page2 = await list(ADMIN, `?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((r: any) => r.id)).toEqual([h().demo.northwind.pendingSeatRequestId]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await list(ADMIN, '?cursor=bm9wZQ')).status).toBe(400);

    // A custom role without seats:read.
    await h().call('POST', h().nw('/roles'), { as: OWNER, body: { key: 'viewer', name: 'Viewer', permissions: ['members:read'] } });
    await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'viewer@example.com', firstName: 'Vi', lastName: 'Ewer', role: 'viewer' } });
    const own = await request('viewer@example.com', { product: 'imaging-cloud' });
    expect(own.status).toBe(200);
    expect((await list('viewer@example.com')).body.items.map((r: any) => r.id)).toEqual([own.body.id]);
  });

  it('permissions and tenancy: seats:assign to resolve; another organization\'s request or caller is 404', async () => {
    const id = h().demo.northwind.pendingSeatRequestId;
    const byMember = await approve(id, {}, MEMBER);
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.details).toEqual({ permission: 'seats:assign' });
    expect((await deny(id, {}, MEMBER)).status).toBe(403);
    // The Lakeside owner, in Northwind: the organization does not exist for them.
    expect((await approve(id, {}, LAKESIDE_OWNER)).status).toBe(404);
    expect((await request(LAKESIDE_OWNER, { product: 'imaging-cloud' })).status).toBe(404);
    // Northwind's request through Lakeside's path.
    const viaLakeside = await h().call('POST', `/v1/orgs/${h().demo.lakeside.orgId}/seat-requests/${id}/approve`, { as: LAKESIDE_OWNER, body: {} });
    expect(viaLakeside.status).toBe(404);
    expect((await approve('srq_nope')).status).toBe(404);
    expect(await count(`select count(*)::int as n from seat_requests where status = 'pending'`)).toBe(1);
  });

  it('a request goes with its member', async () => {
    const [id] = await addNorthwindMembers(h(), 1);
    await request('p0@example.com', { product: 'imaging-cloud' });
    expect((await h().call('DELETE', h().nw(`/members/${id}`), { as: OWNER })).status).toBe(204);
    expect(await count(`select count(*)::int as n from seat_requests where member_id = $1`, [id])).toBe(0);
  });

  describe('under concurrency', () => {
    it('two approvals for the last seat: exactly one wins, the other is seats_exhausted and stays pending', async () => {
      const { imagingCloud } = h().demo.northwind.subscriptions;
      // Imaging Cloud has 2 seats: the admin takes one, leaving one for two requests.
      await h().call('POST', h().nw(`/subscriptions/${imagingCloud}/seats`), { as: ADMIN, body: { memberIds: [h().demo.northwind.adminMemberId] } });
      const mine = await request(MEMBER, { product: 'imaging-cloud' });
      const avas = h().demo.northwind.pendingSeatRequestId;
      const results = await Promise.all([approve(mine.body.id), approve(avas, {}, OWNER)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.error.code).toBe('seats_exhausted');
      expect(await count(`select count(*)::int as n from seat_assignments where subscription_id = $1`, [imagingCloud])).toBe(2);
      expect(await count(`select count(*)::int as n from seat_requests where status = 'pending'`)).toBe(1);
      expect(await count(`select count(*)::int as n from seat_requests where status = 'approved'`)).toBe(1);
    });

    it('ten requests of one member at once make one pending request', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => request(MEMBER, { product: 'imaging-cloud' })));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await count(`select count(*)::int as n from seat_requests where member_id = $1`, [h().demo.northwind.memberMemberId])).toBe(1);
      expect(h().mailer.sent).toHaveLength(2);
    });
  });

  it('the demo seed holds one pending request (Ava Brooks, Imaging Cloud)', async () => {
    const items = (await list(OWNER, '?status=pending')).body.items;
    expect(items.map((r: any) => [r.member.email, r.product.key])).toEqual([[AVA, 'imaging-cloud']]);
  });
});

