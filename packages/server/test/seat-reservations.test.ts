import { describe, expect, it } from 'vitest';
import { ADMIN, addNorthwindMembers, forEachDatabase, LAKESIDE_OWNER, MEMBER, OWNER, tokenFrom } from './helpers.js';

const DAY = 24 * 3600 * 1000;

/**
 * `POST …/subscriptions/:id/seats` with `invitationIds`: a seat reserved for a pending invitee, the same reservation
 * the invite flow's `subscriptionIds` makes (it counts against the cap at once and becomes a seat on acceptance).
 */
forEachDatabase((h) => {
  const cloud = () => h().demo.northwind.subscriptions.imagingCloud;
  const seats = async (subscriptionId = cloud()) =>
    (await h().call('GET', h().nw('/subscriptions'), { as: OWNER })).body.items.find((s: any) => s.id === subscriptionId).seats;
  const assign = (body: Record<string, unknown>, as = ADMIN, subscriptionId = cloud()) =>
    h().call('POST', h().nw(`/subscriptions/${subscriptionId}/seats`), { as, body });
  const invite = async (...emails: string[]) => {
    const res = await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: emails.map((email) => ({ email, role: 'member' })) } });
    return res.body.results.map((r: any) => r.invitation.id as string);
  };
  const outcome = (r: any) => [r.memberId ?? r.invitationId, r.ok ? 'ok' : r.error.code];
  const addMembers = (n: number) => addNorthwindMembers(h(), n);

  it('reserves seats for pending invitations beside members: one result per item, members first, each list in order', async () => {
    const { memberMemberId, pendingInvitationId } = h().demo.northwind;
    const [ann] = await invite('ann@example.com');
    h().mailer.sent = [];
    const res = await assign({ invitationIds: [ann, pendingInvitationId], memberIds: [memberMemberId] });
    expect(res.status).toBe(200);
    expect(res.body.results.map(outcome)).toEqual([
      [memberMemberId, 'ok'],
      [ann, 'ok'],
      [pendingInvitationId, 'seats_exhausted'],
    ]);
    expect(res.body.results[1].invitation).toMatchObject({ id: ann, email: 'ann@example.com', status: 'pending', subscriptionIds: [cloud()] });
    expect(await seats()).toMatchObject({ total: 2, assigned: 1, reserved: 1, available: 0 });
    // The member is told of the seat; the invitee already has the invitation's email.
    expect(h().mailer.sent.map((m) => m.to)).toEqual([MEMBER]);
    const listed = await h().call('GET', h().nw('/invitations?status=pending'), { as: MEMBER });
    expect(listed.body.items.find((i: any) => i.id === ann).subscriptionIds).toEqual([cloud()]);
    const audit = await h().call('GET', h().nw('/audit-events'), { as: OWNER });
    expect(audit.body.items.find((e: any) => e.action === 'seat.reserved')).toMatchObject({
      targetType: 'invitation',
      targetId: ann,
      data: { subscriptionId: cloud(), product: 'imaging-cloud', email: 'ann@example.com' },
    });
  });

  it('accepting turns the reservation into the seat without taking a second one; access follows', async () => {
    await h().call('PATCH', h().nw(`/subscriptions/${cloud()}`), { serverKey: true, body: { seatLimit: 1 } });
    const [ann] = await invite('ann@example.com');
    const token = tokenFrom(h().mailer.sent.at(-1)!.text);
    expect((await assign({ invitationIds: [ann] })).body.results.map(outcome)).toEqual([[ann, 'ok']]);
    expect(await seats()).toMatchObject({ total: 1, assigned: 0, reserved: 1, available: 0 });
    // The only seat is the invitee's: nobody else gets it meanwhile.
    expect((await assign({ memberIds: [h().demo.northwind.adminMemberId] })).body.results.map(outcome)).toEqual([
      [h().demo.northwind.adminMemberId, 'seats_exhausted'],
    ]);
    const accepted = await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'ann@example.com' });
    expect(accepted.body.member.subscriptionIds).toEqual([cloud()]);
    expect(await seats()).toMatchObject({ total: 1, assigned: 1, reserved: 0, available: 0 });
    const access = await h().call('GET', h().nw('/access?product=imaging-cloud'), { as: 'ann@example.com' });
    expect(access.body).toEqual({ allowed: true, subscriptionId: cloud() });
  });

  it('refuses per item, with a stable code, what cannot hold a reservation', async () => {
    const [revoked, accepted, expired, reserved, fine] = await invite('rev@example.com', 'acc@example.com', 'exp@example.com', 'res@example.com', 'ok@example.com');
    await h().call('DELETE', h().nw(`/invitations/${revoked}`), { as: ADMIN });
    await h().call('POST', h().nw('/members'), { as: ADMIN, body: { email: 'acc@example.com', firstName: 'A', lastName: 'C', role: 'member' } });
    await h().server.database.query(`update invitations set expires_at = $2 where id = $1`, [expired, new Date(Date.now() - DAY)]);
    expect((await assign({ invitationIds: [reserved] })).body.results.map(outcome)).toEqual([[reserved, 'ok']]);
    // Lakeside's pending invitation exists, but not in Northwind: not found, like an id that exists nowhere.
    const lakeside = await h().call('POST', `/v1/orgs/${h().demo.lakeside.orgId}/invitations`, { as: LAKESIDE_OWNER, body: { invitations: [{ email: 'far@example.com', role: 'member' }] } });
    const foreign = lakeside.body.results[0].invitation.id;

    const res = await assign({ invitationIds: [revoked, accepted, expired, reserved, 'inv_nope', foreign, '', fine] });
    expect(res.status).toBe(200);
    expect(res.body.results.map(outcome)).toEqual([
      [revoked, 'invitation_not_pending'],
      [accepted, 'invitation_not_pending'],
      [expired, 'invitation_expired'],
      [reserved, 'already_assigned'],
      ['inv_nope', 'not_found'],
      [foreign, 'not_found'],
      ['', 'validation_failed'],
      [fine, 'ok'],
    ]);
    expect(res.body.results[0].error.details).toEqual({ status: 'revoked' });
    expect(res.body.results[1].error.details).toEqual({ status: 'accepted' });
    expect(await seats()).toMatchObject({ assigned: 0, reserved: 2 });
    // Lakeside's own subscription is not Northwind's either.
    const theirs = (await h().call('GET', `/v1/orgs/${h().demo.lakeside.orgId}/subscriptions`, { as: LAKESIDE_OWNER })).body.items[0].id;
    expect((await assign({ invitationIds: [fine] }, ADMIN, theirs)).status).toBe(404);
  });

  it('needs seats:assign; the envelope takes 1–100 ids in all', async () => {
    const [ann] = await invite('ann@example.com');
    const denied = await assign({ invitationIds: [ann] }, MEMBER);
    expect(denied.status).toBe(403);
    expect(denied.body.error.details).toEqual({ permission: 'seats:assign' });
    for (const body of [{}, { memberIds: [], invitationIds: [] }, { memberIds: Array(60).fill('m'), invitationIds: Array(41).fill('i') }, { invitationIds: [ann], emails: ['x'] }]) {
      const res = await assign(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const hundred = await assign({ memberIds: Array(60).fill('mem_nope'), invitationIds: Array(40).fill('inv_nope') });
    expect(hundred.status).toBe(200);
    expect(hundred.body.results).toHaveLength(100);
    expect(await seats()).toMatchObject({ assigned: 0, reserved: 0 });
  });

  it('holds assigned + reserved <= seatLimit when mixed member and invitation items race for the last seats', async () => {
    await h().call('PATCH', h().nw(`/subscriptions/${cloud()}`), { serverKey: true, body: { seatLimit: 5 } });
    const members = await addMembers(12);
    const invitations = await invite(...Array.from({ length: 12 }, (_, i) => `racer${i}@example.com`));
    // Two seats gone before the race: one assigned, one reserved.
    expect((await assign({ memberIds: [members[11]!], invitationIds: [invitations[11]!] })).body.results.every((r: any) => r.ok)).toBe(true);
    // Three seats left; 22 callers (owner and admin alternating) race: members alone, invitations alone, and pairs.
    const bodies = Array.from({ length: 11 }, (_, i) =>
      i % 3 === 0 ? { memberIds: [members[i]!] } : i % 3 === 1 ? { invitationIds: [invitations[i]!] } : { memberIds: [members[i]!], invitationIds: [invitations[i]!] },
    );
    const extra = Array.from({ length: 11 }, (_, i) => ({ invitationIds: [invitations[(i + 5) % 11]!] }));
    const responses = await Promise.all([...bodies, ...extra].map((body, i) => assign(body, i % 2 ? ADMIN : OWNER)));
    expect(responses.map((r) => r.status), JSON.stringify(responses.filter((r) => r.status !== 200).map((r) => r.body))).toEqual(responses.map(() => 200));
    const items = responses.flatMap((r) => r.body.results);
    const codes = items.map((r: any) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c: string) => c === 'ok')).toHaveLength(3);
    // The rest: no seat left, or (the same invitation twice) reserved by another caller first.
    expect(codes.filter((c: string) => !['ok', 'seats_exhausted', 'already_assigned'].includes(c))).toEqual([]);
    expect(await seats()).toMatchObject({ total: 5, available: 0 });
    const { assigned, reserved } = await seats();
    expect(assigned + reserved).toBe(5);
    // What the counts say is what the tables hold.
    const held = await h().server.database.query<{ n: number }>(`select count(*)::int as n from seat_assignments where subscription_id = $1`, [cloud()]);
    const kept = await h().server.database.query<{ n: number }>(`select count(*)::int as n from seat_reservations where subscription_id = $1`, [cloud()]);
    expect(held.rows[0]!.n + kept.rows[0]!.n).toBe(5);
  });

  it('a reservation racing the invitee’s acceptance ends as a seat or as not pending, never as a lost seat', async () => {
    const invitations: string[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      invitations.push(...(await invite(`both${i}@example.com`)));
      tokens.push(tokenFrom(h().mailer.sent.at(-1)!.text));
    }
    await h().call('PATCH', h().nw(`/subscriptions/${cloud()}`), { serverKey: true, body: { seatLimit: 4 } });
    const [reserving, ...accepting] = await Promise.all([
      assign({ invitationIds: invitations }),
      ...tokens.map((token, i) => h().call('POST', `/v1/invitations/${token}/accept`, { as: `both${i}@example.com` })),
    ]);
    expect(reserving!.status).toBe(200);
    expect(accepting.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const reservedFor = new Set(reserving!.body.results.filter((r: any) => r.ok).map((r: any) => r.invitationId));
    for (const r of reserving!.body.results) expect(r.ok || r.error.code === 'invitation_not_pending').toBe(true);
    // Reserved before the acceptance: the member holds the seat. Accepted first: no seat, nothing left reserved.
    accepting.forEach((r, i) => expect(r.body.member.subscriptionIds).toEqual(reservedFor.has(invitations[i]) ? [cloud()] : []));
    expect(await seats()).toMatchObject({ total: 4, assigned: reservedFor.size, reserved: 0, available: 4 - reservedFor.size });
  });
});
