import { isBuiltInRole, localeDirection, resolveLocale, type SupportedLocale } from '@seatkit/core/contract';
import type { MailMessage } from '../mail.js';
import { EMAIL_CATALOGS } from './catalogs.js';
import type { EmailMessages } from './messages.js';

/**
 * Renders SeatKit's emails in the organization's locale (an absent or unknown one: English), each with a text part
 * and an HTML part built from the same blocks, so the two always say the same. The sentences live in the catalogs
 * (`en.ts`, `fr.ts`, …); this module only lays them out.
 */

type Values = Readonly<Record<string, string | number>>;
/** A sentence of a catalog with its values, said once as text and once, escaped, as HTML. */
interface Sentence {
  say: (values: never) => string;
  values: Values;
}
const sentence = <V extends Values>(say: (values: V) => string, values: V): Sentence => ({ say: say as Sentence['say'], values });

type Block =
  | { kind: 'paragraph'; text: Sentence }
  | { kind: 'list'; heading: string; items: Sentence[] }
  | { kind: 'link'; href: string; label: Sentence };

const say = (s: Sentence) => (s.say as (values: Values) => string)(s.values);

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The sentence as HTML: said with a placeholder in place of each text value, escaped, then each placeholder replaced by
 * its value, escaped and isolated in `<bdi>` (a Latin name inside an Arabic sentence keeps its direction, and the
 * reverse). A placeholder is NUL-delimited: no stored text holds NUL (Postgres refuses it), so none can forge one.
 */
function sayHtml(s: Sentence): string {
  const slots: string[] = [];
  const marked = Object.fromEntries(
    Object.entries(s.values).map(([key, value]) => [key, typeof value === 'string' ? `\u0000${slots.push(value) - 1}\u0000` : value]),
  );
  const said = (s.say as (values: Values) => string)(marked);
  return escapeHtml(said).replace(/\u0000(\d+)\u0000/g, (_, i: string) => `<bdi>${escapeHtml(slots[Number(i)]!)}</bdi>`);
}

const STYLE = {
  body: 'margin:0;padding:0;background-color:#f4f5f7;',
  article:
    "max-width:600px;margin:0 auto;padding:32px 24px;background-color:#ffffff;color:#1f2328;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic','Noto Sans Hebrew','Noto Sans JP','Noto Sans SC',Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;",
  h1: 'margin:0 0 24px;font-size:22px;line-height:1.3;color:#1f2328;',
  h2: 'margin:24px 0 8px;font-size:17px;line-height:1.3;color:#1f2328;',
  p: 'margin:0 0 16px;',
  ul: 'margin:0 0 16px;padding-inline-start:24px;',
  // White on #1d4ed8: a contrast of 6.7:1.
  link: 'display:inline-block;padding:12px 20px;border-radius:6px;background-color:#1d4ed8;color:#ffffff;font-weight:600;text-decoration:underline;',
};

function toHtml(locale: SupportedLocale, subject: Sentence, blocks: Block[]): string {
  const dir = localeDirection(locale);
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p style="${STYLE.p}">${sayHtml(block.text)}</p>`;
        case 'list':
          return `<h2 style="${STYLE.h2}">${escapeHtml(block.heading)}</h2><ul style="${STYLE.ul}">${block.items.map((item) => `<li>${sayHtml(item)}</li>`).join('')}</ul>`;
        case 'link':
          return `<p style="${STYLE.p}"><a href="${escapeHtml(block.href)}" style="${STYLE.link}">${sayHtml(block.label)}</a></p>`;
      }
    })
    .join('\n');
  // lang and dir on the html element and again on the article: some mail clients drop the html element.
  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(say(subject))}</title>
</head>
<body style="${STYLE.body}">
<div role="article" aria-label="${escapeHtml(say(subject))}" lang="${locale}" dir="${dir}" style="${STYLE.article}">
<h1 style="${STYLE.h1}">${sayHtml(subject)}</h1>
${body}
</div>
</body>
</html>
`;
}

function toText(m: EmailMessages, blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return say(block.text);
        case 'list':
          return [block.heading, ...block.items.map((item) => `  ${say(item)}`)].join('\n');
        case 'link':
          return m.linkLine({ label: say(block.label), url: block.href });
      }
    })
    .join('\n\n');
}

/** Lays an email out in `locale`: its subject (also the HTML's heading) and its blocks, as text and as HTML. */
function compose(to: string, locale: SupportedLocale, m: EmailMessages, subject: Sentence, blocks: (Block | null)[]): MailMessage {
  const present = blocks.filter((b): b is Block => b !== null);
  return { to, subject: say(subject), text: toText(m, present), html: toHtml(locale, subject, present), locale };
}

const dateFormats = new Map<SupportedLocale, Intl.DateTimeFormat>();
/** A day as the locale writes it (in UTC: an organization has no time zone). */
function formatDate(locale: SupportedLocale, date: Date): string {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(date);
}

/** The catalog of `locale`, falling back to English. */
function catalog(locale: string | null | undefined): { locale: SupportedLocale; m: EmailMessages } {
  const resolved = resolveLocale(locale);
  return { locale: resolved, m: EMAIL_CATALOGS[resolved] };
}

const paragraph = (text: Sentence): Block => ({ kind: 'paragraph', text });
const link = (href: string, label: Sentence): Block => ({ kind: 'link', href, label });

/** A role as the email names it: a built-in role in the email's language, a custom role by its own name. */
export interface EmailRole {
  key: string;
  name: string;
}
const roleLabel = (m: EmailMessages, role: EmailRole) => (isBuiltInRole(role.key) ? m.roles[role.key] : role.name);

/** What every email takes: its recipient and the organization's locale (see `SUPPORTED_LOCALES`; else English). */
interface Base {
  to: string;
  locale: string | null | undefined;
}

export function invitationEmail(input: Base & { orgName: string; inviterName: string | null; role: EmailRole; acceptUrl: string; expiresAt: Date }): MailMessage {
  const { locale, m } = catalog(input.locale);
  const org = input.orgName;
  const role = roleLabel(m, input.role);
  return compose(input.to, locale, m, sentence(m.invitation.subject, { org }), [
    paragraph(input.inviterName ? sentence(m.invitation.invitedBy, { inviter: input.inviterName, org, role }) : sentence(m.invitation.invited, { org, role })),
    link(input.acceptUrl, sentence(m.invitation.action, { org })),
    paragraph(sentence(m.invitation.expiry, { date: formatDate(locale, input.expiresAt) })),
  ]);
}

export function welcomeEmail(input: Base & { orgName: string; firstName: string; lastName: string; role: EmailRole; appUrl: string }): MailMessage {
  const { locale, m } = catalog(input.locale);
  const org = input.orgName;
  return compose(input.to, locale, m, sentence(m.welcome.subject, { org }), [
    paragraph(sentence(m.greeting, { firstName: input.firstName })),
    paragraph(sentence(m.welcome.created, { org })),
    {
      kind: 'list',
      heading: m.welcome.details,
      items: [
        sentence(m.welcome.name, { name: m.fullName({ firstName: input.firstName, lastName: input.lastName }) }),
        sentence(m.welcome.email, { email: input.to }),
        sentence(m.welcome.role, { role: roleLabel(m, input.role) }),
        sentence(m.welcome.organization, { org }),
      ],
    },
    link(input.appUrl, sentence(m.welcome.action, { org })),
  ]);
}

export function removalEmail(input: Base & { orgName: string; firstName: string }): MailMessage {
  const { locale, m } = catalog(input.locale);
  const org = input.orgName;
  return compose(input.to, locale, m, sentence(m.removal.subject, { org }), [
    paragraph(sentence(m.greeting, { firstName: input.firstName })),
    paragraph(sentence(m.removal.removed, { org })),
    paragraph(sentence(m.removal.mistake, { org })),
  ]);
}

export function seatAssignedEmail(input: Base & { orgName: string; productName: string; firstName: string; appUrl: string }): MailMessage {
  const { locale, m } = catalog(input.locale);
  const product = input.productName;
  return compose(input.to, locale, m, sentence(m.seatAssigned.subject, { product }), [
    paragraph(sentence(m.greeting, { firstName: input.firstName })),
    paragraph(sentence(m.seatAssigned.assigned, { product, org: input.orgName })),
    link(input.appUrl, sentence(m.openProduct, { product })),
  ]);
}

export function seatRequestedEmail(
  input: Base & { orgName: string; productName: string; requesterName: string; requesterEmail: string; note: string | null; reviewUrl: string },
): MailMessage {
  const { locale, m } = catalog(input.locale);
  const requester = input.requesterName;
  const product = input.productName;
  return compose(input.to, locale, m, sentence(m.seatRequested.subject, { requester, product }), [
    paragraph(sentence(m.seatRequested.asked, { requester, email: input.requesterEmail, product, org: input.orgName })),
    input.note ? paragraph(sentence(m.seatRequested.note, { note: input.note })) : null,
    link(input.reviewUrl, sentence(m.seatRequested.action, { requester })),
  ]);
}

export function seatRequestApprovedEmail(input: Base & { orgName: string; productName: string; firstName: string; appUrl: string }): MailMessage {
  const { locale, m } = catalog(input.locale);
  const product = input.productName;
  return compose(input.to, locale, m, sentence(m.seatRequestApproved.subject, { product }), [
    paragraph(sentence(m.greeting, { firstName: input.firstName })),
    paragraph(sentence(m.seatRequestApproved.approved, { product, org: input.orgName })),
    link(input.appUrl, sentence(m.openProduct, { product })),
  ]);
}

export function seatRequestDeniedEmail(input: Base & { orgName: string; productName: string; firstName: string; reason: string | null }): MailMessage {
  const { locale, m } = catalog(input.locale);
  const product = input.productName;
  const org = input.orgName;
  return compose(input.to, locale, m, sentence(m.seatRequestDenied.subject, { product }), [
    paragraph(sentence(m.greeting, { firstName: input.firstName })),
    paragraph(sentence(m.seatRequestDenied.denied, { product, org })),
    input.reason ? paragraph(sentence(m.seatRequestDenied.reason, { reason: input.reason })) : null,
    paragraph(sentence(m.seatRequestDenied.contact, { org })),
  ]);
}

export function seatIdleWarningEmail(
  input: Base & { orgName: string; productName: string; firstName: string; idleDays: number; reclaimOn: Date; appUrl: string },
): MailMessage {
  const { locale, m } = catalog(input.locale);
  const product = input.productName;
  return compose(input.to, locale, m, sentence(m.seatIdleWarning.subject, { product }), [
    paragraph(sentence(m.greeting, { firstName: input.firstName })),
    paragraph(sentence(m.seatIdleWarning.idle, { product, org: input.orgName, days: input.idleDays, date: formatDate(locale, input.reclaimOn) })),
    paragraph(sentence(m.seatIdleWarning.keep, { product })),
    link(input.appUrl, sentence(m.openProduct, { product })),
  ]);
}

export function seatReclaimedEmail(input: Base & { orgName: string; productName: string; firstName: string; idleDays: number; requestUrl: string }): MailMessage {
  const { locale, m } = catalog(input.locale);
  const product = input.productName;
  return compose(input.to, locale, m, sentence(m.seatReclaimed.subject, { product }), [
    paragraph(sentence(m.greeting, { firstName: input.firstName })),
    paragraph(sentence(m.seatReclaimed.released, { product, org: input.orgName, days: input.idleDays })),
    link(input.requestUrl, sentence(m.seatReclaimed.action, { product })),
  ]);
}
