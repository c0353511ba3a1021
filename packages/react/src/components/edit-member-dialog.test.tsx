import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { EditMemberDialog } from './edit-member-dialog.js';
import { RemoveMemberDialog } from './remove-member-dialog.js';

const ctx = useTestServer();

async function getMember(memberId: string) {
  const client = await createTestClient(ctx, { as: USERS.owner });
  return client.members.get({ orgId: ctx.demo.northwind.orgId, memberId });
}

test('grants a permission on top of the role; the role’s own permissions are shown checked and locked', async () => {
  await renderWithServer(ctx, <EditMemberDialog defaultOpen memberId={ctx.demo.northwind.memberMemberId} />, { as: USERS.owner });
  const dialog = page.getByRole('dialog', { name: 'Edit Mia Member' });
  await expect.element(dialog).toBeVisible();
  const seeMembers = dialog.getByRole('checkbox', { name: /See members/ });
  await expect.element(seeMembers).toBeChecked();
  await expect.element(seeMembers).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Assign seats' }).click();
  await expectNoAxeViolations();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  const mia = await getMember(ctx.demo.northwind.memberMemberId);
  expect(mia.grants).toEqual(['seats:assign']);
  expect(mia.permissions).toContain('seats:assign');
});

test('the owner’s role is locked with the reason; an admin cannot change another admin’s role, but may change its own', async () => {
  const first = await renderWithServer(ctx, <EditMemberDialog defaultOpen memberId={ctx.demo.northwind.ownerMemberId} />, { as: USERS.owner });
  const role = page.getByRole('dialog').getByRole('combobox', { name: 'Role' });
  await expect.element(role).toBeDisabled();
  await expect.element(role).toHaveAccessibleDescription('The owner’s role changes only by transferring ownership.');
  first.unmount();

  const self = await renderWithServer(ctx, <EditMemberDialog defaultOpen memberId={ctx.demo.northwind.adminMemberId} />, { as: USERS.admin });
  // Stepping down is allowed, as on the server; one's own status is not.
  await expect.element(page.getByRole('dialog').getByRole('combobox', { name: 'Role' })).toBeEnabled();
  await expect.element(page.getByRole('dialog').getByRole('combobox', { name: 'Status' })).toBeDisabled();
  self.unmount();

  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.members.update({ orgId: ctx.demo.northwind.orgId, memberId: ctx.demo.northwind.memberMemberId, role: 'admin' });
  await renderWithServer(ctx, <EditMemberDialog defaultOpen memberId={ctx.demo.northwind.memberMemberId} />, { as: USERS.admin });
  const adminRole = page.getByRole('dialog').getByRole('combobox', { name: 'Role' });
  await expect.element(adminRole).toBeDisabled();
  await expect.element(adminRole).toHaveAccessibleDescription('Only the owner can change an admin’s role.');
  await expect.element(page.getByRole('dialog').getByRole('combobox', { name: 'Status' })).toBeDisabled();
});

test('empty names and a bad email are caught on their fields; nothing is sent', async () => {
  await renderWithServer(ctx, <EditMemberDialog defaultOpen memberId={ctx.demo.northwind.memberMemberId} />, { as: USERS.admin });
  const dialog = page.getByRole('dialog', { name: 'Edit Mia Member' });
  await userEvent.fill(dialog.getByRole('textbox', { name: 'First name' }), '   ');
  await userEvent.fill(dialog.getByRole('textbox', { name: 'Email' }), 'mia@');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.element(dialog.getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription('Required');
  await expect.element(dialog.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription('Enter a valid email address.');
  expect((await getMember(ctx.demo.northwind.memberMemberId)).firstName).toBe('Mia');
});

test('a member without members:update sees the form disabled with the reason', async () => {
  await renderWithServer(ctx, <EditMemberDialog defaultOpen memberId={ctx.demo.northwind.adminMemberId} />, { as: USERS.member });
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByText('You need the “Edit members” permission to change members.').first()).toBeVisible();
  await expect.element(dialog.getByRole('textbox', { name: 'First name' })).toBeDisabled();
  await expect.element(dialog.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
});

test('keyboard only: Tab moves through the form, Escape closes', async () => {
  await renderWithServer(ctx, <EditMemberDialog defaultOpen memberId={ctx.demo.northwind.memberMemberId} />, { as: USERS.owner });
  const dialog = page.getByRole('dialog', { name: 'Edit Mia Member' });
  await expect.element(dialog.getByRole('textbox', { name: 'First name' })).toHaveFocus();
  await userEvent.keyboard('{Control>}a{/Control}Maya');
  await expect.element(dialog.getByRole('textbox', { name: 'First name' })).toHaveValue('Maya');
  await userEvent.tab();
  await expect.element(dialog.getByRole('textbox', { name: 'Last name' })).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  // By role only: the optimistic update already renamed the dialog; it closes once the server saved.
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  expect((await getMember(ctx.demo.northwind.memberMemberId)).firstName).toBe('Maya');
});

test('RemoveMemberDialog lists what the person loses, including their seats', async () => {
  const client = await createTestClient(ctx, { as: USERS.owner });
  const orgId = ctx.demo.northwind.orgId;
  await client.seats.assign({ orgId, subscriptionId: ctx.demo.northwind.subscriptions.imagingCloud, memberIds: [ctx.demo.northwind.memberMemberId] });
  const mia = await client.members.get({ orgId, memberId: ctx.demo.northwind.memberMemberId });
  await renderWithServer(ctx, <RemoveMemberDialog defaultOpen member={mia} />, { as: USERS.owner });
  const dialog = page.getByRole('alertdialog', { name: 'Remove Mia Member?' });
  await expect.element(dialog.getByText('their role: Member')).toBeVisible();
  // The seed gave Mia an Imaging App seat; she now holds one of each product.
  await expect.element(dialog.getByText(/^the 2 seats they hold \(released for others\): .*Imaging Cloud/)).toBeVisible();
  expect(mia.subscriptionIds).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect.element(dialog).not.toBeInTheDocument();
  const subs = await client.subscriptions.list({ orgId });
  expect(subs.items.find((s) => s.id === ctx.demo.northwind.subscriptions.imagingCloud)?.seats.assigned).toBe(0);
});
