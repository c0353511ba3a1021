/**
 * Workflow 1 (dental imaging cloud, license assignment): the owner assigns an Imaging App seat to
 * themself; invites an outside email and, while the invitation is pending, picks the invitee in
 * "Assign seat" of Imaging Cloud (a seat is reserved for them); the invitee opens the mail from the dev
 * mailbox and accepts, and the reserved seat is theirs; a user without a seat sees the access-denied
 * page. Picking a pending invitee runs on a laptop (1280 px) and on a phone (390 px).
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import {
  ADMIN,
  API_URL,
  acceptLink,
  apiAs,
  mailbox,
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
const pattern = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/**
 * "Assign seat" of `product` on the dashboard: finds the pending invitee `email` (listed after the members, marked
 * "Invited"), picks them and assigns. The seat is reserved for them and shown so until they accept.
 */
async function reserveForInvitee(page: Page, product: string, email: string, testInfo: TestInfo, shot: string) {
  await card(page, product).getByRole('button', { name: `Assign seat of ${product}` }).click();
  const dialog = page.getByRole('dialog', { name: `Assign seats of ${product}` });
  await dialog.getByRole('searchbox', { name: 'Search people' }).fill(email);
  const row = dialog.getByRole('group', { name: 'People' }).getByRole('listitem').filter({ hasText: email });
  await expect(row).toContainText('Invited');
  const checkbox = row.getByRole('checkbox', { name: pattern(email) });
  await expect(checkbox).toHaveAccessibleDescription('Invitation pending: the seat is reserved until they accept.');
  await checkbox.check();
  // Nothing of the dialog is cut off sideways, whatever the width.
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await screenshot(page, testInfo, shot);
  await dialog.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect(dialog.getByText(`${email}: seat reserved; it becomes theirs when they accept the invitation`)).toBeVisible();
  await expect(row).toContainText('Seat reserved');
  await expect(row.getByRole('checkbox')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

test('license assignment: a seat for yourself, an outside person invited and given a seat while pending, which is theirs once they accept; no seat, no access', async ({
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
  await expect(page.getByRole('row', { name: pattern(outsider) })).toContainText('Pending');

  // … and, still pending, picked in "Assign Subscription": a seat of Imaging Cloud is reserved for them.
  await openPage(page, 'Dashboard');
  const cloudBefore = await used(page, 'Imaging Cloud');
  await reserveForInvitee(page, 'Imaging Cloud', outsider, testInfo, 'assign-pending-invitee');
  // A reserved seat counts as used at once.
  await expect.poll(() => used(page, 'Imaging Cloud')).toBe(cloudBefore + 1);

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

  // A member without a seat of a product sees the access-denied page (their reserved seat was of Imaging Cloud).
  await theirs.getByRole('button', { name: 'Continue to Northwind Dental' }).click();
  await openPage(theirs, 'Imaging App');
  await expect(theirs.getByRole('heading', { name: 'Access Denied' })).toBeVisible();
  await expect(theirs.getByText(DENIED)).toBeVisible();
  await expect(theirs.getByText('You do not hold a seat of Imaging App.')).toBeVisible();
  await screenshot(theirs, testInfo, 'outsider-access-denied');

  // The admin finds them among the Imaging Cloud seat holders: accepting turned the reservation into their seat,
  // without taking a second one.
  await signIn(page, ADMIN);
  await switchOrganization(page, 'Northwind Dental');
  await openPage(page, 'Dashboard');
  await expect.poll(() => used(page, 'Imaging Cloud')).toBe(cloudBefore + 1);
  await card(page, 'Imaging Cloud').getByRole('button', { name: /Show seat holders/ }).click();
  await expect(card(page, 'Imaging Cloud').getByRole('list', { name: 'Seat holders of Imaging Cloud' })).toContainText(outsider);
  await screenshot(page, testInfo, 'dashboard-after-assignments');
  // The invitation was the news: no "You have been assigned" mail for a reserved seat.
  expect((await mailbox(request)).filter((m) => m.to === outsider && /You have been assigned/.test(m.subject))).toEqual([]);

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

test.describe('at 390 px (a phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a pending invitee is picked in "Assign seat" and gets a seat reserved', async ({ page, request }, testInfo) => {
    // Invited beforehand (as in the workflow, through the API here): pending, not yet a member.
    const invitee = uniqueEmail('dr.kim');
    const admin = await apiAs(request, ADMIN);
    const created = await admin.post('/invitations', { invitations: [{ email: invitee, role: 'member' }] });
    expect(created.ok()).toBe(true);
    const { results } = (await created.json()) as { results: { ok: boolean; invitation: { id: string } }[] };

    await signIn(page, ADMIN);
    await switchOrganization(page, 'Northwind Dental');
    await openPage(page, 'Dashboard');
    const before = await used(page, 'Imaging Cloud');
    await reserveForInvitee(page, 'Imaging Cloud', invitee, testInfo, 'assign-pending-invitee-390');
    await expect.poll(() => used(page, 'Imaging Cloud')).toBe(before + 1);
    // The server holds the reservation on the invitation.
    const pending = await admin.get<{ items: { email: string; subscriptionIds: string[] }[] }>('/invitations?status=pending&limit=200');
    const subscriptions = await admin.get<{ items: { id: string; product: { key: string } }[] }>('/subscriptions');
    const cloudId = subscriptions.items.find((s) => s.product.key === 'imaging-cloud')!.id;
    expect(pending.items.find((i) => i.email === invitee)?.subscriptionIds).toEqual([cloudId]);

    // Revoking frees the reserved seat again (and leaves the demo's seats as they were).
    expect((await admin.delete(`/invitations/${results[0]!.invitation.id}`)).ok()).toBe(true);
    await page.reload();
    await expect.poll(() => used(page, 'Imaging Cloud')).toBe(before);
  });
});
