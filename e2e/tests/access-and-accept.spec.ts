import { expect, test } from '@playwright/test';
import { acceptLink, apiAs, MEMBER, openPage, OWNER, screenshot, signIn, uniqueEmail, waitForMail, watchBrowserProblems } from './helpers.js';

const DENIED =
  'Access to the app is currently unavailable. Please visit our website for more details on your account status.';

test('a member without a seat sees the access-denied page; a seat holder sees the product', async ({ page }, testInfo) => {
  await signIn(page, 'ava.brooks@northwind.test');
  await openPage(page, 'Imaging App');
  await expect(page.getByRole('heading', { name: 'Access Denied' })).toBeVisible();
  await expect(page.getByText(DENIED)).toBeVisible();
  await expect(page.getByText('You do not hold a seat of Imaging App.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Imaging App', exact: true })).toHaveCount(0);
  await screenshot(page, testInfo, 'access-denied');

  await signIn(page, MEMBER);
  await openPage(page, 'Imaging App');
  await expect(page.getByRole('heading', { name: 'Imaging App', exact: true })).toBeVisible();
  await expect(page.getByText(/Welcome to Imaging App for Northwind Dental/)).toBeVisible();
  await expect(page.getByText(DENIED)).toHaveCount(0);
  await screenshot(page, testInfo, 'product-allowed');
});

test('the seeded invitation: the mailbox link opens the console, the invitee signs in, accepts and lands in the org', async ({
  page,
  request,
}, testInfo) => {
  const mail = await waitForMail(request, 'new.hire@northwind.test', /invit/i);
  const link = acceptLink(mail);
  expect(new URL(link).pathname).toBe('/accept-invitation');
  // Opened signed out, the page asks nothing about "me" (a 401), and the whole way logs no error.
  const browser = watchBrowserProblems(page);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Join Northwind Dental' })).toBeVisible();
  await expect(page.getByText('Adam Admin invited you to join Northwind Dental as Member.')).toBeVisible();
  await expect(page.getByText('Sign in as new.hire@northwind.test to accept this invitation.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
  await screenshot(page, testInfo, 'accept-sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByLabel('Signed in as')).toHaveText('new.hire@northwind.test');
  await screenshot(page, testInfo, 'accept-preview');
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByText('You have joined Northwind Dental.')).toBeVisible();
  await screenshot(page, testInfo, 'accept-joined');

  await page.getByRole('button', { name: 'Continue to Northwind Dental' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel('Signed in as')).toHaveText('new.hire@northwind.test');

  // The link is spent: opening it again says so.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This invitation was already accepted' })).toBeVisible();
  expect(browser.problems()).toEqual([]);
});

test('an invitation link opened while signed in as someone else offers to switch to the invited account', async ({ page, request }, testInfo) => {
  const invitee = uniqueEmail('switcher');
  const owner = await apiAs(request, OWNER);
  const created = await owner.post('/invitations', { invitations: [{ email: invitee, role: 'member' }] });
  expect(created.ok()).toBe(true);
  const link = acceptLink(await waitForMail(request, invitee, /You are invited to join Northwind Dental/));

  await signIn(page, OWNER);
  await page.goto(link);
  await expect(page.getByText(`You are signed in as ${OWNER}, but this invitation is for ${invitee}. Sign in as ${invitee} to accept it.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
  await screenshot(page, testInfo, 'accept-wrong-account');
  await page.getByRole('button', { name: 'Use another account' }).click();

  await expect(page.getByLabel('Signed in as')).toHaveText(invitee);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByText('You have joined Northwind Dental.')).toBeVisible();
});
