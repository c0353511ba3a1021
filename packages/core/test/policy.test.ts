import {
  assignableRoles,
  BUILT_IN_ROLE_PERMISSIONS,
  canGrant,
  canHandOutSeats,
  seatGivingStatuses,
  DENIAL_ERROR_CODE,
  ERROR_STATUS,
  memberPolicy,
  PERMISSIONS,
  roleGrantability,
  subscriptionUsability,
  SubscriptionStatusSchema,
  type PolicyActor,
} from '@seatkit/core';
import { describe, expect, test } from 'vitest';

const person = (id: string, role: 'owner' | 'admin' | 'member' | 'support', permissions: readonly string[] = BUILT_IN_ROLE_PERMISSIONS[role as 'member'] ?? []): PolicyActor => ({
  id,
  role,
  permissions,
});
const owner = person('o', 'owner');
const admin = person('a', 'admin');
const otherAdmin = person('a2', 'admin');
const member = person('m', 'member');
// A custom role that may edit and remove members but holds nothing else.
const support = person('s', 'support', ['members:read', 'members:update', 'members:remove']);

describe('memberPolicy', () => {
  test('the owner is never removed, suspended or re-roled, not even by itself', () => {
    for (const action of ['remove', 'changeRole', 'changeStatus'] as const) {
      expect(memberPolicy(owner, owner, action)).toEqual({ allowed: false, reason: 'target_is_owner' });
      expect(memberPolicy(admin, owner, action)).toEqual({ allowed: false, reason: 'target_is_owner' });
    }
    // Its names and grants are edited like anyone's; its email only by itself.
    expect(memberPolicy(admin, owner, 'edit')).toEqual({ allowed: true });
    expect(memberPolicy(admin, owner, 'changeEmail')).toEqual({ allowed: false, reason: 'owner_needs_owner' });
    expect(memberPolicy(owner, owner, 'changeEmail')).toEqual({ allowed: true });
  });

  test('only the owner acts on another admin', () => {
    for (const action of ['remove', 'changeRole', 'changeStatus', 'changeGrants', 'changeEmail'] as const) {
      expect(memberPolicy(admin, otherAdmin, action)).toEqual({ allowed: false, reason: 'admin_needs_owner' });
      expect(memberPolicy(owner, otherAdmin, action)).toEqual({ allowed: true });
    }
    expect(memberPolicy(admin, otherAdmin, 'edit')).toEqual({ allowed: true });
    expect(memberPolicy(support, admin, 'remove')).toEqual({ allowed: false, reason: 'admin_needs_owner' });
  });

  test('an admin may leave, step down and change its own grants and email, but not its own status', () => {
    for (const action of ['remove', 'changeRole', 'changeGrants', 'changeEmail', 'edit'] as const) {
      expect(memberPolicy(admin, admin, action)).toEqual({ allowed: true });
    }
    expect(memberPolicy(admin, admin, 'changeStatus')).toEqual({ allowed: false, reason: 'self_status' });
    expect(memberPolicy(support, support, 'changeStatus')).toEqual({ allowed: false, reason: 'self_status' });
  });

  test('a missing permission is named first', () => {
    expect(memberPolicy(member, member, 'edit')).toEqual({ allowed: false, reason: 'missing_permission', permission: 'members:update' });
    expect(memberPolicy(member, owner, 'remove')).toEqual({ allowed: false, reason: 'missing_permission', permission: 'members:remove' });
    expect(memberPolicy(support, member, 'assignSeat')).toEqual({ allowed: false, reason: 'missing_permission', permission: 'seats:assign' });
    expect(memberPolicy(person('g', 'member', ['members:remove']), member, 'remove')).toEqual({ allowed: true });
  });

  test('only the owner transfers ownership, to an active member', () => {
    expect(memberPolicy(admin, member, 'transferOwnership')).toEqual({ allowed: false, reason: 'not_owner' });
    expect(memberPolicy(owner, { ...member, status: 'suspended' }, 'transferOwnership')).toEqual({ allowed: false, reason: 'target_not_active' });
    expect(memberPolicy(owner, { ...member, status: 'active' }, 'transferOwnership')).toEqual({ allowed: true });
    expect(memberPolicy(owner, owner, 'transferOwnership')).toEqual({ allowed: true });
  });

  test('an unknown actor may do nothing', () => {
    expect(memberPolicy(undefined, member, 'edit')).toEqual({ allowed: false, reason: 'unknown_actor' });
  });

  test('every refusal names a server error with a status', () => {
    for (const code of Object.values(DENIAL_ERROR_CODE)) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });
});

describe('grants and roles', () => {
  const roles = [
    { key: 'owner', permissions: PERMISSIONS },
    { key: 'admin', permissions: PERMISSIONS },
    { key: 'member', permissions: BUILT_IN_ROLE_PERMISSIONS.member },
    { key: 'auditor', permissions: ['members:read', 'audit:read'] as const },
  ];

  test('an actor gives only permissions it holds', () => {
    expect(canGrant(support, ['members:update'])).toEqual({ allowed: true });
    expect(canGrant(support, ['members:update', 'seats:assign'])).toEqual({ allowed: false, reason: 'missing_permission', permission: 'seats:assign' });
    expect(canGrant(support, [])).toEqual({ allowed: true });
    // The provisioning key acts without a membership and is not limited.
    expect(canGrant(null, ['audit:read'])).toEqual({ allowed: true });
  });

  test('owner is never given; a role only with all its permissions', () => {
    expect(roleGrantability(owner, roles[0]!)).toEqual({ allowed: false, reason: 'owner_role' });
    expect(roleGrantability(support, roles[1]!)).toEqual({ allowed: false, reason: 'missing_permission', permission: 'members:invite' });
    expect(assignableRoles(admin, roles).map((r) => r.key)).toEqual(['admin', 'member', 'auditor']);
    expect(assignableRoles(support, roles).map((r) => r.key)).toEqual([]);
    expect(assignableRoles(person('x', 'support', ['members:read', 'seats:read']), roles).map((r) => r.key)).toEqual(['member']);
  });
});

describe('subscriptionUsability', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const sub = (status: 'active' | 'past_due' | 'canceled', expiresAt: string | null, available?: number) => ({
    status,
    expiresAt,
    ...(available === undefined ? {} : { seats: { available } }),
  });

  test('live means active and not past its expiry', () => {
    expect(subscriptionUsability(sub('active', null), now)).toEqual({ allowed: true });
    expect(subscriptionUsability(sub('active', '2026-06-01T12:00:01Z'), now)).toEqual({ allowed: true });
    // An expiry at this very instant has passed, as on the server.
    expect(subscriptionUsability(sub('active', '2026-06-01T12:00:00Z'), now)).toEqual({ allowed: false, reason: 'expired' });
    expect(subscriptionUsability(sub('past_due', null), now)).toEqual({ allowed: false, reason: 'past_due' });
    expect(subscriptionUsability(sub('canceled', null), now)).toEqual({ allowed: false, reason: 'canceled' });
  });

  test('expiry is told before status, and fullness only when seats are given', () => {
    expect(subscriptionUsability(sub('canceled', '2020-01-01T00:00:00Z'), now)).toEqual({ allowed: false, reason: 'expired' });
    expect(subscriptionUsability(sub('active', null, 0), now)).toEqual({ allowed: false, reason: 'full' });
    expect(subscriptionUsability(sub('canceled', null, 0), now)).toEqual({ allowed: false, reason: 'canceled' });
    expect(subscriptionUsability({ status: 'active', expiresAt: new Date('2026-07-01'), seats: { available: 1 } }, now)).toEqual({ allowed: true });
  });
});

describe('canHandOutSeats', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const sub = (status: 'active' | 'past_due' | 'canceled', expiresAt: string | null, available?: number) => ({
    status,
    expiresAt,
    ...(available === undefined ? {} : { seats: { available } }),
  });

  test('seatGivingStatuses lists the statuses that hand out seats before expiry, for statements that decide in bulk', () => {
    expect(seatGivingStatuses()).toEqual(['active', 'past_due']);
    for (const status of SubscriptionStatusSchema.options) {
      expect(seatGivingStatuses().includes(status)).toBe(canHandOutSeats(sub(status, null), now).allowed);
    }
  });

  test('a dead subscription (canceled, or past its expiry) hands out nothing; past due still does', () => {
    expect(canHandOutSeats(sub('active', null), now)).toEqual({ allowed: true, pastDue: false });
    expect(canHandOutSeats(sub('past_due', null), now)).toEqual({ allowed: true, pastDue: true });
    expect(canHandOutSeats(sub('canceled', null), now)).toEqual({ allowed: false, reason: 'canceled' });
    expect(canHandOutSeats(sub('active', '2026-06-01T12:00:00Z'), now)).toEqual({ allowed: false, reason: 'expired' });
    expect(canHandOutSeats(sub('past_due', '2020-01-01T00:00:00Z'), now)).toEqual({ allowed: false, reason: 'expired' });
  });

  test('dead before full; a past-due subscription can be full', () => {
    expect(canHandOutSeats(sub('active', null, 0), now)).toEqual({ allowed: false, reason: 'full' });
    expect(canHandOutSeats(sub('past_due', null, 0), now)).toEqual({ allowed: false, reason: 'full' });
    expect(canHandOutSeats(sub('canceled', null, 0), now)).toEqual({ allowed: false, reason: 'canceled' });
    expect(canHandOutSeats(sub('past_due', null, 1), now)).toEqual({ allowed: true, pastDue: true });
  });

  test('agrees with subscriptionUsability on what is dead', () => {
    for (const status of ['active', 'past_due', 'canceled'] as const) {
      for (const expiresAt of [null, '2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z']) {
        const usability = subscriptionUsability(sub(status, expiresAt), now);
        const dead = !usability.allowed && usability.reason !== 'past_due';
        expect(canHandOutSeats(sub(status, expiresAt), now).allowed).toBe(!dead);
      }
    }
  });
});
