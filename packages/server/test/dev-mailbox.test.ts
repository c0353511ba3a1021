import { expect, it } from 'vitest';
import { renderMailboxHtml } from '../src/dev-pages.js';
import { ADMIN, forEachDatabase } from './helpers.js';

/**
 * The dev mailbox gives each email's HTML part beside its text part (the page's Text / HTML choice is driven in a
 * browser by e2e/tests/dev-mailbox.spec.ts).
 */

it('the HTML part goes into a sandboxed srcdoc, escaped: nothing in it can end the attribute or add markup to the page', () => {
  const hostile = `<!doctype html><p title="x">Hi</p>"><script>alert(1)</script><iframe src=x></iframe>&amp;`;
  const page = renderMailboxHtml([{ id: 'eml_1', to: 'a@example.com', subject: 'S', text: 'T', html: hostile, createdAt: '2026-01-01T00:00:00.000Z' }]);
  const srcdoc = /<iframe sandbox="" srcdoc="([^"]*)" title="HTML part: S"><\/iframe>/.exec(page);
  expect(srcdoc).not.toBeNull();
  const unescape = (s: string) => s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
  expect(unescape(srcdoc![1]!)).toBe(hostile);
  // The page holds one iframe (the sandboxed one) and no script.
  expect(page.match(/<iframe/g)).toHaveLength(1);
  expect(page).not.toContain('<script');
});

it('an email without an HTML part shows its text only, with no choice to make', () => {
  const page = renderMailboxHtml([{ id: 'eml_1', to: 'a@example.com', subject: 'S', text: 'Go to https://app.test/x', html: null, createdAt: '2026-01-01T00:00:00.000Z' }]);
  expect(page).toContain('<pre>Go to <a href="https://app.test/x">https://app.test/x</a></pre>');
  expect(page).not.toContain('<iframe');
  expect(page).not.toContain('type="radio"');
});

forEachDatabase((h) => {
  it('mailbox.json gives each email its HTML part, opened like the text (the accept link works)', async () => {
    expect((await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'html@example.com', role: 'member' }] } })).status).toBe(200);
    const { body } = await h().call('GET', '/dev/mailbox.json?limit=1');
    const mail = body.items[0];
    expect(mail.to).toBe('html@example.com');
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    expect(mail.html).toContain(`href="http://app.test/accept-invitation?token=${token}"`);
    const page = await (await h().server.fetch(new Request('http://x/dev/mailbox'))).text();
    expect(page).toContain('<fieldset><legend>Show the email to html@example.com as</legend>');
    expect(page).toContain(`srcdoc="`);
  });
});
