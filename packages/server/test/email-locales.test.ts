import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mailer } from '@seatkit/server';
import { createSmtpMailer } from '@seatkit/server/node';
import { forEachDatabase, ADMIN, MEMBER, OWNER, type Harness } from './helpers.js';

/**
 * Emails in the organization's language, delivered: the server's nodemailer mailer sends to a real SMTP receiver on
 * loopback (smtp-server, an ephemeral port) and the test reads the delivered MIME with mailparser.
 */

/** The SMTP receiver: every delivered message, parsed; `next(to)` resolves with the next one for `to`. */
class Inbox {
  private readonly mails: ParsedMail[] = [];
  private readonly waiting: { to: string; resolve: (mail: ParsedMail) => void }[] = [];
  readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          this.mails.push(mail);
          this.flush();
          callback();
        })
        .catch(callback);
    },
  });
  private recipients(mail: ParsedMail): string[] {
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    return to.flatMap((a) => a.value.map((v) => v.address ?? ''));
  }
  private flush() {
    for (const waiter of [...this.waiting]) {
      const index = this.mails.findIndex((m) => this.recipients(m).includes(waiter.to));
      if (index === -1) continue;
      const [mail] = this.mails.splice(index, 1);
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve(mail!);
    }
  }
  next(to: string): Promise<ParsedMail> {
    return new Promise((resolve) => {
      this.waiting.push({ to, resolve });
      this.flush();
    });
  }
  clear() {
    this.mails.length = 0;
  }
}

const inbox = new Inbox();
let smtp: Mailer | undefined;
// The server is created before the receiver has its port: it sends through this, which hands over to nodemailer.
const relay: Mailer = { send: (message) => smtp!.send(message) };

beforeAll(async () => {
  await new Promise<void>((resolve) => inbox.server.listen(0, '127.0.0.1', resolve));
  const { port } = inbox.server.server.address() as AddressInfo;
  smtp = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'SeatKit <no-reply@seatkit.test>' });
});
afterAll(() => new Promise<void>((resolve) => inbox.server.close(resolve)));

const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

/** Provisions an organization in `locale` (server key); its owner invites `email`; returns the org and the delivered email. */
async function inviteIn(h: Harness, org: { name: string; locale: string; owner: string }, email: string) {
  const created = await h.call('POST', '/v1/orgs', {
    serverKey: true,
    body: { name: org.name, locale: org.locale, owner: { email: org.owner, firstName: 'Olga', lastName: 'Owner' } },
  });
  expect(created.status).toBe(201);
  expect(created.body.organization.locale).toBe(org.locale);
  const orgId: string = created.body.organization.id;
  const invited = await h.call('POST', `/v1/orgs/${orgId}/invitations`, { as: org.owner, body: { invitations: [{ email, role: 'member' }] } });
  expect(invited.status).toBe(200);
  expect(invited.body.results[0].invitation).toBeDefined();
  return { orgId, mail: await inbox.next(email) };
}

/** The one link of the HTML part, its text, and the same address in the text part. */
function theLink(mail: ParsedMail) {
  const html = mail.html as string;
  const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>(.*?)<\/a>/g)];
  expect(links).toHaveLength(1);
  const href = links[0]![1]!.replaceAll('&amp;', '&');
  expect(mail.text).toContain(href);
  return { href, text: links[0]![2]!, token: new URL(href).searchParams.get('token')! };
}

forEachDatabase(
  (h) => {
    beforeEach(() => inbox.clear());

    const CASES = [
      {
        locale: 'fr',
        name: 'Boulangerie <Dupont> & Fils',
        dir: 'ltr',
        subject: 'Invitation à rejoindre Boulangerie <Dupont> & Fils',
        sentence: 'Olga Owner vous invite à rejoindre Boulangerie <Dupont> & Fils avec le rôle Membre.',
        link: 'Accepter l’invitation à rejoindre Boulangerie <Dupont> & Fils',
        expiry: /Ce lien est valable jusqu’au \d{1,2}(er)? \S+ \d{4}\./,
      },
      {
        locale: 'de',
        name: 'Müller & Söhne GmbH',
        dir: 'ltr',
        subject: 'Einladung zu Müller & Söhne GmbH',
        sentence: 'Olga Owner hat Sie eingeladen, Müller & Söhne GmbH mit der Rolle Mitglied beizutreten.',
        link: 'Einladung zu Müller & Söhne GmbH annehmen',
        expiry: /Der Link ist bis zum \d{1,2}\. \S+ \d{4} gültig\./,
      },
      {
        locale: 'ar',
        name: 'شركة الأفق',
        dir: 'rtl',
        subject: 'دعوة للانضمام إلى شركة الأفق',
        sentence: 'وصلتك دعوة من Olga Owner للانضمام إلى شركة الأفق بدور العضو.',
        link: 'اقبل الدعوة للانضمام إلى شركة الأفق',
        expiry: /الرابط صالح حتى .+ \d{4}\./,
      },
    ] as const;

    for (const c of CASES) {
      it(`a ${c.locale} organization's invitation arrives in ${c.locale} over SMTP, with a working link`, async () => {
        const invitee = `guest.${c.locale}@example.com`;
        const { orgId, mail } = await inviteIn(h(), { name: c.name, locale: c.locale, owner: `owner.${c.locale}@example.com` }, invitee);
        expect(mail.subject).toBe(c.subject);
        // The MIME message says its language, as the HTML part's lang does.
        expect(mail.headers.get('content-language')).toBe(c.locale);
        expect(mail.text).toContain(c.sentence);
        expect(mail.text).toMatch(c.expiry);
        const html = mail.html as string;
        expect(html).toBeTypeOf('string');
        expect(attr(html, 'html', 'lang')).toBe(c.locale);
        expect(attr(html, 'html', 'dir')).toBe(c.dir);
        // The heading and the sentences, with the organization's name escaped.
        const escapedName = c.name.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
        expect(html).toContain(`<bdi>${escapedName}</bdi>`);
        expect(html).not.toContain('<Dupont>');
        const unescape = (s: string) => s.replace(/<[^>]+>/g, '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
        expect(unescape(/<h1[^>]*>(.*?)<\/h1>/.exec(html)![1]!)).toBe(c.subject);
        const link = theLink(mail);
        expect(unescape(link.text)).toBe(c.link);
        expect(link.href.startsWith('http://app.test/accept-invitation?token=')).toBe(true);

        // The link works: its token previews this organization's invitation, and the invitee accepts it.
        const preview = await h().call('GET', `/v1/invitations/${encodeURIComponent(link.token)}`);
        expect(preview.status).toBe(200);
        expect(preview.body.organization).toMatchObject({ id: orgId, name: c.name });
        const accepted = await h().call('POST', `/v1/invitations/${encodeURIComponent(link.token)}/accept`, { as: invitee });
        expect(accepted.status).toBe(200);
        expect(accepted.body.member.orgId).toBe(orgId);
      });
    }

    it('an organization provisioned without a locale writes English', async () => {
      const { mail } = await inviteIn(h(), { name: 'Plain Co', locale: 'en', owner: 'owner.en@example.com' }, 'guest.en@example.com');
      expect(mail.subject).toBe('You are invited to join Plain Co');
      expect(mail.headers.get('content-language')).toBe('en');
      const created = await h().call('POST', '/v1/orgs', { serverKey: true, body: { name: 'No Locale Co', owner: { email: 'nl@example.com', firstName: 'N', lastName: 'L' } } });
      expect(created.status).toBe(201);
      expect(created.body.organization.locale).toBe('en');
    });

    it('the owner changes the locale with PATCH; the next invitation is written in it', async () => {
      const patched = await h().call('PATCH', h().nw(), { as: OWNER, body: { locale: 'de' } });
      expect(patched.status).toBe(200);
      expect(patched.body.locale).toBe('de');
      expect((await h().call('GET', h().nw(), { as: MEMBER })).body.locale).toBe('de');
      const audit = await h().call('GET', h().nw('/audit-events?action=organization.updated'), { as: OWNER });
      expect(audit.body.items[0].data).toEqual({ locale: 'de', previousLocale: 'en' });

      expect((await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'neu@example.com', role: 'admin' }] } })).status).toBe(200);
      const mail = await inbox.next('neu@example.com');
      expect(mail.subject).toBe('Einladung zu Northwind Dental');
      expect(mail.headers.get('content-language')).toBe('de');
      expect(mail.text).toContain('mit der Rolle Administrator beizutreten');
      expect(attr(mail.html as string, 'html', 'lang')).toBe('de');

      // Back to English: unchanged values are accepted and change nothing.
      expect((await h().call('PATCH', h().nw(), { as: OWNER, body: { locale: 'en' } })).body.locale).toBe('en');
      expect((await h().call('PATCH', h().nw(), { as: OWNER, body: {} })).body.locale).toBe('en');
    });

    it('an admin or a member may not change the locale (owner_required)', async () => {
      for (const as of [ADMIN, MEMBER]) {
        const res = await h().call('PATCH', h().nw(), { as, body: { locale: 'fr' } });
        expect(res.status, as).toBe(403);
        expect(res.body.error.code, as).toBe('owner_required');
      }
      expect((await h().call('GET', h().nw(), { as: OWNER })).body.locale).toBe('en');
    });

    it('a locale SeatKit does not speak is validation_failed, at provisioning and in the PATCH, and writes nothing', async () => {
      const count = async () => Number((await h().server.database.query<{ n: string }>(`select count(*) as n from organizations`)).rows[0]!.n);
      const before = await count();
      for (const locale of ['xx', 'pt-br', 'EN', '', 42]) {
        const created = await h().call('POST', '/v1/orgs', { serverKey: true, body: { name: 'Bad', locale, owner: { email: 'bad@example.com', firstName: 'B', lastName: 'D' } } });
        expect(created.status, String(locale)).toBe(400);
        expect(created.body.error.code).toBe('validation_failed');
        expect(created.body.error.details[0].path).toEqual(['locale']);
        const patched = await h().call('PATCH', h().nw(), { as: OWNER, body: { locale } });
        expect(patched.status, String(locale)).toBe(400);
        expect(patched.body.error.code).toBe('validation_failed');
      }
      expect(await count()).toBe(before);
      expect((await h().call('PATCH', h().nw(), { as: OWNER, body: { locale: 'fr', name: 'Renamed' } })).body.error.code).toBe('validation_failed');
    });
  },
  { mailer: relay },
);
