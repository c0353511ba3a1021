import type { AuditEvent, Role } from '@seatkit/core';
import { languageName, roleLabel } from '../messages/formatters.js';
import { format, perLocale } from '../messages/format.js';
import type { Messages } from '../messages/types.js';

/** What the sentences need to name people, products and roles instead of showing ids. */
export interface AuditNames {
  /** Member id → display name (the members list). */
  members: ReadonlyMap<string, string>;
  /** Product key → product name (the subscriptions). */
  products: ReadonlyMap<string, string>;
  /** Subscription id → its product's name. */
  subscriptions: ReadonlyMap<string, string>;
  /** The organization's roles, for custom role names. */
  roles: readonly Role[] | undefined;
}

/**
 * The entry of an action (`seat.assigned`) in a tree of messages keyed by its two parts (`seat` → `assigned`), the
 * catalogs' keys having no dots; `undefined` for an action the catalog does not have.
 */
export function byAction(tree: object, action: string): string | undefined {
  const dot = action.indexOf('.');
  if (dot < 1) return undefined;
  const group = (tree as Record<string, unknown>)[action.slice(0, dot)];
  const entry = group && typeof group === 'object' ? (group as Record<string, unknown>)[action.slice(dot + 1)] : undefined;
  return typeof entry === 'string' ? entry : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The event as one sentence in the provider's language, from the template of its action ("Olivia Owner assigned
 * Imaging Cloud to Mia Member"). People are named from the members list, else by the email the event kept, else
 * "someone"; an action the kit does not know gets the generic "{actor} did {action}".
 */
export function auditSentence(event: AuditEvent, names: AuditNames, messages: Messages, locale: string): string {
  const t = messages.audit;
  const data = event.data;
  const person = (id: unknown, email?: unknown) => (text(id) && names.members.get(text(id)!)) || text(email) || t.someone;
  const actor = (event.actorMemberId && names.members.get(event.actorMemberId)) || event.actorEmail || t.someoneActor;
  const product =
    (text(data.product) && names.products.get(text(data.product)!)) ||
    (text(data.subscriptionId) && names.subscriptions.get(text(data.subscriptionId)!)) ||
    (event.targetType === 'subscription' && event.targetId && names.subscriptions.get(event.targetId)) ||
    (text(data.productKey) && names.products.get(text(data.productKey)!)) ||
    text(data.product) ||
    text(data.productKey) ||
    t.someone;
  const role = (key: unknown) => (text(key) ? roleLabel(text(key)!, names.roles, messages) : t.someone);

  let template = byAction(t.sentences, event.action) ?? t.sentences.other;
  const values: Record<string, string> = {
    actor,
    action: byAction(t.actions, event.action) ?? event.action,
    target: person(event.targetId, data.email),
    member: person(data.memberId, data.email),
    email: text(data.email) ?? t.someone,
    product,
    name: text(data.name) ?? text(event.targetId) ?? t.someone,
    url: text(data.url) ?? text(event.targetId) ?? t.someone,
    role: role(data.role),
  };

  if (event.action === 'member.updated') {
    const changes = (data.changes ?? {}) as Record<string, { from?: unknown; to?: unknown } | undefined>;
    const changed = Object.keys(changes);
    if (changed.length === 1 && changed[0] === 'role') {
      template = t.sentences.member.roleChanged;
      values.from = role(changes.role?.from);
      values.to = role(changes.role?.to);
    } else if (changed.length === 1 && changed[0] === 'status') {
      template = changes.status?.to === 'suspended' ? t.sentences.member.suspended : t.sentences.member.reactivated;
    }
  }
  // The server records the organization's new locale and the one before it (PATCH /v1/orgs/:orgId).
  if (event.action === 'organization.updated' && text(data.locale) && text(data.previousLocale)) {
    template = t.sentences.organization.languageChanged;
    values.from = languageName(text(data.previousLocale)!);
    values.to = languageName(text(data.locale)!);
  }
  if (event.action.startsWith('role.')) {
    values.role = text(data.name) ?? (event.targetId ? roleLabel(event.targetId, names.roles, messages) : t.someone);
  }
  return format(template, values, locale);
}

const relativeFormat = /* @__PURE__ */ perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const absoluteFormat = /* @__PURE__ */ perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday", "last week" in the locale (Intl.RelativeTimeFormat); "now" under a minute. */
export function relativeTime(iso: string, now: Date, locale: string): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat(locale).format(Math.round(seconds / size), unit);
  }
  return relativeFormat(locale).format(0, 'second');
}

/** "5 Dec 2026, 14:03" in the locale. */
export function absoluteTime(iso: string, locale: string): string {
  return absoluteFormat(locale).format(new Date(iso));
}

/** A data value as text for the details list: strings as they are, anything else as JSON. */
export function dataText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
