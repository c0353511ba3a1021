/**
 * Workflow 1 (dental imaging cloud, license assignment): the owner assigns an Imaging App seat to
 * themself; invites an outside email, which is opened from the dev mailbox and accepted as that user,
 * and the admin assigns them an Imaging Cloud seat; a user without a seat sees the access-denied page.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN,
  API_URL,
  acceptLink,
  openPage,
  OWNER,
  screenshot,
  signIn,
  switchOrganization,
  uniqueEmail,
  waitForMail,
} from './helpers.js';

const DENIED =
  'Access to the app is currently unavailable. Please visit our website for more details on your account status.';
const subscriptions = (page: Page) => page.getByRole('region', { name: 'Subscriptions' });
const card = (page: Page, product: string) => subscriptions(page).getByRole('article', { name: product });
const used = async (page: Page, product: string) =>
  Number(await page.getByRole('meter', { name: `Seat usage of ${product}` }).getAttribute('aria-valuenow'));

test('license assignment: a seat for yourself, an outside person invited, accepted and given a seat; no seat, no access', async ({
  page,
  browser,
  request,
}, testInfo) => {
  // The demo owner already holds an Imaging App seat: take it back first, so the owner can assign it to themself.
  await signIn(page, OWNER);
  await expect(card(page, 'Imaging App')).toBeVisible();
  await screenshot(page, testInfo, 'dashboard');
  const appUsedAtStart = await used(page, 'Imaging App');
  await card(page, 'Imaging App').getByRole('button', { name: /Show seat holders/ }).click();
  await card(page, 'Imaging App').getByRole('button', { name: 'Unassign Olivia Owner' }).click();
  const unassign = page.getByRole('alertdialog', { name: 'Take the seat back from Olivia Owner?' });
  await unassign.getByRole('button', { name: 'Unassign seat' }).click();
  await expect(page.getByText('The seat of Olivia Owner was released.')).toBeVisible();
  await expect.poll(() => used(page, 'Imaging App')).toBe(appUsedAtStart - 1);

  // Without a seat, the product says so.
  await openPage(page, 'Imaging App');
  await expect(page.getByRole('heading', { name: 'Access Denied' })).toBeVisible();
  await expect(page.getByText(DENIED)).toBeVisible();
  await screenshot(page, testInfo, 'owner-access-denied');

  // "Assign Subscription": the picker lists the admin themself first.
  await openPage(page, 'Dashboard');
  await card(page, 'Imaging App').getByRole('button', { name: 'Assign seat of Imaging App' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign seats of Imaging App' });
  const people = assign.getByRole('group', { name: 'People' });
  await expect(people.getByRole('checkbox').first()).toHaveAccessibleName(/Olivia Owner \(you\)/);
  await people.getByRole('checkbox', { name: /Olivia Owner \(you\)/ }).check();
  await screenshot(page, testInfo, 'assign-seat-dialog');
  await assign.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect(assign.getByText('Olivia Owner: seat assigned')).toBeVisible();
  await assign.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => used(page, 'Imaging App')).toBe(appUsedAtStart);

  await openPage(page, 'Imaging App');
  await expect(page.getByRole('heading', { name: 'Imaging App', exact: true })).toBeVisible();
  await expect(page.getByText(DENIED)).toHaveCount(0);

  // An outside person is invited into the account's user directory …
  const outsider = uniqueEmail('dr.lee');
  await openPage(page, 'Invitations');
  await page.getByRole('button', { name: 'Invite people' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite people' });
  await invite.getByRole('textbox', { name: 'Email' }).fill(outsider);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByText('Invitation sent.')).toBeVisible();
  await invite.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: new RegExp(outsider.replace(/\./g, '\\.')) })).toContainText('Pending');

  // … opens the mail in the dev mailbox, and accepts (in their own browser).
  const mail = await waitForMail(request, outsider, /You are invited to join Northwind Dental/);
  const theirs = await browser.newPage();
  await theirs.goto(`${API_URL}/dev/mailbox`);
  const inMailbox = theirs.getByRole('article').filter({ hasText: `To ${outsider}` });
  await expect(inMailbox).toContainText('You are invited to join Northwind Dental');
  await screenshot(theirs, testInfo, 'dev-mailbox');
  await inMailbox.getByRole('link', { name: acceptLink(mail) }).click();
  await expect(theirs).toHaveURL(acceptLink(mail));
  await theirs.getByRole('button', { name: 'Sign in', exact: true }).click();
  await theirs.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(theirs.getByText('You have joined Northwind Dental.')).toBeVisible();
  await screenshot(theirs, testInfo, 'outsider-joined');

  // A member without a seat sees the access-denied page.
  await theirs.getByRole('button', { name: 'Continue to Northwind Dental' }).click();
  await openPage(theirs, 'Imaging App');
  await expect(theirs.getByRole('heading', { name: 'Access Denied' })).toBeVisible();
  await expect(theirs.getByText(DENIED)).toBeVisible();
  await expect(theirs.getByText('You do not hold a seat of Imaging App.')).toBeVisible();
  await screenshot(theirs, testInfo, 'outsider-access-denied');

  // The admin assigns them an Imaging Cloud seat.
  await signIn(page, ADMIN);
  await switchOrganization(page, 'Northwind Dental');
  await openPage(page, 'Dashboard');
  const cloudBefore = await used(page, 'Imaging Cloud');
  await card(page, 'Imaging Cloud').getByRole('button', { name: 'Assign seat of Imaging Cloud' }).click();
  const assignCloud = page.getByRole('dialog', { name: 'Assign seats of Imaging Cloud' });
  await assignCloud.getByRole('searchbox', { name: 'Search people' }).fill(outsider);
  await assignCloud.getByRole('checkbox', { name: new RegExp(outsider.replace(/\./g, '\\.')) }).check();
  await assignCloud.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect(assignCloud.getByText(/: seat assigned$/)).toBeVisible();
  await assignCloud.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => used(page, 'Imaging Cloud')).toBe(cloudBefore + 1);
  await screenshot(page, testInfo, 'dashboard-after-assignments');
  await waitForMail(request, outsider, /You have been assigned Imaging Cloud/);

  // The server now lets them into Imaging Cloud (and still not into Imaging App).
  const { token } = (await (await request.post(`${API_URL}/dev/token`, { data: { email: outsider } })).json()) as { token: string };
  const me = (await (await request.get(`${API_URL}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    memberships: { organization: { id: string; name: string } }[];
  };
  const orgId = me.memberships.find((m) => m.organization.name === 'Northwind Dental')!.organization.id;
  const access = async (product: string) =>
    (await (await request.get(`${API_URL}/v1/orgs/${orgId}/access?product=${product}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      allowed: boolean;
      reason?: string;
    };
  expect(await access('imaging-cloud')).toMatchObject({ allowed: true });
  expect(await access('imaging-app')).toMatchObject({ allowed: false, reason: 'no_seat' });
  await theirs.close();
});
