import { describe, expect, it } from 'vitest';
import { ADMIN, forEachDatabase, MEMBER, OWNER, tokenFrom } from './helpers.js';

const DAY = 24 * 3600 * 1000;

/**
 * A dead subscription (canceled, or past its expiry) hands out nothing: no seat assigned, none reserved, none given
 * when an invitation is accepted — and no email about one. A `past_due` one still does (the host decides).
 */
forEachDatabase((h) => {
  const cloud = () => h().demo.northwind.subscriptions.imagingCloud;
  const app = () => h().demo.northwind.subscriptions.imagingApp;
  const provision = async (subscriptionId: string, body: Record<string, unknown>) => {
    const res = await h().call('PATCH', h().nw(`/subscriptions/${subscriptionId}`), { serverKey: true, body });
    expect(res.status).toBe(200);
  };
  const seats = async (subscriptionId: string) =>
    (await h().call('GET', h().nw('/subscriptions'), { as: OWNER })).body.items.find((s: any) => s.id === subscriptionId).seats;
  const assign = (subscriptionId: string, body: Record<string, unknown>) =>
    h().call('POST', h().nw(`/subscriptions/${subscriptionId}/seats`), { as: ADMIN, body });
  const invite = (items: unknown[]) => h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: items } });
  const outcome = (r: any) => (r.ok ? 'ok' : r.error.code);

  it('assigning a seat of a canceled or expired subscription is refused per item (subscription_inactive), with no email', async () => {
    const { adminMemberId, memberMemberId } = h().demo.northwind;
    await provision(cloud(), { status: 'canceled' });
    const canceled = await assign(cloud(), { memberIds: [adminMemberId, memberMemberId] });
    expect(canceled.status).toBe(200);
    expect(canceled.body.results.map(outcome)).toEqual(['subscription_inactive', 'subscription_inactive']);
    expect(canceled.body.results[0].error).toMatchObject({
      message: 'Imaging Cloud is canceled: its seats cannot be handed out',
      details: { subscriptionId: cloud(), reason: 'canceled' },
    });

    await provision(cloud(), { status: 'active', expiresAt: '2020-01-01T00:00:00.000Z' });
    const expired = await assign(cloud(), { memberIds: [adminMemberId] });
    expect(expired.body.results[0].error).toMatchObject({ code: 'subscription_inactive', details: { reason: 'expired' } });
    expect(expired.body.results[0].error.message).toMatch(/^Imaging Cloud expired on 2020-01-01T00:00:00\.000Z/);

    // Nothing was handed out, and nobody was told they were.
    expect(await seats(cloud())).toMatchObject({ assigned: 0, reserved: 0 });
    expect(h().mailer.sent).toEqual([]);
    const audit = await h().call('GET', h().nw('/audit-events'), { as: OWNER });
    expect(audit.body.items.map((e: any) => e.action)).not.toContain('seat.assigned');
  });

  it('a past-due subscription still hands out seats (what overdue means is the host’s call)', async () => {
    await provision(cloud(), { status: 'past_due' });
    const res = await assign(cloud(), { memberIds: [h().demo.northwind.memberMemberId] });
    expect(res.body.results.map(outcome)).toEqual(['ok']);
    expect(h().mailer.sent.map((m) => [m.to, m.subject])).toEqual([[MEMBER, 'You have been assigned Imaging Cloud']]);
    // The seat is held, but grants no access until the subscription is active again.
    const access = await h().call('GET', h().nw('/access?product=imaging-cloud'), { as: MEMBER });
    expect(access.body).toEqual({ allowed: false, reason: 'subscription_inactive', subscriptionId: cloud() });
    const invited = await invite([{ email: 'pat@example.com', role: 'member', subscriptionIds: [cloud()] }]);
    expect(invited.body.results.map(outcome)).toEqual(['ok']);
  });

  it('an invitation cannot reserve a seat of a dead subscription, by the invite flow or a bulk assignment', async () => {
    await provision(cloud(), { status: 'canceled' });
    const res = await invite([
      { email: 'ann@example.com', role: 'member', subscriptionIds: [app(), cloud()] },
      { email: 'bob@example.com', role: 'member', subscriptionIds: [app()] },
    ]);
    expect(res.body.results.map(outcome)).toEqual(['subscription_inactive', 'ok']);
    expect(res.body.results[0]).toMatchObject({ email: 'ann@example.com', error: { details: { subscriptionId: cloud(), reason: 'canceled' } } });
    // The refused item made nothing: no invitation, no reservation (not even of the live subscription), no email.
    const pending = await h().call('GET', h().nw('/invitations?status=pending'), { as: ADMIN });
    expect(pending.body.items.map((i: any) => i.email)).not.toContain('ann@example.com');
    expect(h().mailer.sent.map((m) => m.to)).toEqual(['bob@example.com']);
    expect(await seats(app())).toMatchObject({ reserved: 1 });

    const bob = res.body.results[1].invitation.id;
    const reserve = await assign(cloud(), { invitationIds: [bob, h().demo.northwind.pendingInvitationId] });
    expect(reserve.body.results.map((r: any) => [r.invitationId, outcome(r)])).toEqual([
      [bob, 'subscription_inactive'],
      [h().demo.northwind.pendingInvitationId, 'subscription_inactive'],
    ]);
    expect(await seats(cloud())).toMatchObject({ assigned: 0, reserved: 0 });
  });

  it('accepting an invitation whose reserved subscription died: accepted, a member, but that reservation gives no seat', async () => {
    // Imaging App expires in a day; the invitation lives for seven.
    await provision(app(), { expiresAt: new Date(Date.now() + DAY).toISOString() });
    await invite([{ email: 'ann@example.com', role: 'member', subscriptionIds: [app(), cloud()] }]);
    const token = tokenFrom(h().mailer.sent.at(-1)!.text);
    expect(await seats(app())).toMatchObject({ assigned: 2, reserved: 1 });
    h().clock.offsetMs = 2 * DAY;
    h().mailer.sent = [];

    const accepted = await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'ann@example.com' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.member).toMatchObject({ email: 'ann@example.com', subscriptionIds: [cloud()] });
    // The dead subscription's reservation is gone without becoming a seat; the live one's became one.
    expect(await seats(app())).toMatchObject({ assigned: 2, reserved: 0 });
    expect(await seats(cloud())).toMatchObject({ assigned: 1, reserved: 0 });
    expect(h().mailer.sent).toEqual([]);
    const audit = await h().call('GET', h().nw('/audit-events'), { as: OWNER });
    const event = audit.body.items.find((e: any) => e.action === 'invitation.accepted');
    expect(event.data).toMatchObject({ subscriptionIds: [app(), cloud()].sort(), seatsNotGiven: [app()] });
  });

  it('a direct add that completes an invitation follows the same rule', async () => {
    await invite([{ email: 'zed@example.com', role: 'member', subscriptionIds: [cloud()] }]);
    await provision(cloud(), { status: 'canceled' });
    const added = await h().call('POST', h().nw('/members'), { as: ADMIN, body: { email: 'zed@example.com', firstName: 'Zed', lastName: 'Z', role: 'member' } });
    expect(added.status).toBe(201);
    expect(added.body.subscriptionIds).toEqual([]);
    expect(await seats(cloud())).toMatchObject({ assigned: 0, reserved: 0 });
  });

  describe('a subscription brought back to life', () => {
    it('hands out seats again', async () => {
      await provision(cloud(), { status: 'canceled' });
      expect((await assign(cloud(), { memberIds: [h().demo.northwind.adminMemberId] })).body.results.map(outcome)).toEqual(['subscription_inactive']);
      await provision(cloud(), { status: 'active' });
      expect((await assign(cloud(), { memberIds: [h().demo.northwind.adminMemberId] })).body.results.map(outcome)).toEqual(['ok']);
    });
  });
});
