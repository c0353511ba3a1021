// The plain HTML page in system Chromium against the reference server: sign in, see the members, invite someone
// through the dialog (portalled to document.body, styled by the kit's sheet), with nothing logged as an error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium, signInAndInvite, startReferenceServer, watchBrowserProblems } from '../../../packages/elements/test/embed-harness.mjs';
import { serve } from '../serve.mjs';

let page$;
let api;
let browser;

before(async () => {
  page$ = await serve();
  api = await startReferenceServer({ origin: page$.url });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await api?.stop();
  await page$?.close();
});

test('the users area in a plain HTML page: sign in, members, invite someone, no console error', async () => {
  const page = await browser.newPage();
  const problems = watchBrowserProblems(page);
  await page.goto(`${page$.url}/?api=${encodeURIComponent(api.url)}`);
  await signInAndInvite(page, { invitee: 'html.example@northwind.test' });

  // The host's theme reached the kit: the page sets --seatkit-primary on :root, the primary button is drawn with it.
  const primary = await page
    .getByRole('button', { name: 'Invite people' })
    .evaluate((button) => getComputedStyle(button).backgroundColor);
  assert.equal(primary, 'rgb(15, 118, 110)');

  // Signing out removes the element, which unmounts React: nothing of the kit is left in the page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.equal(await page.locator('[data-slot]').count(), 0);
  assert.deepEqual(problems(), []);
});
