import { defaultErrorMessages, describeError, SeatKitError } from '@seatkit/core';
import { describe, expect, test } from 'vitest';
import { en } from './en/index.js';
import { fr } from './fr/index.js';
import { memberName, refusalText, roleLabel } from './formatters.js';

describe('memberName', () => {
  test('joins the names, and falls back to the email for a nameless member', () => {
    expect(memberName({ firstName: 'Nora', lastName: 'Quist', email: 'nora@example.com' })).toBe('Nora Quist');
    expect(memberName({ firstName: 'Nora', lastName: '', email: 'nora@example.com' })).toBe('Nora');
    expect(memberName({ firstName: '', lastName: '', email: 'nora@example.com' })).toBe('nora@example.com');
  });
});

describe('roleLabel', () => {
  test('built-in roles are localized; a custom role shows its own name, else the name the response carried, else its key', () => {
    expect(roleLabel('admin', undefined, en)).toBe('Admin');
    expect(roleLabel('admin', undefined, fr)).toBe(fr.common.roles.admin);
    const roles = [{ key: 'billing', name: 'Billing', permissions: [], builtIn: false }];
    expect(roleLabel('billing', roles, en)).toBe('Billing');
    expect(roleLabel('billing', undefined, en, 'Billing team')).toBe('Billing team');
    expect(roleLabel('billing', undefined, en)).toBe('billing');
  });
});

describe('refusalText', () => {
  test('every reason of core’s member policy has a sentence in both locales; unknown_actor waits silently', () => {
    const reasons = ['target_is_owner', 'admin_needs_owner', 'owner_needs_owner', 'self_status', 'not_owner', 'target_not_active', 'owner_role'];
    for (const messages of [en, fr]) {
      for (const reason of reasons) expect(refusalText({ allowed: false, reason }, messages), reason).toMatch(/\S/);
    }
    expect(refusalText({ allowed: false, reason: 'unknown_actor' }, en)).toBeNull();
    expect(refusalText({ allowed: true }, en)).toBeNull();
  });

  test('a missing permission names it; the remove dialog keeps its own wording', () => {
    const missing = { allowed: false, reason: 'missing_permission', permission: 'members:remove' } as const;
    expect(refusalText(missing, en)).toBe('You need the “Remove members” permission to do this.');
    expect(refusalText(missing, en, 'remove')).toBe(en.removeMember.noPermission);
    expect(refusalText({ allowed: false, reason: 'admin_needs_owner' }, en, 'remove')).toBe(en.removeMember.adminReason);
    expect(refusalText({ allowed: false, reason: 'admin_needs_owner' }, en)).toBe(en.members.adminReason);
  });
});

test('the kit’s English error sentences are core’s: one wording whether a host calls describeError or a component does', () => {
  expect(en.common.errors).toBe(defaultErrorMessages);
  const error = new SeatKitError({ code: 'seats_exhausted', message: 'no seats', status: 409 });
  expect(describeError(error, en.common.errors)).toBe(describeError(error));
  expect(describeError(error, fr.common.errors)).toBe(fr.common.errors.seats_exhausted);
});
