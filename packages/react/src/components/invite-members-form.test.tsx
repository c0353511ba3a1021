import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderWithServer, USERS, useTestServer } from '../test/server.js';
import { InviteMembersForm } from './invite-members-form.js';

const ctx = useTestServer();

test('once every row is sent, the submit button is disabled and never reads "Send 0 invitations"', async () => {
  await renderWithServer(ctx, <InviteMembersForm />, { as: USERS.admin });
  await userEvent.fill(page.getByRole('textbox', { name: 'Email (Person 1)' }), 'solo@example.com');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect.element(page.getByText('Invitation sent', { exact: true }).first()).toBeVisible();
  const submit = page.getByRole('button', { name: 'Send invitation' });
  await expect.element(submit).toBeDisabled();
  expect(page.getByRole('button', { name: /Send 0/ }).elements()).toHaveLength(0);
});
