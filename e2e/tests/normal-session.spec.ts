/**
 * A normal session in the example admin console logs nothing a developer would take for a bug: no
 * console error or warning, no page error, no HTTP error. The console asks only what the session can
 * see: nothing about "me" while signed out, nothing of an organization the person is no longer in.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, apiAs, LAKESIDE_OWNER, openPage, signIn, signInHere, switchOrganization, uniqueEmail, watchBrowserProblems } from './helpers.js';

const area = (page: Page) => page.getByRole('region', { name: 'Account users' });
const memberRow = (page: Page, email: string) =>
  area(page).getByRole('region', { name: 'Members', exact: true }).getByRole('row').filter({ hasText: email });

test('a normal session, from the signed-out start to being removed, logs no console error and no HTTP error', async ({ page, request }) => {
  const browser = watchBrowserProblems(page);
  const apiPaths: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/v1/')) apiPaths.push(url.pathname);
  });
  /** Each step checks what it logged, so a failure names the step. */
  const expectClean = (step: string) => {
    expect(browser.problems(), `browser problems after: ${step}`).toEqual([]);
  };

  // Signed out: the sign-in screen, and not a single /v1 request (there is nobody to ask about).
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Demo users' }).getByRole('button').first()).toBeVisible();
  expectClean('the signed-out start');
  expect(apiPaths, 'API requests while signed out').toEqual([]);

  // A demo user in two organizations: dashboard, then the members list.
  await signInHere(page, ADMIN);
  await expect(page.getByLabel('Signed in as')).toHaveText(ADMIN);
  await expect(page.getByRole('region', { name: 'Subscriptions' }).getByRole('article').first()).toBeVisible();
  await openPage(page, 'Users');
  await expect(memberRow(page, ADMIN)).toBeVisible();
  expectClean('signing in and opening the members list');

  // A dialog opens and closes.
  await area(page).getByRole('button', { name: 'Invite people' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite people' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expectClean('opening and closing a dialog');

  // The other organization: its own people.
  await switchOrganization(page, 'Lakeside Clinic');
  await expect(area(page).getByText('People in Lakeside Clinic')).toBeVisible();
  await expect(memberRow(page, LAKESIDE_OWNER)).toBeVisible();
  expectClean('switching organization');

  // Someone new, in both organizations, works in Lakeside Clinic…
  const newcomer = uniqueEmail('removed.later');
  const northwind = await apiAs(request, ADMIN, 'Northwind Dental');
  const lakeside = await apiAs(request, ADMIN, 'Lakeside Clinic');
  for (const org of [northwind, lakeside]) {
    const added = await org.post('/members', { email: newcomer, firstName: 'Rémi', lastName: 'Later', role: 'member' });
    expect(added.status(), await added.text()).toBe(201);
  }
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInHere(page, newcomer);
  await expect(page.getByLabel('Signed in as')).toHaveText(newcomer);
  await switchOrganization(page, 'Lakeside Clinic');
  // (Sign-in keeps the page: still the users page.)
  await expect(area(page).getByText('People in Lakeside Clinic')).toBeVisible();
  await expect(memberRow(page, newcomer)).toBeVisible();
  expectClean('signing in as a member of two organizations');

  // …is removed from it while signed in, and reloads: the console says so and asks nothing of Lakeside.
  const { items } = await lakeside.get<{ items: { id: string; email: string }[] }>(`/members?query=${encodeURIComponent(newcomer)}`);
  const membership = items.find((m) => m.email === newcomer);
  expect(membership, 'the newcomer in Lakeside Clinic').toBeDefined();
  expect((await lakeside.delete(`/members/${membership!.id}`)).status()).toBe(204);
  apiPaths.length = 0;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'You are no longer a member' })).toBeVisible();
  expect(apiPaths, 'API requests after the reload').toEqual(['/v1/me']);
  expectClean('reloading after being removed');

  // The organization they still belong to is one click away.
  await page.getByRole('button', { name: 'Continue to Northwind Dental' }).click();
  await expect(area(page).getByText('People in Northwind Dental')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Organization: / })).toContainText('Northwind Dental');
  expectClean('continuing to the remaining organization');
});
