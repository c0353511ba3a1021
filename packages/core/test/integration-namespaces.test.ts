import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoSeed, SeatKitServer } from '@seatkit/server';
import type { SeatKitClient } from '@seatkit/core';
import { ADMIN, clientAs, invitationTokenFor, LAKESIDE_OWNER, MEMBER, OWNER, useRealServer, failure } from './real-server.js';

let server: SeatKitServer;
let demo: DemoSeed;
let owner: SeatKitClient;
let admin: SeatKitClient;
let member: SeatKitClient;
let orgId: string;

const real = useRealServer();
beforeEach(() => {
  ({ server, demo } = real);
  orgId = demo.northwind.orgId;
  owner = clientAs(server, OWNER);
  admin = clientAs(server, ADMIN);
  member = clientAs(server, MEMBER);
});

describe('me', () => {
  it('returns the caller and every membership', async () => {
    const me = await admin.me();
    expect(me.user.email).toBe(ADMIN);
    expect(me.memberships.map((m) => m.organization.name).sort()).toEqual(['Lakeside Clinic', 'Northwind Dental']);
    const northwind = me.memberships.find((m) => m.organization.id === orgId)!;
    expect(northwind.member).toMatchObject({ id: demo.northwind.adminMemberId, role: 'admin' });
    expect(northwind.member.permissions).toContain('members:remove');
  });

  it('is unauthorized without a token', async () => {
    const error = await failure(clientAs(server, null).me());
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(error.requestId).toBeTruthy();
  });
});

describe('organizations', () => {
  it('gets an organization the caller belongs to, and hides the others', async () => {
    await expect(owner.organizations.get({ orgId })).resolves.toMatchObject({ id: orgId, name: 'Northwind Dental', ownerMemberId: demo.northwind.ownerMemberId });
    expect((await failure(clientAs(server, LAKESIDE_OWNER).organizations.get({ orgId }))).code).toBe('not_found');
  });

  it('transfers ownership, owner only', async () => {
    expect((await failure(admin.organizations.transferOwnership({ orgId, memberId: demo.northwind.adminMemberId }))).code).toBe('owner_required');
    const org = await owner.organizations.transferOwnership({ orgId, memberId: demo.northwind.adminMemberId });
    expect(org.ownerMemberId).toBe(demo.northwind.adminMemberId);
    expect((await owner.members.get({ orgId, memberId: demo.northwind.ownerMemberId })).role).toBe('admin');
  });

  it('creates an organization with its owner (provisioning, server key)', async () => {
    const provisioning = clientAs(server, null, { serverKey: 'sk_test' });
    const { organization, owner: newOwner } = await provisioning.organizations.create({
      name: 'Harbor Clinic',
      owner: { email: 'Boss@Harbor.test', firstName: 'Hana', lastName: 'Harbor' },
    });
    expect(organization.ownerMemberId).toBe(newOwner.id);
    expect(newOwner).toMatchObject({ email: 'boss@harbor.test', role: 'owner' });
    expect((await failure(clientAs(server, null, { serverKey: 'wrong' }).organizations.create({ name: 'X', owner: { email: 'x@x.test', firstName: 'X', lastName: 'X' } }))).code).toBe('unauthorized');
  });
});

describe('members', () => {
  it('lists with search, role and status filters and pages', async () => {
    const all = await owner.members.list({ orgId, limit: 200 });
    expect(all.items).toHaveLength(23);
    expect(all.nextCursor).toBeNull();
    const admins = await owner.members.list({ orgId, role: 'admin' });
    expect(admins.items.map((m) => m.email)).toEqual([ADMIN]);
    const search = await owner.members.list({ orgId, query: 'mia' });
    expect(search.items.map((m) => m.email)).toContain(MEMBER);
    const firstPage = await owner.members.list({ orgId, limit: 10 });
    expect(firstPage.items).toHaveLength(10);
    const secondPage = await owner.members.list({ orgId, limit: 10, cursor: firstPage.nextCursor! });
    expect(secondPage.items.map((m) => m.id)).not.toContain(firstPage.items[0]!.id);
    expect((await owner.members.list({ orgId, status: 'suspended' })).items).toEqual([]);
  });

  it('exports the filtered list as a CSV file (a Blob), and says why not in a SeatKitError', async () => {
    const file = await owner.members.export({ orgId, role: 'admin' });
    expect(file).toBeInstanceOf(Blob);
    expect(file.type).toBe('text/csv;charset=utf-8');
    const lines = (await file.text()).split('\r\n');
    expect(lines[0]).toBe('First name,Last name,Email,Role,Status,Seats,Last active,Member since');
    expect(lines.slice(1, -1).map((line) => line.split(',')[2])).toEqual([ADMIN]);
    expect(lines.at(-1)).toBe('');
    const refused = await failure(owner.members.export({ orgId, role: 'Not a role' }));
    expect(refused.code).toBe('validation_failed');
  });

  it('rejects a bad page size with validation_failed', async () => {
    const error = await failure(owner.members.list({ orgId, limit: 0 }));
    expect(error).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(error.details).toBeTruthy();
  });

  it('gets, adds, updates and removes', async () => {
    const added = await admin.members.add({ orgId, email: ' New.Person@Example.com ', firstName: 'New', lastName: 'Person', role: 'member', permissions: ['audit:read'] });
    expect(added).toMatchObject({ email: 'new.person@example.com', role: 'member', grants: ['audit:read'], invitedBy: demo.northwind.adminMemberId });
    expect(added.permissions).toEqual(expect.arrayContaining(['members:read', 'seats:read', 'audit:read']));
    await expect(admin.members.get({ orgId, memberId: added.id })).resolves.toEqual(added);

    const updated = await admin.members.update({ orgId, memberId: added.id, firstName: 'Renamed', status: 'suspended' });
    expect(updated).toMatchObject({ firstName: 'Renamed', lastName: 'Person', status: 'suspended' });

    await expect(admin.members.remove({ orgId, memberId: added.id })).resolves.toBeUndefined();
    expect((await failure(admin.members.get({ orgId, memberId: added.id }))).code).toBe('not_found');
  });

  it('answers already_member, forbidden and validation_failed with their codes', async () => {
    expect((await failure(owner.members.add({ orgId, email: MEMBER, firstName: 'M', lastName: 'M', role: 'member' }))).code).toBe('already_member');
    const forbidden = await failure(member.members.add({ orgId, email: 'x@example.com', firstName: 'X', lastName: 'X', role: 'member' }));
    expect(forbidden).toMatchObject({ code: 'forbidden', status: 403 });
    expect(JSON.stringify(forbidden.details ?? forbidden.message)).toContain('members:invite');
    const invalid = await failure(owner.members.add({ orgId, email: 'not-an-email', firstName: '', lastName: 'X', role: 'member' }));
    expect(invalid.code).toBe('validation_failed');
  });
});

describe('invitations', () => {
  it('lists, creates in bulk with per-item results, resends and revokes', async () => {
    const pending = await admin.invitations.list({ orgId, status: 'pending' });
    expect(pending.items.map((i) => i.id)).toContain(demo.northwind.pendingInvitationId);

    const { results } = await admin.invitations.create({
      orgId,
      invitations: [
        { email: 'Ann@Example.com', role: 'member', firstName: 'Ann' },
        { email: MEMBER, role: 'member' },
        { email: 'bad-address', role: 'member' },
        { email: 'ben@example.com', role: 'admin' },
      ],
    });
    expect(results.map((r) => [r.email, r.ok, r.ok ? r.invitation.role : r.error.code])).toEqual([
      ['ann@example.com', true, 'member'],
      [MEMBER, false, 'already_member'],
      ['bad-address', false, 'validation_failed'],
      ['ben@example.com', true, 'admin'],
    ]);

    // Inviting a pending email again returns that invitation.
    const first = results[0]!;
    const again = await admin.invitations.create({ orgId, invitations: [{ email: 'ann@example.com', role: 'member' }] });
    expect(again.results[0]!.ok && first.ok && again.results[0]!.invitation.id === first.invitation.id).toBe(true);

    if (!first.ok) throw new Error('unreachable');
    const resent = await admin.invitations.resend({ orgId, invitationId: first.invitation.id });
    expect(resent.status).toBe('pending');
    expect(Date.parse(resent.expiresAt)).toBeGreaterThanOrEqual(Date.parse(first.invitation.expiresAt));

    const revoked = await admin.invitations.revoke({ orgId, invitationId: first.invitation.id });
    expect(revoked.status).toBe('revoked');
    expect((await failure(admin.invitations.resend({ orgId, invitationId: first.invitation.id }))).code).toBe('invitation_not_pending');
  });

  it('previews without a token and accepts as the invited email', async () => {
    await admin.invitations.create({ orgId, invitations: [{ email: 'zoe@example.com', role: 'member' }] });
    const token = await invitationTokenFor(server, 'zoe@example.com');

    const preview = await clientAs(server, null).invitations.preview({ token });
    expect(preview).toMatchObject({ email: 'zoe@example.com', role: 'member', status: 'pending', organization: { id: orgId, name: 'Northwind Dental' } });

    expect((await failure(member.invitations.accept({ token }))).code).toBe('forbidden');
    const accepted = await clientAs(server, 'zoe@example.com').invitations.accept({ token });
    expect(accepted.organization.id).toBe(orgId);
    expect(accepted.member).toMatchObject({ email: 'zoe@example.com', role: 'member' });
    expect((await failure(clientAs(server, 'zoe@example.com').invitations.accept({ token }))).code).toBe('invitation_not_pending');
    expect((await failure(clientAs(server, null).invitations.preview({ token: 'no-such-token' }))).code).toBe('not_found');
  });
});

describe('roles', () => {
  it('lists, creates, updates and removes custom roles', async () => {
    const { items } = await owner.roles.list({ orgId });
    expect(items.filter((r) => r.builtIn).map((r) => r.key).sort()).toEqual(['admin', 'member', 'owner']);

    const role = await owner.roles.create({ orgId, key: 'billing', name: 'Billing', permissions: ['seats:read', 'seats:assign'] });
    expect(role).toEqual({ key: 'billing', name: 'Billing', permissions: ['seats:read', 'seats:assign'], builtIn: false });
    const updated = await owner.roles.update({ orgId, roleKey: 'billing', name: 'Billing team', permissions: ['seats:read'] });
    expect(updated).toMatchObject({ name: 'Billing team', permissions: ['seats:read'] });

    expect((await failure(member.roles.create({ orgId, key: 'x', name: 'X', permissions: [] }))).code).toBe('forbidden');
    await expect(owner.roles.remove({ orgId, roleKey: 'billing' })).resolves.toBeUndefined();
    expect((await owner.roles.list({ orgId })).items.map((r) => r.key)).not.toContain('billing');
  });
});

describe('subscriptions, seats and access', () => {
  it('lists subscriptions with seat counts', async () => {
    const { items } = await member.subscriptions.list({ orgId });
    const app = items.find((s) => s.id === demo.northwind.subscriptions.imagingApp)!;
    const cloud = items.find((s) => s.id === demo.northwind.subscriptions.imagingCloud)!;
    expect(app).toMatchObject({ product: { key: 'imaging-app', name: 'Imaging App' }, seatLimit: 5, status: 'active' });
    expect(app.seats).toMatchObject({ total: 5, assigned: 2 });
    expect(cloud.seats).toMatchObject({ total: 2, assigned: 0, available: 2 });
  });

  it('lists, assigns with per-item results and unassigns seats', async () => {
    const subscriptionId = demo.northwind.subscriptions.imagingCloud;
    const { results } = await admin.seats.assign({
      orgId,
      subscriptionId,
      memberIds: [demo.northwind.adminMemberId, demo.northwind.memberMemberId, demo.northwind.memberMemberId, 'mem_missing'],
    });
    expect(results.map((r) => ['memberId' in r ? r.memberId : r.invitationId, r.ok ? 'ok' : r.error.code])).toEqual([
      [demo.northwind.adminMemberId, 'ok'],
      [demo.northwind.memberMemberId, 'ok'],
      [demo.northwind.memberMemberId, 'already_assigned'],
      ['mem_missing', 'not_found'],
    ]);
    const seats = await admin.seats.list({ orgId, subscriptionId });
    expect(seats.items.map((s) => s.memberId).sort()).toEqual([demo.northwind.adminMemberId, demo.northwind.memberMemberId].sort());

    const full = await admin.seats.assign({ orgId, subscriptionId, memberIds: [demo.northwind.ownerMemberId] });
    expect(full.results[0]!.ok ? 'ok' : full.results[0]!.error.code).toBe('seats_exhausted');

    await expect(admin.seats.unassign({ orgId, subscriptionId, memberId: demo.northwind.memberMemberId })).resolves.toBeUndefined();
    expect((await admin.seats.list({ orgId, subscriptionId })).items).toHaveLength(1);
    expect((await failure(member.seats.assign({ orgId, subscriptionId, memberIds: [demo.northwind.memberMemberId] }))).code).toBe('forbidden');
  });

  it('checks access for the caller and, for admins, another member', async () => {
    const subscriptionId = demo.northwind.subscriptions.imagingCloud;
    expect(await member.access.check({ orgId, product: 'imaging-cloud' })).toEqual({ allowed: false, reason: 'no_seat' });
    await admin.seats.assign({ orgId, subscriptionId, memberIds: [demo.northwind.memberMemberId] });
    expect(await member.access.check({ orgId, product: 'imaging-cloud' })).toMatchObject({ allowed: true, subscriptionId });
    expect(await admin.access.check({ orgId, product: 'imaging-cloud', memberId: demo.northwind.memberMemberId })).toMatchObject({ allowed: true });
  });

  it('creates and resizes subscriptions and products (provisioning)', async () => {
    const provisioning = clientAs(server, null, { serverKey: 'sk_test' });
    const product = await provisioning.products.create({ key: 'imaging-ai', name: 'Imaging AI' });
    expect(product).toMatchObject({ key: 'imaging-ai', name: 'Imaging AI' });
    const subscription = await provisioning.subscriptions.create({ orgId, productKey: 'imaging-ai', seatLimit: 1 });
    expect(subscription).toMatchObject({ product: { key: 'imaging-ai' }, seatLimit: 1, seats: { total: 1, assigned: 0, available: 1 } });
    await admin.seats.assign({ orgId, subscriptionId: subscription.id, memberIds: [demo.northwind.adminMemberId] });
    expect((await failure(provisioning.subscriptions.update({ orgId, subscriptionId: subscription.id, seatLimit: 0 }))).code).toBe('seats_in_use');
    const resized = await provisioning.subscriptions.update({ orgId, subscriptionId: subscription.id, seatLimit: 3, status: 'past_due' });
    expect(resized).toMatchObject({ seatLimit: 3, status: 'past_due', seats: { assigned: 1, available: 2 } });
    // A user token does not open provisioning routes.
    expect((await failure(clientAs(server, OWNER).products.create({ key: 'x', name: 'X' }))).code).toBe('unauthorized');
  });
});

describe('audit', () => {
  it('records mutations, newest first', async () => {
    const added = await owner.members.add({ orgId, email: 'audited@example.com', firstName: 'Au', lastName: 'Dit', role: 'member' });
    await owner.members.update({ orgId, memberId: added.id, lastName: 'Dited' });
    const { items } = await owner.audit.list({ orgId, limit: 5 });
    expect(items[0]).toMatchObject({ actorMemberId: demo.northwind.ownerMemberId, targetId: added.id });
    expect(items[1]).toMatchObject({ targetId: added.id });
    expect(items[0]!.action).not.toBe(items[1]!.action);
    expect((await failure(member.audit.list({ orgId }))).code).toBe('forbidden');
  });
});
