import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { provisioning, renderWithServer, USERS, useTestServer } from '../test/server.js';
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

test('a person with a pending invitation is reported as already invited, and gets no second email', async () => {
  const pending = 'new.hire@northwind.test'; // the demo's pending invitation
  const before = (await ctx.server.mailbox()).filter((m) => m.to === pending).length;
  await renderWithServer(ctx, <InviteMembersForm />, { as: USERS.admin });
  await userEvent.fill(page.getByRole('textbox', { name: 'Email (Person 1)' }), pending);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const row = page.getByRole('listitem', { name: 'Person 1' });
  await expect.element(row.getByText('Already invited — the pending invitation is kept, no new email')).toBeVisible();
  expect(row.getByText('Invitation sent', { exact: true }).elements()).toHaveLength(0);
  await expect.element(page.getByText('No invitations sent.')).toBeVisible();
  expect((await ctx.server.mailbox()).filter((m) => m.to === pending)).toHaveLength(before);
});

test('a canceled or expired subscription is greyed out with the reason: no seat of it can be reserved', async () => {
  const { orgId, subscriptions } = ctx.demo.northwind;
  await provisioning(ctx).subscriptions.update({ orgId, subscriptionId: subscriptions.imagingCloud, status: 'canceled' });
  await provisioning(ctx).subscriptions.update({ orgId, subscriptionId: subscriptions.imagingApp, expiresAt: '2020-01-01T00:00:00.000Z' });
  await renderWithServer(ctx, <InviteMembersForm />, { as: USERS.admin });
  await page.getByRole('listitem', { name: 'Person 1' }).getByRole('button', { name: 'Add names' }).click();
  const cloud = page.getByRole('checkbox', { name: 'Imaging Cloud (Person 1)' });
  await expect.element(cloud).toBeDisabled();
  await expect.element(cloud).toHaveAccessibleDescription('This subscription was canceled, so its seats cannot be handed out.');
  const app = page.getByRole('checkbox', { name: 'Imaging App (Person 1)' });
  await expect.element(app).toBeDisabled();
  await expect.element(app).toHaveAccessibleDescription('This subscription has expired, so its seats cannot be handed out.');
});
