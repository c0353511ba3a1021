/**
 * Workflow 2 (marketing platform, "Account users"): add a user with first name, last name, email and
 * permissions → a welcome mail; modify name, email and permissions; delete with the confirmation
 * dialog → removal mail, user gone, seats freed.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, openPage, screenshot, selectOptionContaining, signIn, switchOrganization, uniqueEmail, waitForMail } from './helpers.js';

const members = (page: Page) => page.getByRole('region', { name: 'Account users' });
const usage = (page: Page, product: string) => page.getByRole('meter', { name: `Seat usage of ${product}` });

async function search(page: Page, text: string) {
  await members(page).getByRole('searchbox', { name: 'Search members' }).fill(text);
}

/** The console's two layouts: a laptop (the members as a table) and a phone (cards, the navigation in a menu). */
for (const [width, viewport] of [
  ['1280 px', { width: 1280, height: 860 }],
  ['390 px', { width: 390, height: 844 }],
] as const) {
  test.describe(`at ${width}`, () => {
    test.use({ viewport });

    test('add a user with details and permissions, modify them, then delete them: mails sent, seats freed', async ({ page, request }, testInfo) => {
      const email = uniqueEmail('wanda');
      const newEmail = uniqueEmail('wendy');
      // The admin works in two organizations; this happens in Northwind Dental.
      await signIn(page, ADMIN);
      await switchOrganization(page, 'Northwind Dental');
      await openPage(page, 'Users');
      await expect(members(page).getByText('People in Northwind Dental')).toBeVisible();
      await expect(members(page).getByRole('heading', { name: 'Account users' })).toBeVisible();
      await screenshot(page, testInfo, 'account-users');

      // Add user: names, email, role and one extra permission.
      await members(page).getByRole('button', { name: 'Add user' }).click();
      const add = page.getByRole('dialog', { name: 'Add a user' });
      await add.getByLabel('First name', { exact: true }).fill('Wanda');
      await add.getByLabel('Last name', { exact: true }).fill('Wells');
      await add.getByLabel('Email', { exact: true }).fill(email);
      await add.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' });
      await add.getByRole('checkbox', { name: 'Assign seats' }).check();
      await screenshot(page, testInfo, 'add-user-dialog');
      await add.getByRole('button', { name: 'Add user' }).click();
      await expect(add).toBeHidden();

      const welcome = await waitForMail(request, email, /^Your account in Northwind Dental$/);
      expect(welcome.text).toContain('Wanda');

      await search(page, email);
      const row = members(page).getByRole('row', { name: /Wanda Wells/ });
      await expect(row).toContainText(email);
      await expect(row).toContainText('Member');

      // Modify: first name, email and permissions.
      await row.getByRole('button', { name: 'Edit Wanda Wells' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit Wanda Wells' });
      await expect(edit.getByRole('checkbox', { name: 'Assign seats' })).toBeChecked();
      await edit.getByLabel('First name', { exact: true }).fill('Wendy');
      await edit.getByLabel('Email', { exact: true }).fill(newEmail);
      await edit.getByRole('checkbox', { name: 'See the audit trail' }).check();
      await screenshot(page, testInfo, 'edit-user-dialog');
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect(edit).toBeHidden();

      await search(page, newEmail);
      const edited = members(page).getByRole('row', { name: /Wendy Wells/ });
      await expect(edited).toContainText(newEmail);
      await edited.getByRole('button', { name: 'Edit Wendy Wells' }).click();
      const reopened = page.getByRole('dialog', { name: 'Edit Wendy Wells' });
      await expect(reopened.getByLabel('Email', { exact: true })).toHaveValue(newEmail);
      await expect(reopened.getByRole('checkbox', { name: 'Assign seats' })).toBeChecked();
      await expect(reopened.getByRole('checkbox', { name: 'See the audit trail' })).toBeChecked();
      await reopened.getByRole('button', { name: 'Cancel' }).click();

      // Give them an Imaging App seat, so the deletion has a seat to free.
      const appBefore = Number(await usage(page, 'Imaging App').getAttribute('aria-valuenow'));
      await edited.getByRole('button', { name: 'Assign seat to Wendy Wells' }).click();
      const assign = page.getByRole('dialog', { name: /Assign seats/ });
      await selectOptionContaining(assign.getByLabel('Subscription'), 'Imaging App');
      await expect(assign.getByRole('checkbox', { name: /Wendy Wells/ })).toBeChecked();
      await assign.getByRole('button', { name: 'Assign 1 seat' }).click();
      await expect(assign.getByText('Wendy Wells: seat assigned')).toBeVisible();
      await assign.getByRole('button', { name: 'Done' }).click();
      await expect(usage(page, 'Imaging App')).toHaveAttribute('aria-valuenow', String(appBefore + 1));

      // Delete, with the confirmation dialog saying what they lose.
      await edited.getByRole('button', { name: 'Remove Wendy Wells' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Remove Wendy Wells?' });
      await expect(confirm).toContainText(newEmail);
      await expect(confirm).toContainText('the seat they hold (released for others)');
      await expect(confirm).toContainText('They are emailed that their account is queued for deletion.');
      await screenshot(page, testInfo, 'remove-user-confirmation');
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await expect(confirm).toBeHidden();

      await expect(members(page).getByRole('row', { name: /Wendy Wells/ })).toHaveCount(0);
      await expect(members(page).getByText('No members match')).toBeVisible();
      await waitForMail(request, newEmail, /queued for deletion/);
      await expect(usage(page, 'Imaging App')).toHaveAttribute('aria-valuenow', String(appBefore));
      await screenshot(page, testInfo, 'after-removal');
    });
  });
}
