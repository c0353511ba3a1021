import type { Member } from '@seatkit/core';
import { BUILT_IN_ROLE_PERMISSIONS } from '@seatkit/core';
import { describe, expect, test } from 'vitest';
import { memberActionState } from './member-rules.js';

const person = (id: string, role: 'owner' | 'admin' | 'member', extra: Member['permissions'] = []) =>
  ({ id, role, permissions: [...BUILT_IN_ROLE_PERMISSIONS[role], ...extra] }) as Pick<Member, 'id' | 'role' | 'permissions'>;

const owner = person('o', 'owner');
const admin = person('a', 'admin');
const otherAdmin = person('a2', 'admin');
const member = person('m', 'member');

describe('memberActionState mirrors the server rules', () => {
  test('nobody removes the owner or changes its role, not even the owner', () => {
    expect(memberActionState(owner, owner, 'remove')).toEqual({ allowed: false, reason: 'target_is_owner' });
    expect(memberActionState(admin, owner, 'changeRole')).toEqual({ allowed: false, reason: 'target_is_owner' });
    // Editing names of the owner is not a role change.
    expect(memberActionState(admin, owner, 'edit')).toEqual({ allowed: true });
  });

  test('only the owner removes or re-roles an admin', () => {
    expect(memberActionState(admin, otherAdmin, 'remove')).toEqual({ allowed: false, reason: 'admin_needs_owner' });
    expect(memberActionState(admin, admin, 'changeRole')).toEqual({ allowed: false, reason: 'admin_needs_owner' });
    expect(memberActionState(owner, admin, 'remove')).toEqual({ allowed: true });
    expect(memberActionState(admin, member, 'remove')).toEqual({ allowed: true });
  });

  test('a missing permission is named', () => {
    expect(memberActionState(member, member, 'edit')).toEqual({ allowed: false, reason: 'missing_permission', permission: 'members:update' });
    expect(memberActionState(member, member, 'assignSeat')).toEqual({ allowed: false, reason: 'missing_permission', permission: 'seats:assign' });
    // A grant on top of the role is enough.
    expect(memberActionState(person('g', 'member', ['members:remove']), member, 'remove')).toEqual({ allowed: true });
  });

  test('an unknown caller may do nothing', () => {
    expect(memberActionState(undefined, member, 'edit')).toEqual({ allowed: false, reason: 'unknown_actor' });
  });
});
