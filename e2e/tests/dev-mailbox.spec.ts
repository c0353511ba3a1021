/**
 * The development mailbox (the console's "Dev mailbox" link, served by the server at /dev/mailbox): each email's text
 * part, and its HTML part on demand through a keyboard-operable "Text / HTML" choice, rendered in a sandboxed iframe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { ADMIN, API_URL, apiAs, screenshot, uniqueEmail, waitForMail } from './helpers.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

test('the HTML part of an email: chosen with the keyboard, rendered sandboxed, and axe finds nothing', async ({ page, request }, testInfo) => {
  // An invitation of this test's own: the newest email, so on the mailbox's first page whatever ran before.
  const invitee = uniqueEmail('mailbox');
  expect((await (await apiAs(request, ADMIN)).post('/invitations', { invitations: [{ email: invitee, role: 'member' }] })).ok()).toBe(true);
  await waitForMail(request, invitee, /You are invited/);
  await page.goto(`${API_URL}/dev/mailbox`);
  const mail = page.getByRole('article').filter({ hasText: `To ${invitee}` });
  const choice = mail.getByRole('group', { name: `Show the email to ${invitee} as` });
  const text = choice.getByRole('radio', { name: 'Text' });
  const html = choice.getByRole('radio', { name: 'HTML' });
  const frame = mail.locator('iframe');

  // The text part by default, with its working accept link; the HTML part hidden.
  await expect(text).toBeChecked();
  await expect(mail.getByRole('link', { name: /\/accept-invitation\?token=/ })).toBeVisible();
  await expect(frame).toBeHidden();

  // Arrow keys move the choice, with a visible focus ring.
  await text.focus();
  await expect(text).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('ArrowRight');
  await expect(html).toBeChecked();
  await expect(html).toBeFocused();
  await expect(mail.getByRole('link', { name: /\/accept-invitation\?token=/ })).toBeHidden();

  // The HTML part as sent, in a frame that runs no script (sandbox with no allowance) and keeps its styles inside.
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame).toHaveAttribute('title', 'HTML part: You are invited to join Northwind Dental');
  const inside = mail.frameLocator('iframe');
  await expect(inside.getByRole('heading', { level: 1, name: 'You are invited to join Northwind Dental' })).toBeVisible();
  await expect(inside.getByRole('link', { name: 'Accept the invitation to Northwind Dental' })).toBeVisible();
  await expect(inside.locator('html')).toHaveAttribute('lang', 'en');
  // The email's own button colour stays in its frame: the page's links keep theirs.
  await expect(inside.getByRole('link')).toHaveCSS('background-color', 'rgb(29, 78, 216)');
  await expect(page.getByRole('heading', { level: 1, name: 'Dev mailbox' })).toHaveCSS('font-family', /system-ui/);
  await screenshot(page, testInfo, 'dev-mailbox-html');

  // And back to the text part.
  await page.keyboard.press('ArrowLeft');
  await expect(text).toBeChecked();
  await expect(frame).toBeHidden();

  // Accessible in both states (axe evaluated over the page's CSP by the driver; the sandboxed frames are opaque to it).
  await page.evaluate(axeSource);
  for (const state of [text, html]) {
    await state.check();
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run(document, { iframes: false })).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  }
});
