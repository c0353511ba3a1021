import { expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fr } from '../messages/fr/index.js';
import { animationsFinished } from '../test/animations.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { RoleEditor } from './role-editor.js';
import { roleKeyFromName } from './role-form.js';

const ctx = useTestServer();

async function ownerClient() {
  return createTestClient(ctx, { as: USERS.owner });
}

async function serverRoles() {
  const { items } = await (await ownerClient()).roles.list({ orgId: ctx.demo.northwind.orgId });
  return items;
}

test('keys derived from names are ones the server accepts', () => {
  expect(roleKeyFromName('Support Agent')).toBe('support-agent');
  expect(roleKeyFromName('Équipe 2 (Lyon)')).toBe('equipe-2-lyon');
  expect(roleKeyFromName('42 admins')).toBe('admins');
  expect(roleKeyFromName('x'.repeat(80))).toHaveLength(40);
});

test('the built-in roles are listed read-only and marked; no custom role yet says how to start; zero axe violations', async () => {
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.owner });
  const builtIn = page.getByRole('region', { name: 'Built-in roles' });
  await expect.element(builtIn.getByRole('list', { name: 'Permissions of Owner' })).toBeVisible();
  expect(builtIn.getByText('Built-in', { exact: true }).elements()).toHaveLength(3);
  await expect.element(builtIn.getByRole('list', { name: 'Permissions of Member' })).toHaveTextContent(/See members\s*See seats/);
  expect(builtIn.getByRole('button').elements()).toHaveLength(0);
  await expect.element(page.getByText('No custom roles yet')).toBeVisible();
  await expect.element(page.getByText(/Create a role to give people exactly the permissions they need/)).toBeVisible();
  await expectNoAxeViolations();
});

test('the owner creates a role, renames it and changes its permissions; the server has each change', async () => {
  const onChange = vi.fn();
  await renderWithServer(ctx, <RoleEditor onChange={onChange} />, { as: USERS.owner });
  await page.getByRole('button', { name: 'New role' }).click();
  const form = page.getByRole('form', { name: 'New role' });
  await expect.element(form.getByRole('textbox', { name: 'Name' })).toHaveFocus();
  await userEvent.keyboard('Support desk');
  await expect.element(form.getByRole('textbox', { name: 'Key' })).toHaveValue('support-desk');
  await form.getByRole('checkbox', { name: /See members/ }).click();
  await form.getByRole('checkbox', { name: /See seats/ }).click();
  await expectNoAxeViolations();
  await form.getByRole('button', { name: 'Create role' }).click();
  await expect.element(page.getByText('Role “Support desk” created.')).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'New role' })).toHaveFocus();
  expect((await serverRoles()).find((r) => r.key === 'support-desk')).toMatchObject({ name: 'Support desk', permissions: ['members:read', 'seats:read'] });

  // Rename, and give one more permission.
  await page.getByRole('button', { name: 'Edit Support desk' }).click();
  const edit = page.getByRole('form', { name: 'Edit Support desk' });
  await expect.element(edit.getByRole('textbox', { name: 'Name' })).toHaveFocus();
  await expect.element(edit.getByRole('textbox', { name: 'Key' })).not.toBeInTheDocument();
  await edit.getByRole('textbox', { name: 'Name' }).fill('Help desk');
  await edit.getByRole('checkbox', { name: /Assign seats/ }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect.element(page.getByText('Role “Help desk” saved.')).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Edit Help desk' })).toHaveFocus();
  await expect.element(page.getByRole('list', { name: 'Permissions of Help desk' })).toHaveTextContent(/Assign seats/);
  expect((await serverRoles()).find((r) => r.key === 'support-desk')).toMatchObject({
    name: 'Help desk',
    permissions: ['members:read', 'seats:read', 'seats:assign'],
  });
  expect(onChange.mock.calls.map(([change]) => change.type)).toEqual(['created', 'updated']);
});

test('a key already taken is refused on the key field; an empty name never reaches the server', async () => {
  await (await ownerClient()).roles.create({ orgId: ctx.demo.northwind.orgId, key: 'support', name: 'Support', permissions: [] });
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.owner });
  await page.getByRole('button', { name: 'New role' }).click();
  const form = page.getByRole('form', { name: 'New role' });
  await form.getByRole('button', { name: 'Create role' }).click();
  await expect.element(form.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Required/);
  await form.getByRole('textbox', { name: 'Name' }).fill('Support');
  await form.getByRole('button', { name: 'Create role' }).click();
  await expect.element(form.getByRole('textbox', { name: 'Key' })).toHaveAccessibleDescription(/already exists/);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect.element(page.getByRole('button', { name: 'New role' })).toHaveFocus();
});

test('deleting a role two members hold: refused with the count, the members moved to the chosen role, then deleted', async () => {
  const owner = await ownerClient();
  const { orgId, memberMemberId, adminMemberId } = ctx.demo.northwind;
  await owner.roles.create({ orgId, key: 'support', name: 'Support', permissions: ['members:read'] });
  await owner.members.update({ orgId, memberId: memberMemberId, role: 'support' });
  await owner.members.update({ orgId, memberId: adminMemberId, role: 'support' });
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.owner });

  await page.getByRole('button', { name: 'Delete Support' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete the role Support?' });
  await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await dialog.getByRole('button', { name: 'Delete role' }).click();
  await expect.element(dialog.getByText(/^2 members hold this role\. Move them to another role first/)).toBeVisible();
  const select = dialog.getByRole('combobox', { name: 'Move them to' });
  await expect.element(select).toHaveDisplayValue('Member');
  // Owner is never offered: it moves only by transfer.
  expect([...(select.element() as HTMLSelectElement).options].map((o) => o.value)).toEqual(['admin', 'member']);
  await animationsFinished();
  await expectNoAxeViolations();
  await userEvent.selectOptions(select, 'admin');
  await dialog.getByRole('button', { name: 'Move and delete' }).click();
  await expect.element(page.getByText(/Role “Support” deleted\./)).toBeVisible();
  await expect.element(dialog).not.toBeInTheDocument();
  expect((await serverRoles()).map((r) => r.key)).toEqual(['owner', 'admin', 'member']);
  expect((await owner.members.get({ orgId, memberId: memberMemberId })).role).toBe('admin');
  expect((await owner.members.get({ orgId, memberId: adminMemberId })).role).toBe('admin');
  await expect.element(page.getByRole('button', { name: 'New role' })).toHaveFocus();
});

test('a role manager without other powers: permissions they lack are locked with the reason, and the server agrees', async () => {
  const owner = await ownerClient();
  const { orgId, adminMemberId } = ctx.demo.northwind;
  await owner.roles.create({ orgId, key: 'role-manager', name: 'Role manager', permissions: ['members:read', 'roles:manage'] });
  await owner.roles.create({ orgId, key: 'auditor', name: 'Auditor', permissions: ['members:read', 'audit:read'] });
  await owner.members.update({ orgId, memberId: adminMemberId, role: 'role-manager' });
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.admin });

  await page.getByRole('button', { name: 'New role' }).click();
  const form = page.getByRole('form', { name: 'New role' });
  const remove = form.getByRole('checkbox', { name: /Remove members/ });
  await expect.element(remove).toBeDisabled();
  await expect.element(remove).toHaveAccessibleDescription(/Remove people from the organization\. You need the “Remove members” permission to do this\./);
  await expect.element(form.getByRole('checkbox', { name: /See members/ })).toBeEnabled();
  await expectNoAxeViolations();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // A role carrying a permission the viewer lacks: a rename alone goes through (no permissions are sent)…
  await page.getByRole('button', { name: 'Edit Auditor' }).click();
  const rename = page.getByRole('form', { name: 'Edit Auditor' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Auditors');
  await rename.getByRole('button', { name: 'Save changes' }).click();
  await expect.element(page.getByText('Role “Auditors” saved.')).toBeVisible();
  expect((await serverRoles()).find((r) => r.key === 'auditor')).toMatchObject({ name: 'Auditors', permissions: ['members:read', 'audit:read'] });

  // …and the permission may be taken away, not kept with other changes (the server's rule).
  await page.getByRole('button', { name: 'Edit Auditors' }).click();
  const edit = page.getByRole('form', { name: 'Edit Auditors' });
  const audit = edit.getByRole('checkbox', { name: /See the audit trail/ });
  await expect.element(audit).toBeChecked();
  await expect.element(audit).toBeEnabled();
  await edit.getByRole('checkbox', { name: /See members/ }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect.element(edit.getByText('You need the “See the audit trail” permission to do this.', { exact: true })).toBeVisible();
  await audit.click();
  await expect.element(audit).toBeDisabled();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect.element(page.getByText('Role “Auditors” saved.')).toBeVisible();
  await expect.element(page.getByRole('list', { name: 'Permissions of Auditors' })).not.toBeInTheDocument();
  await expect.element(page.getByText('No permissions')).toBeVisible();
  expect((await serverRoles()).find((r) => r.key === 'auditor')?.permissions).toEqual([]);
});

test('without roles:manage the editor is read-only', async () => {
  await (await ownerClient()).roles.create({ orgId: ctx.demo.northwind.orgId, key: 'support', name: 'Support', permissions: ['members:read'] });
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.member });
  await expect.element(page.getByRole('list', { name: 'Permissions of Support' })).toBeVisible();
  await expect.element(page.getByText(/changing them needs the “Manage roles” permission/)).toBeVisible();
  expect(page.getByRole('button').elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('a failed load shows the error with a retry; French has every string', async () => {
  let fail = true;
  await renderWithServer(ctx, <RoleEditor />, {
    as: USERS.owner,
    messages: fr,
    locale: 'fr',
    intercept: (request) => (fail && request.url.endsWith('/roles') ? new Response('{}', { status: 503 }) : undefined),
  });
  await expect.element(page.getByText('Impossible de charger les rôles')).toBeVisible();
  fail = false;
  await page.getByRole('button', { name: /Réessayer|Try again/ }).click();
  await expect.element(page.getByRole('region', { name: 'Rôles prédéfinis' })).toBeVisible();
  await expect.element(page.getByText('Aucun rôle personnalisé')).toBeVisible();
  expect(page.getByText('Prédéfini', { exact: true }).elements()).toHaveLength(3);
});

test('by keyboard alone: open the form, name the role, tick a permission, create it', async () => {
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.owner });
  const newRole = page.getByRole('button', { name: 'New role' });
  await expect.element(newRole).toBeVisible();
  (newRole.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const form = page.getByRole('form', { name: 'New role' });
  await expect.element(form.getByRole('textbox', { name: 'Name' })).toHaveFocus();
  await userEvent.keyboard('Night shift');
  await userEvent.tab();
  await expect.element(form.getByRole('textbox', { name: 'Key' })).toHaveFocus();
  await userEvent.tab();
  await expect.element(form.getByRole('checkbox', { name: /See members/ })).toHaveFocus();
  await userEvent.keyboard(' ');
  await expect.element(form.getByRole('checkbox', { name: /See members/ })).toBeChecked();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByText('Role “Night shift” created.')).toBeVisible();
  expect((await serverRoles()).find((r) => r.key === 'night-shift')?.permissions).toEqual(['members:read']);
});

test('a role only a pending invitation gives: the refusal says to revoke it; Cancel returns focus to Delete', async () => {
  const owner = await ownerClient();
  const { orgId } = ctx.demo.northwind;
  await owner.roles.create({ orgId, key: 'support', name: 'Support', permissions: ['members:read'] });
  await owner.invitations.create({ orgId, invitations: [{ email: 'zoe@example.com', role: 'support' }] });
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.owner });
  await page.getByRole('button', { name: 'Delete Support' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete the role Support?' });
  await dialog.getByRole('button', { name: 'Delete role' }).click();
  await expect.element(dialog.getByText(/^Pending invitations still give this role/)).toBeVisible();
  await expect.element(dialog.getByRole('combobox')).not.toBeInTheDocument();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.element(page.getByRole('button', { name: 'Delete Support' })).toHaveFocus();
  expect((await serverRoles()).some((r) => r.key === 'support')).toBe(true);
});

test('every part takes the class the provider gives its slot', async () => {
  await (await ownerClient()).roles.create({ orgId: ctx.demo.northwind.orgId, key: 'support', name: 'Support', permissions: ['members:read'] });
  const slots = [
    'role-editor', 'role-editor-toolbar', 'role-editor-section', 'role-editor-section-title', 'role-editor-help',
    'role-editor-items', 'role-editor-role', 'role-editor-role-main', 'role-editor-role-who', 'role-editor-role-name',
    'role-editor-role-key', 'role-editor-permissions', 'role-editor-permission', 'role-editor-actions', 'role-editor-status',
    'role-editor-form', 'role-editor-form-title', 'role-editor-form-row', 'role-editor-permissions-field',
    'role-editor-form-actions', 'role-editor-permissions-legend', 'role-editor-permissions-help', 'role-editor-permissions-grid',
  ] as const;
  const classNames = Object.fromEntries(slots.map((s) => [s, `host-${s}`]));
  await renderWithServer(ctx, <RoleEditor />, { as: USERS.owner, classNames });
  await page.getByRole('button', { name: 'New role' }).click();
  await expect.element(page.getByRole('form', { name: 'New role' })).toBeVisible();
  for (const name of slots) {
    const parts = [...document.querySelectorAll(`[data-slot="${name}"]`)];
    expect(parts.length, name).toBeGreaterThan(0);
    for (const part of parts) expect(part.classList.contains(`host-${name}`), name).toBe(true);
  }
});
