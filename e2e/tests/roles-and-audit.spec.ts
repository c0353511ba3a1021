import { expect, test } from '@playwright/test';
import { openPage, OWNER, screenshot, signIn, watchBrowserProblems } from './helpers.js';

/**
 * The integration surface as an owner finds it in the console: a custom role made on the Roles tab (its
 * permissions in plain words), then the change read back as a sentence on the Audit log tab, filtered by action.
 */
test('the owner creates a role, then reads it in the audit log, filtered to role changes', async ({ page }, testInfo) => {
  const name = `Auditors ${Date.now().toString(36)}`;
  const browser = watchBrowserProblems(page);
  await signIn(page, OWNER);
  await openPage(page, 'Roles');
  const roles = page.getByRole('region', { name: 'Roles' });
  await expect(roles.getByRole('heading', { name: 'Built-in roles' })).toBeVisible();
  await roles.getByRole('button', { name: 'New role' }).click();
  await roles.getByLabel('Name', { exact: true }).fill(name);
  await roles.getByRole('checkbox', { name: /See the audit trail/ }).check();
  await screenshot(page, testInfo, 'role-editor-new');
  await roles.getByRole('button', { name: 'Create role' }).click();
  await expect(roles.getByText(`Role “${name}” created.`)).toBeVisible();

  await openPage(page, 'Audit log');
  const log = page.getByRole('region', { name: 'Audit log' });
  const sentence = log.getByText(`Olivia Owner created the role ${name}`);
  await expect(sentence).toBeVisible();
  await log.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Role created' });
  await expect(sentence).toBeVisible();
  // Only role creations are left.
  await expect(log.getByText(/ assigned /)).toHaveCount(0);
  await screenshot(page, testInfo, 'audit-log-filtered');
  expect(browser.problems()).toEqual([]);
});
