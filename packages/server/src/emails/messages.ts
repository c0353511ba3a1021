import type { BuiltInRole, SupportedLocale } from '@seatkit/core/contract';

/**
 * Every sentence of SeatKit's emails in one language: one catalog per locale (`en.ts`, `fr.ts`, …), each typed by
 * this interface, so a missing sentence or a misnamed placeholder is a compile error. Each sentence is a whole
 * sentence with its values in place (never assembled from parts); counts choose among whole sentences through
 * `plural` (Intl.PluralRules). The renderer escapes what the values hold for the HTML part; a catalog writes plain text.
 */
export interface EmailMessages {
  /** Opens an email to a known person. */
  greeting(v: { firstName: string }): string;
  /** How the text part writes a link: the link's text, then its address. */
  linkLine(v: { label: string; url: string }): string;
  /** A person's name, in the order the language writes it. */
  fullName(v: { firstName: string; lastName: string }): string;
  /** The built-in roles' names (a custom role keeps the name its organization gave it). */
  roles: Readonly<Record<BuiltInRole, string>>;
  /** The link to the product (seat assigned, request approved, idle warning). */
  openProduct(v: { product: string }): string;
  invitation: {
    subject(v: { org: string }): string;
    invitedBy(v: { inviter: string; org: string; role: string }): string;
    invited(v: { org: string; role: string }): string;
    action(v: { org: string }): string;
    /** `date`: the link's last day, written by Intl. */
    expiry(v: { date: string }): string;
  };
  welcome: {
    subject(v: { org: string }): string;
    created(v: { org: string }): string;
    details: string;
    name(v: { name: string }): string;
    email(v: { email: string }): string;
    role(v: { role: string }): string;
    organization(v: { org: string }): string;
    action(v: { org: string }): string;
  };
  removal: {
    subject(v: { org: string }): string;
    removed(v: { org: string }): string;
    mistake(v: { org: string }): string;
  };
  seatAssigned: {
    subject(v: { product: string }): string;
    assigned(v: { product: string; org: string }): string;
  };
  seatRequested: {
    subject(v: { requester: string; product: string }): string;
    asked(v: { requester: string; email: string; product: string; org: string }): string;
    note(v: { note: string }): string;
    action(v: { requester: string }): string;
  };
  seatRequestApproved: {
    subject(v: { product: string }): string;
    approved(v: { product: string; org: string }): string;
  };
  seatRequestDenied: {
    subject(v: { product: string }): string;
    denied(v: { product: string; org: string }): string;
    reason(v: { reason: string }): string;
    contact(v: { org: string }): string;
  };
  seatIdleWarning: {
    subject(v: { product: string }): string;
    /** `days`: the policy's idle days; `date`: the day the seat is released, written by Intl. */
    idle(v: { product: string; org: string; days: number; date: string }): string;
    keep(v: { product: string }): string;
  };
  seatReclaimed: {
    subject(v: { product: string }): string;
    released(v: { product: string; org: string; days: number }): string;
    action(v: { product: string }): string;
  };
}

/**
 * The plural categories of each locale (CLDR, as `Intl.PluralRules` reports them; a test holds the two together), so a
 * catalog's `plural(…)` call must give a sentence for each one: Arabic six, Polish four, Japanese one.
 */
export const PLURAL_CATEGORIES = {
  en: ['one', 'other'],
  fr: ['one', 'many', 'other'],
  de: ['one', 'other'],
  es: ['one', 'many', 'other'],
  'pt-BR': ['one', 'many', 'other'],
  it: ['one', 'many', 'other'],
  nl: ['one', 'other'],
  pl: ['one', 'few', 'many', 'other'],
  ja: ['other'],
  'zh-CN': ['other'],
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
  he: ['one', 'two', 'other'],
} as const satisfies Record<SupportedLocale, readonly Intl.LDMLPluralRule[]>;

export type PluralForms<L extends SupportedLocale> = Readonly<Record<(typeof PLURAL_CATEGORIES)[L][number], string>>;

/**
 * The plural chooser of `locale`: `count` picks the sentence of its category, and `#` in it becomes the count written
 * by `Intl.NumberFormat`.
 *
 * @example
 * const days = plural('pl');
 * days(5, { one: '# dzień', few: '# dni', many: '# dni', other: '# dnia' }) // '5 dni'
 */
export function plural<L extends SupportedLocale>(locale: L): (count: number, forms: PluralForms<L>) => string {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (count, forms) => {
    const all = forms as Readonly<Record<string, string>>;
    return (all[rules.select(count)] ?? all['other']!).replaceAll('#', numbers.format(count));
  };
}
