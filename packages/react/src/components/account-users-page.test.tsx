import { beforeEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { fr } from '../messages/fr/index.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { renderWithServer, USERS, useTestServer } from '../test/server.js';
import { AccountUsersPage } from './account-users-page.js';

const ctx = useTestServer();

// A desktop-wide page: at the default 414 px the member list shows cards (member-table.test.tsx covers them).
beforeEach(async () => {
  await page.viewport(1280, 900);
});

test('an admin sees members, invitations and subscriptions, with zero axe violations', async () => {
  await renderWithServer(ctx, <AccountUsersPage />, { as: USERS.admin });
  await expect.element(page.getByRole('heading', { level: 1, name: 'Account users' })).toBeVisible();
  await expect.element(page.getByText('People in Northwind Dental, their invitations and their seats.')).toBeVisible();
  await expect.element(page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible();
  await expect.element(page.getByRole('heading', { level: 2, name: 'Invitations' })).toBeVisible();
  await expect.element(page.getByRole('heading', { level: 2, name: 'Subscriptions' })).toBeVisible();
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Invite people' })).not.toHaveAttribute('aria-disabled');
  // Only the owner may transfer ownership: an admin is not offered it.
  expect(page.getByRole('button', { name: 'Transfer ownership' }).elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('"Assign seat" on a member row opens the seat dialog for that member', async () => {
  await renderWithServer(ctx, <AccountUsersPage />, { as: USERS.admin });
  await page.getByRole('button', { name: 'Assign seat to Mia Member' }).click();
  await expect.element(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations();
});

test('a plain member sees the members and seats but no invitations, and the invite button says why it is disabled', async () => {
  await renderWithServer(ctx, <AccountUsersPage />, { as: USERS.member });
  await expect.element(page.getByRole('cell', { name: 'Adam Admin', exact: true })).toBeVisible();
  expect(page.getByRole('heading', { name: 'Invitations' }).elements()).toHaveLength(0);
  await expect.element(page.getByRole('button', { name: 'Invite people' })).toHaveAttribute('aria-disabled', 'true');
  expect(page.getByRole('button', { name: /^Remove / }).elements()).toHaveLength(0);
});

test('someone who is not a member of the organization gets the no-access state and asks for nothing of it', async () => {
  const asked: string[] = [];
  await renderWithServer(ctx, <AccountUsersPage />, {
    as: USERS.lakesideOwner,
    orgId: ctx.demo.northwind.orgId,
    intercept: (request) => {
      asked.push(new URL(request.url).pathname);
      return undefined;
    },
  });
  await expect.element(page.getByText('You cannot see the users of this account')).toBeVisible();
  expect(asked).toEqual(['/v1/me']);
});

test('the owner can transfer ownership; afterwards they are an admin and no longer offered it', async () => {
  const { client } = await renderWithServer(ctx, <AccountUsersPage />, { as: USERS.owner });
  await page.getByRole('button', { name: 'Transfer ownership' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer ownership' });
  await expect.element(dialog).toBeVisible();
  await expect.element(dialog.getByRole('combobox', { name: 'New owner' })).toBeVisible();
  await expectNoAxeViolations();
  await dialog.getByRole('button', { name: 'Transfer ownership' }).click();
  // Nothing chosen yet: the select says so.
  await expect.element(dialog.getByRole('combobox', { name: 'New owner' })).toHaveAccessibleDescription('Choose a member');
  const select = dialog.getByRole('combobox', { name: 'New owner' });
  const adam = [...(select.element() as HTMLSelectElement).options].find((o) => o.text.startsWith('Adam Admin'))!;
  (select.element() as HTMLSelectElement).value = adam.value;
  select.element().dispatchEvent(new Event('change', { bubbles: true }));
  await expect.element(dialog.getByText('Adam Admin becomes the owner and main contact. You become an admin.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Transfer ownership' }).click();
  await expect.element(dialog).not.toBeInTheDocument();
  const organization = await client.organizations.get({ orgId: ctx.demo.northwind.orgId });
  expect(organization.ownerMemberId).toBe(ctx.demo.northwind.adminMemberId);
  await expect.element(page.getByRole('button', { name: 'Transfer ownership' })).not.toBeInTheDocument();
});

test('renders in French', async () => {
  await renderWithServer(ctx, <AccountUsersPage />, { as: USERS.admin, messages: fr, locale: 'fr' });
  await expect.element(page.getByRole('heading', { level: 1, name: 'Utilisateurs du compte' })).toBeVisible();
  await expect.element(page.getByRole('columnheader', { name: 'Dernière activité' })).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Inviter des personnes' })).toBeVisible();
});

test('dark theme and right-to-left layout keep zero axe violations (contrast included)', async () => {
  await renderWithServer(ctx, <AccountUsersPage />, {
    as: USERS.admin,
    wrapper: (ui) => (
      <div className="dark" dir="rtl" style={{ background: 'var(--seatkit-background)', padding: 16 }}>
        {ui}
      </div>
    ),
  });
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).toBeVisible();
  await expectNoAxeViolations();
});

test('Settings: the organization’s language, which the owner may change', async () => {
  await renderWithServer(ctx, <AccountUsersPage />, { as: USERS.owner });
  await expect.element(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect.element(page.getByRole('combobox', { name: 'Language of the organization' })).toBeEnabled();
  await expect.element(page.getByRole('button', { name: 'Save language' })).toBeVisible();
});
