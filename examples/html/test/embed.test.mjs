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

test('the users area in a plain HTML page: sign in, members, invite someone, French, access gates, no console error', async () => {
  const page = await browser.newPage();
  const problems = watchBrowserProblems(page);
  await page.goto(`${page$.url}/?api=${encodeURIComponent(api.url)}`);
  const { dialog } = await signInAndInvite(page, { invitee: 'html.example@northwind.test' });
  // The dialog is portalled to document.body, out of the element, and still drawn in the host's colour.
  assert.deepEqual(dialog, { insideElement: false, background: 'rgb(15, 118, 110)' });

  // The host's theme reached the kit: the page sets --seatkit-primary on :root, the primary button is drawn with it.
  const primary = await page
    .getByRole('button', { name: 'Invite people' })
    .evaluate((button) => getComputedStyle(button).backgroundColor);
  assert.equal(primary, 'rgb(15, 118, 110)');

  // An attribute change re-renders: locale="fr" loads the French catalog (its own chunk) and the page speaks French.
  await page.locator('seatkit-account-users').evaluate((users) => users.setAttribute('locale', 'fr'));
  await page.getByRole('button', { name: 'Inviter des personnes' }).waitFor();

  // <seatkit-access-gate>: the owner holds a seat of Imaging App, none of Imaging Cloud. The gate shows its children
  // only where access is granted, and says which way it went in a DOM event.
  await page.evaluate((baseUrl) => {
    const { token } = JSON.parse(sessionStorage.getItem('seatkit-html-example.session'));
    window.gateEvents = [];
    for (const product of ['imaging-app', 'imaging-cloud']) {
      const gate = document.createElement('seatkit-access-gate');
      gate.setAttribute('product', product);
      gate.setAttribute('base-url', baseUrl);
      gate.innerHTML = `<p>Welcome to ${product}</p>`;
      gate.getToken = () => token;
      gate.addEventListener('seatkit-access-granted', (event) => window.gateEvents.push(['granted', event.detail]));
      gate.addEventListener('seatkit-access-denied', (event) => window.gateEvents.push(['denied', event.detail]));
      document.body.append(gate);
    }
  }, api.url);
  await page.getByText('Welcome to imaging-app').waitFor();
  await page.getByRole('button', { name: 'Request a seat' }).waitFor();
  assert.equal(await page.getByText('Welcome to imaging-cloud').count(), 0);
  await page.waitForFunction(() => window.gateEvents.length === 2);
  const events = await page.evaluate(() => window.gateEvents.sort((a, b) => a[0].localeCompare(b[0])));
  assert.deepEqual(events, [
    ['denied', { product: 'imaging-cloud', reason: 'no_seat' }],
    ['granted', { product: 'imaging-app' }],
  ]);
  // Removed, a gate unmounts; its content goes with the element.
  await page.evaluate(() => document.querySelectorAll('seatkit-access-gate').forEach((gate) => gate.remove()));

  // Signing out removes the element, which unmounts React: nothing of the kit is left in the page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.equal(await page.locator('[data-slot]').count(), 0);
  assert.deepEqual(problems(), []);
});

/** The seeded invitation's token, read from the reference server's development mailbox once the outbox has sent it. */
async function seededInvitationToken(to) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { items } = await (await fetch(`${api.url}/dev/mailbox.json?limit=100`)).json();
    const token = items.find((mail) => mail.to === to)?.text.match(/accept-invitation\?token=([\w-]+)/)?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no invitation mail to ${to} in the development mailbox`);
}

test('<seatkit-accept-invitation>: the invitee accepts, the page hears it and continues', async () => {
  const invitee = 'new.hire@northwind.test';
  const token = await seededInvitationToken(invitee);
  const response = await fetch(`${api.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: invitee }),
  });
  const { token: bearer } = await response.json();

  const page = await browser.newPage();
  const problems = watchBrowserProblems(page);
  await page.goto(`${page$.url}/?api=${encodeURIComponent(api.url)}`);
  await page.evaluate(
    ({ baseUrl, token, bearer }) => {
      window.heard = [];
      const accept = document.createElement('seatkit-accept-invitation');
      accept.setAttribute('base-url', baseUrl);
      accept.setAttribute('token', token);
      accept.setAttribute('continue', '');
      accept.getToken = () => bearer;
      for (const type of ['seatkit-invitation-accepted', 'seatkit-continue', 'seatkit-org-change']) {
        accept.addEventListener(type, (event) => window.heard.push([type, event.detail.organization?.name ?? typeof event.detail.orgId]));
      }
      document.getElementById('main').append(accept);
    },
    { baseUrl: api.url, token, bearer },
  );
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.getByRole('button', { name: 'Continue to Northwind Dental' }).click();
  await page.waitForFunction(() => window.heard.some(([type]) => type === 'seatkit-continue'));
  const heard = await page.evaluate(() => window.heard);
  assert.deepEqual(heard, [
    ['seatkit-org-change', 'string'],
    ['seatkit-invitation-accepted', 'Northwind Dental'],
    ['seatkit-continue', 'Northwind Dental'],
  ]);
  assert.deepEqual(problems(), []);
});
