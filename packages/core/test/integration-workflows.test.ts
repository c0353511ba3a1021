/**
 * The three help-center workflows (docs/domain.md), end to end through the client against the real server.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoSeed, SeatKitServer } from '@seatkit/server';
import { describeError, parseEmailList, type SeatKitClient } from '@seatkit/core';
import { ADMIN, clientAs, invitationTokenFor, LAKESIDE_OWNER, MEMBER, OWNER, useRealServer, failure } from './real-server.js';

let server: SeatKitServer;
let demo: DemoSeed;
let orgId: string;
let admin: SeatKitClient;
let owner: SeatKitClient;

const mailsTo = async (to: string) => (await server.mailbox()).filter((mail) => mail.to === to);

const real = useRealServer();
beforeEach(() => {
  ({ server, demo } = real);
  orgId = demo.northwind.orgId;
  admin = clientAs(server, ADMIN);
  owner = clientAs(server, OWNER);
});

describe('workflow 1: license assignment (dental imaging cloud)', () => {
  it('assigns seats to the admin and a linked user, invites an outsider with a reserved seat, and gates access', async () => {
    // The dashboard lists both products' subscriptions with their seats.
    const { items: subscriptions } = await admin.subscriptions.list({ orgId });
    expect(subscriptions.map((s) => s.product.name).sort()).toEqual(['Imaging App', 'Imaging Cloud']);
    const cloud = subscriptions.find((s) => s.product.key === 'imaging-cloud')!;
    expect(cloud.seats).toEqual({ total: 2, assigned: 0, reserved: 0, idle: 0, requested: 1, available: 2 });

    // "Assign Subscription": the picker lists members; the admin picks themself.
    const me = await admin.me();
    const self = me.memberships.find((m) => m.organization.id === orgId)!.member;
    const picker = await admin.members.list({ orgId, limit: 200 });
    expect(picker.items.map((m) => m.id)).toContain(self.id);
    const assigned = await admin.seats.assign({ orgId, subscriptionId: cloud.id, memberIds: [self.id] });
    expect(assigned.results).toMatchObject([{ ok: true, memberId: self.id }]);

    // An external person is invited into the directory with the last seat reserved for them.
    const invite = await admin.invitations.create({
      orgId,
      invitations: [{ email: 'dr.outside@clinic.test', role: 'member', firstName: 'Dora', lastName: 'Outside', subscriptionIds: [cloud.id] }],
    });
    expect(invite.results[0]).toMatchObject({ ok: true, invitation: { subscriptionIds: [cloud.id] } });
    const afterInvite = (await admin.subscriptions.list({ orgId })).items.find((s) => s.id === cloud.id)!;
    expect(afterInvite.seats).toEqual({ total: 2, assigned: 1, reserved: 1, idle: 0, requested: 1, available: 0 });

    // No seat left for anyone else: the reservation holds.
    const full = await admin.seats.assign({ orgId, subscriptionId: cloud.id, memberIds: [demo.northwind.memberMemberId] });
    expect(full.results[0]).toMatchObject({ ok: false, error: { code: 'seats_exhausted' } });

    // The outsider accepts; the reservation becomes the assignment without taking a second seat.
    const token = await invitationTokenFor(server, 'dr.outside@clinic.test');
    const outsider = clientAs(server, 'dr.outside@clinic.test');
    const { member } = await outsider.invitations.accept({ token });
    expect(member.subscriptionIds).toEqual([cloud.id]);
    const afterAccept = (await admin.subscriptions.list({ orgId })).items.find((s) => s.id === cloud.id)!;
    expect(afterAccept.seats).toEqual({ total: 2, assigned: 2, reserved: 0, idle: 0, requested: 1, available: 0 });
    expect(await outsider.access.check({ orgId, product: 'imaging-cloud' })).toMatchObject({ allowed: true, subscriptionId: cloud.id });

    // A user without a license sees access denied, with the reason.
    const denied = await clientAs(server, MEMBER).access.check({ orgId, product: 'imaging-cloud' });
    expect(denied).toEqual({ allowed: false, reason: 'no_seat' });
  });

  it('denies access when the subscription expires or is canceled, or the member is suspended', async () => {
    const app = demo.northwind.subscriptions.imagingApp;
    const provisioning = clientAs(server, null, { serverKey: 'sk_test' });
    const holder = (await admin.seats.list({ orgId, subscriptionId: app })).items[0]!;
    expect(await admin.access.check({ orgId, product: 'imaging-app', memberId: holder.memberId })).toMatchObject({ allowed: true });

    await owner.members.update({ orgId, memberId: holder.memberId, status: 'suspended' });
    expect(await admin.access.check({ orgId, product: 'imaging-app', memberId: holder.memberId })).toMatchObject({ allowed: false, reason: 'member_suspended' });
    await owner.members.update({ orgId, memberId: holder.memberId, status: 'active' });

    await provisioning.subscriptions.update({ orgId, subscriptionId: app, expiresAt: '2020-01-01T00:00:00.000Z' });
    expect(await admin.access.check({ orgId, product: 'imaging-app', memberId: holder.memberId })).toMatchObject({ allowed: false, reason: 'subscription_expired' });

    await provisioning.subscriptions.update({ orgId, subscriptionId: app, expiresAt: null, status: 'canceled' });
    expect(await admin.access.check({ orgId, product: 'imaging-app', memberId: holder.memberId })).toMatchObject({ allowed: false, reason: 'subscription_inactive' });
  });
});

describe('workflow 2: account users (marketing platform)', () => {
  it('adds a user who gets the account details, modifies them, and deletes them with a notice', async () => {
    const added = await admin.members.add({
      orgId,
      firstName: 'Paula',
      lastName: 'Planner',
      email: 'paula@agency.test',
      role: 'member',
      permissions: ['members:invite'],
    });
    expect(added.permissions).toContain('members:invite');
    const [welcome] = await mailsTo('paula@agency.test');
    expect(welcome!.subject).toBe('Your account in Northwind Dental');

    // The new user can sign in at once and sees the organization.
    const paula = clientAs(server, 'paula@agency.test');
    expect((await paula.me()).memberships.map((m) => m.organization.id)).toEqual([orgId]);

    // Modify name, email and permissions, then save.
    const saved = await admin.members.update({
      orgId,
      memberId: added.id,
      firstName: 'Paula',
      lastName: 'Planner-Smith',
      email: 'paula.smith@agency.test',
      permissions: ['audit:read'],
    });
    expect(saved).toMatchObject({ lastName: 'Planner-Smith', email: 'paula.smith@agency.test', grants: ['audit:read'] });
    expect(saved.permissions).not.toContain('members:invite');
    expect(saved.permissions).toContain('audit:read');

    // Delete (after the confirmation dialog): the user is told the account is queued for deletion.
    await admin.members.remove({ orgId, memberId: added.id });
    const notices = await mailsTo('paula.smith@agency.test');
    expect(notices.map((mail) => mail.subject)).toContain('Your account in Northwind Dental is queued for deletion');
    expect((await failure(admin.members.get({ orgId, memberId: added.id }))).code).toBe('not_found');
  });
});

describe('workflow 3: institution users (ultrasound cloud)', () => {
  it('invites several people with a role each, who accept, belong to two institutions, and lose access when removed', async () => {
    // Pasted rows, each with its own role.
    const pasted = parseEmailList('email,role\nsono.one@hospital.test,member\nSono Two <sono.two@hospital.test>,admin\nbroken-address,member');
    expect(pasted.invalid).toEqual([{ line: 4, text: 'broken-address', reason: 'invalid_email' }]);
    const { results } = await admin.invitations.create({
      orgId,
      invitations: pasted.entries.map(({ email, role }) => ({ email, role: role ?? 'member' })),
    });
    expect(results.map((r) => [r.email, r.ok && r.invitation.role])).toEqual([
      ['sono.one@hospital.test', 'member'],
      ['sono.two@hospital.test', 'admin'],
    ]);

    // Each invitee gets an email, accepts (a new user), and lands in the institution.
    for (const email of ['sono.one@hospital.test', 'sono.two@hospital.test']) {
      const [mail] = await mailsTo(email);
      expect(mail!.subject).toBe('You are invited to join Northwind Dental');
      const accepted = await clientAs(server, email).invitations.accept({ token: await invitationTokenFor(server, email) });
      expect(accepted.organization.name).toBe('Northwind Dental');
    }

    // The same person joins a second institution with the same email and can switch.
    const lakeside = clientAs(server, LAKESIDE_OWNER);
    await lakeside.invitations.create({ orgId: demo.lakeside.orgId, invitations: [{ email: 'sono.one@hospital.test', role: 'member' }] });
    const sono = clientAs(server, 'sono.one@hospital.test');
    await sono.invitations.accept({ token: await invitationTokenFor(server, 'sono.one@hospital.test') });
    const memberships = (await sono.me()).memberships;
    expect(memberships.map((m) => m.organization.name).sort()).toEqual(['Lakeside Clinic', 'Northwind Dental']);
    for (const m of memberships) await expect(sono.organizations.get({ orgId: m.organization.id })).resolves.toMatchObject({ id: m.organization.id });

    // The list filters by role.
    const admins = await admin.members.list({ orgId, role: 'admin' });
    expect(admins.items.map((m) => m.email).sort()).toEqual([ADMIN, 'sono.two@hospital.test']);

    // Admins can be removed only by the main contact.
    const sonoTwo = admins.items.find((m) => m.email === 'sono.two@hospital.test')!;
    const refused = await failure(admin.members.remove({ orgId, memberId: sonoTwo.id }));
    expect(refused.code).toBe('owner_required');
    expect(describeError(refused)).toBe('Only the owner of the organization can do that.');
    await owner.members.remove({ orgId, memberId: sonoTwo.id });

    // A removed user loses access to everything of the institution at once, and keeps the other one.
    const sonoOne = (await admin.members.list({ orgId, query: 'sono.one' })).items[0]!;
    await admin.members.remove({ orgId, memberId: sonoOne.id });
    expect((await sono.me()).memberships.map((m) => m.organization.name)).toEqual(['Lakeside Clinic']);
    expect((await failure(sono.organizations.get({ orgId }))).code).toBe('not_found');
    expect((await failure(sono.members.list({ orgId }))).code).toBe('not_found');
    expect((await failure(clientAs(server, 'sono.two@hospital.test').members.list({ orgId }))).code).toBe('not_found');
  });

  it('never lets anyone remove the owner', async () => {
    const error = await failure(owner.members.remove({ orgId, memberId: demo.northwind.ownerMemberId }));
    expect(error.code).toBe('last_owner');
  });
});
