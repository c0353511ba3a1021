/**
 * Workflow 3 (ultrasound cloud, institution users): invite three emails with different roles in one
 * form; one accepts and sees the confirmation; a person in two institutions switches between them;
 * the list is filtered by role; an admin cannot remove another admin, the owner can.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  acceptLink,
  ADMIN,
  API_URL,
  LAKESIDE_OWNER,
  openPage,
  OWNER,
  screenshot,
  signIn,
  switchOrganization,
  uniqueEmail,
  waitForMail,
} from './helpers.js';

const area = (page: Page) => page.getByRole('region', { name: 'Account users' });
const membersSection = (page: Page) => area(page).getByRole('region', { name: 'Members', exact: true });
const memberRow = (page: Page, email: string) => membersSection(page).getByRole('row').filter({ hasText: email });
const invitationRow = (page: Page, email: string) =>
  area(page).getByRole('region', { name: 'Invitations', exact: true }).getByRole('row').filter({ hasText: email });

/** The institution defines a role of its own (a third role besides admin and member), through the API. */
async function ensureBillingRole(request: APIRequestContext): Promise<void> {
  const auth = { authorization: `Bearer ${((await (await request.post(`${API_URL}/dev/token`, { data: { email: OWNER } })).json()) as { token: string }).token}` };
  const me = (await (await request.get(`${API_URL}/v1/me`, { headers: auth })).json()) as { memberships: { organization: { id: string; name: string } }[] };
  const orgId = me.memberships.find((m) => m.organization.name === 'Northwind Dental')!.organization.id;
  const roles = (await (await request.get(`${API_URL}/v1/orgs/${orgId}/roles`, { headers: auth })).json()) as { items: { key: string }[] };
  if (roles.items.some((r) => r.key === 'billing')) return;
  const created = await request.post(`${API_URL}/v1/orgs/${orgId}/roles`, {
    headers: auth,
    data: { key: 'billing', name: 'Billing', permissions: ['members:read', 'seats:read'] },
  });
  expect(created.ok(), await created.text()).toBe(true);
}

/** The console's two layouts: a laptop (the members as a table) and a phone (cards, the navigation in a menu). */
for (const [width, viewport] of [
  ['1280 px', { width: 1280, height: 860 }],
  ['390 px', { width: 390, height: 844 }],
] as const) {
  test.describe(`at ${width}`, () => {
    test.use({ viewport });

    test('institution users: invite three with their roles, one accepts, switch institutions, filter by role, only the owner removes an admin', async ({
      page,
      browser,
      request,
    }, testInfo) => {
      await ensureBillingRole(request);
      const newAdmin = uniqueEmail('admin.two');
      const newMember = uniqueEmail('sonographer');
      const newBilling = uniqueEmail('billing');

      // A person in two institutions switches between them; each shows its own people.
      await signIn(page, ADMIN);
      await openPage(page, 'Users');
      await switchOrganization(page, 'Lakeside Clinic');
      await expect(area(page).getByText('People in Lakeside Clinic')).toBeVisible();
      await expect(memberRow(page, LAKESIDE_OWNER)).toBeVisible();
      await screenshot(page, testInfo, 'lakeside-users');
      await switchOrganization(page, 'Northwind Dental');
      await expect(area(page).getByText('People in Northwind Dental')).toBeVisible();
      // (Adam Admin sorts first, so his row is rendered by the virtualized list.)
      await expect(memberRow(page, ADMIN)).toBeVisible();
      await expect(memberRow(page, LAKESIDE_OWNER)).toHaveCount(0);

      // Three addresses, each with its own role, "+" for each new row, sent in one go.
      await area(page).getByRole('button', { name: 'Invite people' }).click();
      const invite = page.getByRole('dialog', { name: 'Invite people' });
      const people: [string, string][] = [
        [newAdmin, 'Admin'],
        [newMember, 'Member'],
        [newBilling, 'Billing'],
      ];
      for (const [index, [email, role]] of people.entries()) {
        if (index > 0) await invite.getByRole('button', { name: 'Add another person' }).click();
        await invite.getByRole('textbox', { name: `Email (Person ${index + 1})` }).fill(email);
        await invite.getByRole('combobox', { name: `Role (Person ${index + 1})` }).selectOption({ label: role });
      }
      await screenshot(page, testInfo, 'invite-three');
      await invite.getByRole('button', { name: 'Send 3 invitations' }).click();
      await expect(invite.getByText('3 invitations sent.')).toBeVisible();
      await invite.getByRole('button', { name: 'Done' }).click();

      for (const [email, role] of people) {
        // Case-insensitive: InvitationList shows a custom role by its key ("billing"), not its name (reported).
        await expect(invitationRow(page, email)).toContainText(new RegExp(role, 'i'));
        await waitForMail(request, email, /You are invited to join Northwind Dental/);
      }

      // The new admin accepts, in their own browser, and sees the confirmation.
      const theirs = await browser.newPage();
      await theirs.goto(acceptLink(await waitForMail(request, newAdmin, /You are invited/)));
      await theirs.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(theirs.getByText(/invited you to join Northwind Dental as Admin/)).toBeVisible();
      await theirs.getByRole('button', { name: 'Accept invitation' }).click();
      await expect(theirs.getByRole('heading', { name: 'Welcome' })).toBeVisible();
      await expect(theirs.getByText('You have joined Northwind Dental.')).toBeVisible();
      await screenshot(theirs, testInfo, 'invitee-confirmation');
      await theirs.close();

      // Filter by role: only the admins.
      await page.reload();
      await expect(area(page).getByText('People in Northwind Dental')).toBeVisible();
      await area(page).getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: 'Admin' });
      await expect(memberRow(page, newAdmin)).toBeVisible();
      await expect(memberRow(page, ADMIN)).toBeVisible();
      await expect(memberRow(page, 'member@northwind.test')).toHaveCount(0);
      await expect(memberRow(page, OWNER)).toHaveCount(0);
      for (const row of await membersSection(page).getByRole('row').filter({ hasText: '@' }).all()) await expect(row).toContainText('Admin');
      await screenshot(page, testInfo, 'filtered-admins');

      // An admin cannot remove another admin: the action is there, disabled, with the reason.
      const remove = memberRow(page, newAdmin).getByRole('button', { name: /^Remove / });
      await expect(remove).toBeDisabled();
      await expect(remove).toHaveAccessibleDescription('Only the owner can change or remove an admin.');

      // The owner (the institution's main contact) can.
      await signIn(page, OWNER);
      await openPage(page, 'Users');
      await area(page).getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: 'Admin' });
      await memberRow(page, newAdmin).getByRole('button', { name: /^Remove / }).click();
      const confirm = page.getByRole('alertdialog', { name: /^Remove / });
      await expect(confirm).toContainText(newAdmin);
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await expect(memberRow(page, newAdmin)).toHaveCount(0);
      await waitForMail(request, newAdmin, /queued for deletion/);

      // Removed users lose access to everything of the institution at once.
      const { token } = (await (await request.post(`${API_URL}/dev/token`, { data: { email: newAdmin } })).json()) as { token: string };
      const me = (await (await request.get(`${API_URL}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { memberships: unknown[] };
      expect(me.memberships).toEqual([]);
    });
  });
}
