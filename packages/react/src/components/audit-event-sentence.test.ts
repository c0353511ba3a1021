import type { AuditEvent } from '@seatkit/core';
import { describe, expect, test } from 'vitest';
import { en, fr } from '../messages/index.js';
import { auditSentence, relativeTime, type AuditNames } from './audit-event-sentence.js';

const names: AuditNames = {
  members: new Map([['mem_o', 'Olivia Owner'], ['mem_m', 'Mia Member']]),
  products: new Map([['imaging-cloud', 'Imaging Cloud']]),
  subscriptions: new Map([['sub_c', 'Imaging Cloud']]),
  roles: [{ key: 'auditor', name: 'Auditor', permissions: ['audit:read'], builtIn: false }],
};

const event = (overrides: Partial<AuditEvent>): AuditEvent => ({
  id: 'aud_1',
  orgId: 'org_1',
  actorMemberId: 'mem_o',
  actorEmail: 'owner@northwind.test',
  action: 'seat.assigned',
  targetType: 'member',
  targetId: 'mem_m',
  data: {},
  requestId: null,
  createdAt: '2026-12-05T10:00:00.000Z',
  ...overrides,
});

describe('auditSentence', () => {
  test('names from the members list, products from the subscriptions', () => {
    expect(auditSentence(event({ data: { subscriptionId: 'sub_c', product: 'imaging-cloud' } }), names, en, 'en')).toBe(
      'Olivia Owner assigned Imaging Cloud to Mia Member',
    );
  });

  test('fallbacks: the event’s email, then Someone / someone', () => {
    const unknown = event({ actorMemberId: 'mem_gone', targetId: 'mem_gone_too', data: { product: 'imaging-cloud' } });
    expect(auditSentence(unknown, names, en, 'en')).toBe('owner@northwind.test assigned Imaging Cloud to someone');
    expect(auditSentence({ ...unknown, actorMemberId: null, actorEmail: null }, names, en, 'en')).toBe('Someone assigned Imaging Cloud to someone');
    expect(auditSentence({ ...unknown, actorMemberId: null, actorEmail: null }, names, fr, 'fr')).toBe('Quelqu’un a attribué Imaging Cloud à quelqu’un');
  });

  test('member.updated: a role change, a suspension, anything else', () => {
    const role = event({ action: 'member.updated', data: { changes: { role: { from: 'member', to: 'auditor' } } } });
    expect(auditSentence(role, names, en, 'en')).toBe('Olivia Owner changed the role of Mia Member from Member to Auditor');
    const suspended = event({ action: 'member.updated', data: { changes: { status: { from: 'active', to: 'suspended' } } } });
    expect(auditSentence(suspended, names, en, 'en')).toBe('Olivia Owner suspended Mia Member');
    const both = event({ action: 'member.updated', data: { changes: { firstName: true, lastName: true } } });
    expect(auditSentence(both, names, en, 'en')).toBe('Olivia Owner changed the details of Mia Member');
  });

  test('roles, organizations, requests and an unknown action', () => {
    expect(auditSentence(event({ action: 'role.created', targetType: 'role', targetId: 'auditor', data: { name: 'Auditor' } }), names, en, 'en')).toBe(
      'Olivia Owner created the role Auditor',
    );
    expect(auditSentence(event({ action: 'organization.created', actorMemberId: null, actorEmail: null, data: { name: 'Northwind Dental' } }), names, en, 'en')).toBe(
      'The organization Northwind Dental was created',
    );
    expect(
      auditSentence(event({ action: 'seat_request.denied', targetType: 'seat_request', targetId: 'req_1', data: { product: 'imaging-cloud', memberId: 'mem_m' } }), names, fr, 'fr'),
    ).toBe('Olivia Owner a refusé la demande de Mia Member pour Imaging Cloud');
    expect(auditSentence(event({ action: 'billing.exported' }), names, en, 'en')).toBe('Olivia Owner did billing.exported');
  });

  test('organization.updated: the language change from the locales the server recorded, each named in itself', () => {
    const changed = event({ action: 'organization.updated', targetType: 'organization', targetId: 'org_1', data: { locale: 'de', previousLocale: 'en' } });
    expect(auditSentence(changed, names, en, 'en')).toBe('Olivia Owner changed the organization’s language from English to Deutsch');
    expect(auditSentence({ ...changed, data: { locale: 'pt-BR', previousLocale: 'fr' } }, names, fr, 'fr')).toBe(
      'Olivia Owner a fait passer la langue de l’organisation de Français à Português (Brasil)',
    );
    // Without the locales (a future setting), the generic sentence of the action; a malformed tag is shown as it is.
    expect(auditSentence({ ...changed, data: {} }, names, en, 'en')).toBe('Olivia Owner changed the organization’s settings');
    expect(auditSentence({ ...changed, data: { locale: 'x_bad', previousLocale: 'en' } }, names, en, 'en')).toBe(
      'Olivia Owner changed the organization’s language from English to x_bad',
    );
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-12-05T12:00:00.000Z');
  test('in the locale, with the largest fitting unit', () => {
    expect(relativeTime('2026-12-05T11:57:00.000Z', now, 'en')).toBe('3 minutes ago');
    expect(relativeTime('2026-12-05T11:59:40.000Z', now, 'en')).toBe('now');
    expect(relativeTime('2026-12-04T12:00:00.000Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-12-05T09:00:00.000Z', now, 'fr')).toBe('il y a 3 heures');
    expect(relativeTime('2026-11-20T12:00:00.000Z', now, 'en')).toBe('2 weeks ago');
  });
});
