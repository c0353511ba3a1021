import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type SupportedLocale } from '@seatkit/core/contract';
import type { MailMessage } from '../mail.js';
import { EMAIL_CATALOGS } from './catalogs.js';
import { PLURAL_CATEGORIES } from './messages.js';
import {
  invitationEmail,
  removalEmail,
  seatAssignedEmail,
  seatIdleWarningEmail,
  seatReclaimedEmail,
  seatRequestApprovedEmail,
  seatRequestDeniedEmail,
  seatRequestedEmail,
  welcomeEmail,
} from './render.js';

const XSS = '<img src=x onerror=alert(1)> & "Co"';
const base = { to: 'ann@example.com', orgName: `Org ${XSS}`, firstName: `Ann ${XSS}` };
const product = { productName: `Scan ${XSS}` };
const day = new Date('2026-12-20T12:00:00Z');

/** Every email SeatKit sends (every EmailKind), with user text holding markup. */
const EMAILS: Record<string, (locale: string | null) => MailMessage> = {
  invitation: (locale) =>
    invitationEmail({ ...base, locale, inviterName: `Ina ${XSS}`, role: { key: 'admin', name: 'Admin' }, acceptUrl: 'http://app.test/accept-invitation?token=abc&x=1', expiresAt: day }),
  welcome: (locale) => welcomeEmail({ ...base, locale, lastName: 'Lee', role: { key: 'auditor', name: `Auditor ${XSS}` }, appUrl: 'http://app.test' }),
  removal: (locale) => removalEmail({ ...base, locale }),
  seat_assigned: (locale) => seatAssignedEmail({ ...base, ...product, locale, appUrl: 'http://app.test' }),
  seat_requested: (locale) =>
    seatRequestedEmail({ ...base, ...product, locale, requesterName: `Mia ${XSS}`, requesterEmail: 'mia@example.com', note: `Note ${XSS}`, reviewUrl: 'http://app.test/?seatRequest=1' }),
  seat_request_approved: (locale) => seatRequestApprovedEmail({ ...base, ...product, locale, appUrl: 'http://app.test' }),
  seat_request_denied: (locale) => seatRequestDeniedEmail({ ...base, ...product, locale, reason: `Reason ${XSS}` }),
  seat_idle_warning: (locale) => seatIdleWarningEmail({ ...base, ...product, locale, idleDays: 30, reclaimOn: day, appUrl: 'http://app.test' }),
  seat_reclaimed: (locale) => seatReclaimedEmail({ ...base, ...product, locale, idleDays: 30, requestUrl: 'http://app.test/?requestSeat=scan' }),
};

const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

describe('email catalogs', () => {
  it('name the plural categories Intl.PluralRules uses for each locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      expect([...PLURAL_CATEGORIES[locale]].sort(), locale).toEqual([...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort());
    }
    expect(Object.keys(EMAIL_CATALOGS).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: every email has a subject, a text part and an accessible HTML part, user text escaped`, () => {
      const subjects = new Set<string>();
      for (const [kind, render] of Object.entries(EMAILS)) {
        const mail = render(locale);
        const label = `${locale} ${kind}`;
        subjects.add(mail.subject);
        expect(mail.subject, label).not.toMatch(/\$\{|undefined|null|\[object/);
        expect(mail.text, label).not.toMatch(/\$\{|undefined|null|\[object|<bdi>/);
        const html = mail.html!;
        expect(attr(html, 'html', 'lang'), label).toBe(locale);
        expect(attr(html, 'html', 'dir'), label).toBe(locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr');
        expect(attr(html, 'div', 'dir'), label).toBe(attr(html, 'html', 'dir'));
        expect(html.match(/<h1\b/g), label).toHaveLength(1);
        expect(html, label).not.toContain('<table');
        // Markup in names, notes and reasons arrives as text.
        expect(html, label).not.toContain('<img');
        expect(html, label).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
        expect(html, label).not.toMatch(/\u0000/);
        // A link's text says where it goes: never a bare address or "click here".
        for (const [, href, text] of html.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g)) {
          expect(text, label).not.toContain('http');
          expect(text!.replace(/<[^>]+>/g, '').length, label).toBeGreaterThan(3);
          expect(mail.text, label).toContain(href!.replaceAll('&amp;', '&'));
        }
      }
      // Each kind says something of its own.
      expect(subjects.size).toBe(Object.keys(EMAILS).length);
    });
  }

  it('every locale says each email differently from English (nothing left untranslated)', () => {
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
      for (const [kind, render] of Object.entries(EMAILS)) {
        const mail = render(locale);
        const en = render('en');
        expect(mail.subject, `${locale} ${kind}`).not.toBe(en.subject);
        expect(mail.text, `${locale} ${kind}`).not.toBe(en.text);
      }
    }
  });

  it('an absent or unknown locale renders English', () => {
    for (const locale of [null, 'tlh', 'EN', 'pt-br']) expect(EMAILS.invitation!(locale)).toEqual(EMAILS.invitation!('en'));
    expect(EMAILS.invitation!(null).subject).toBe(`You are invited to join Org ${XSS}`);
  });

  it('writes dates through Intl and the built-in roles in the language, custom roles by their name', () => {
    expect(EMAILS.invitation!('de').text).toContain('bis zum 20. Dezember 2026 gültig');
    expect(EMAILS.invitation!('ja').text).toContain('2026年12月20日');
    expect(EMAILS.invitation!('fr').text).toContain('avec le rôle Administrateur');
    expect(EMAILS.welcome!('fr').text).toContain(`Rôle\u00a0: Auditor ${XSS}`);
    expect(EMAILS.welcome!('ja').text).toContain(`氏名：Lee Ann ${XSS}`);
  });

  it('chooses the plural form of the count (Arabic six, Polish four, Hebrew three)', () => {
    const released = (locale: SupportedLocale, idleDays: number) =>
      seatReclaimedEmail({ ...base, ...product, locale, idleDays, requestUrl: 'http://app.test' }).text.split('\n\n')[1];
    expect([0, 1, 2, 3, 11, 100].map((n) => released('ar', n)!.match(/بعد (.*) دون/)![1])).toEqual(['0 يوم', 'يوم واحد', 'يومين', '3 أيام', '11 يومًا', '100 يوم']);
    expect([1, 2, 5, 22, 1.5].map((n) => released('pl', n)!.match(/po (.*) bez/)![1])).toEqual(['1 dniu', '2 dniach', '5 dniach', '22 dniach', '1,5 dnia']);
    expect([1, 2, 10].map((n) => released('he', n)!.match(/אחרי (.*) ללא/)![1])).toEqual(['יום אחד', 'יומיים', '10 ימים']);
    expect([1, 30, 1_000_000].map((n) => released('fr', n)!.match(/après (.*) sans/)![1])).toEqual(['1 jour', '30 jours', '1\u202f000\u202f000 de jours']);
  });

  it('isolates user text in <bdi> so a Latin name keeps its direction in an Arabic sentence', () => {
    const html = EMAILS.removal!('ar').html!;
    expect(html).toContain('<bdi>Org &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;</bdi>');
  });
});
