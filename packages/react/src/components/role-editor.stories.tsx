import type { Meta, StoryObj } from '@storybook/react-vite';
import { DEMO_USERS } from '@seatkit/server';
import { expect, fn, userEvent, within } from 'storybook/test';
import {
  animationsFinished,
  fitsViewport,
  loading,
  offline,
  scenarios,
  variants,
  type StoryBackend,
} from '../../../../.storybook/story-helpers';
import { RoleEditor } from './role-editor';

/** A custom role "Support" (see members and seats), made by the owner through the API. */
const supportRole = () =>
  async ({ clientFor, demo }: StoryBackend) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    await owner.roles.create({ orgId: demo.northwind.orgId, key: 'support', name: 'Support', permissions: ['members:read', 'seats:read'] });
  };

/** Mia Member given the "Support" role, so the role cannot be deleted as it is. */
const miaHoldsSupport = () =>
  async ({ clientFor, demo }: StoryBackend) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    await owner.members.update({ orgId: demo.northwind.orgId, memberId: demo.northwind.memberMemberId, role: 'support' });
  };

/**
 * Adam Admin moved to a custom "Role manager" role (see members and seats, manage roles): he may define roles but
 * hand out only what he holds himself.
 */
const adamManagesRoles = () =>
  async ({ clientFor, demo }: StoryBackend) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    const orgId = demo.northwind.orgId;
    await owner.roles.create({ orgId, key: 'role-manager', name: 'Role manager', permissions: ['members:read', 'seats:read', 'roles:manage'] });
    await owner.members.update({ orgId, memberId: demo.northwind.adminMemberId, role: 'role-manager' });
  };

/**
 * The organization's roles: the built-in ones (read-only) and its own, each with its permissions in plain words.
 * With "Manage roles": create, rename, change permissions, delete (moving the people who hold a role first).
 */
const meta = {
  title: 'Members/RoleEditor',
  component: RoleEditor,
  args: { onChange: fn() },
  globals: variants.owner,
} satisfies Meta<typeof RoleEditor>;
export default meta;
type Story = StoryObj<typeof meta>;

/** As the owner: the three built-in roles, no custom role yet. */
export const Default: Story = {
  play: async ({ canvas }) => {
    const builtIn = await canvas.findByRole('region', { name: 'Built-in roles' });
    await expect(within(builtIn).getAllByText('Built-in')).toHaveLength(3);
    await expect(within(builtIn).getByRole('list', { name: 'Permissions of Member' })).toHaveTextContent(/See members.*See seats/);
    await expect(canvas.getByText('No custom roles yet')).toBeVisible();
    await expect(within(builtIn).queryByRole('button', { name: /Edit|Delete/ })).toBeNull();
  },
};

export const WithCustomRole: Story = {
  parameters: { seatkit: { setup: supportRole() } },
  play: async ({ canvas }) => {
    const custom = await canvas.findByRole('region', { name: 'Custom roles' });
    await expect(await within(custom).findByRole('list', { name: 'Permissions of Support' })).toBeVisible();
    await expect(within(custom).getByRole('button', { name: 'Edit Support' })).toBeVisible();
  },
};

/** New role: the key follows the name, the permissions come with what they let people do. */
export const CreateFlow: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'New role' }));
    const form = await canvas.findByRole('form', { name: 'New role' });
    await expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'Seat desk');
    await expect(within(form).getByRole('textbox', { name: 'Key' })).toHaveValue('seat-desk');
    await userEvent.click(within(form).getByRole('checkbox', { name: /Assign seats/ }));
    await userEvent.click(within(form).getByRole('checkbox', { name: /See seats/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create role' }));
    await expect(await canvas.findByText('Role “Seat desk” created.')).toBeVisible();
    await expect(await canvas.findByRole('list', { name: 'Permissions of Seat desk' })).toHaveTextContent(/See seats.*Assign seats/);
    await expect(args.onChange).toHaveBeenCalledWith(expect.objectContaining({ type: 'created' }));
  },
};

/** Mia holds "Support": the delete is refused with the count; moving her to Member lets it run. */
export const DeleteRefusedThenMoved: Story = {
  parameters: { seatkit: { setup: scenarios.combine(supportRole(), miaHoldsSupport()) } },
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete Support' }));
    const dialog = await within(document.body).findByRole('alertdialog', { name: 'Delete the role Support?' });
    await animationsFinished();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete role' }));
    await expect(await within(dialog).findByText(/^1 member holds this role/)).toBeVisible();
    await expect(within(dialog).getByRole('combobox', { name: 'Move them to' })).toHaveDisplayValue('Member');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move and delete' }));
    await expect(await canvas.findByText(/Role “Support” deleted\./)).toBeVisible();
    const { orgId, demo } = loaded.seatkit;
    const mia = await loaded.seatkit.client.members.get({ orgId, memberId: demo.northwind.memberMemberId });
    await expect(mia.role).toBe('member');
  },
};

/** Adam holds a custom role with "Manage roles" but not "Remove members": that permission is shown, locked, with why. */
export const AdminWithLockedPermissions: Story = {
  globals: variants.admin,
  parameters: { seatkit: { setup: adamManagesRoles() } },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'New role' }));
    const form = await canvas.findByRole('form', { name: 'New role' });
    const remove = within(form).getByRole('checkbox', { name: /Remove members/ });
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAccessibleDescription(/You need the “Remove members” permission/);
    await expect(within(form).getByRole('checkbox', { name: /See seats/ })).toBeEnabled();
  },
};

/** Mia Member (no "Manage roles"): the roles, read-only. */
export const ReadOnly: Story = {
  globals: variants.member,
  parameters: { seatkit: { setup: supportRole() } },
  play: async ({ canvas }) => {
    await canvas.findByRole('list', { name: 'Permissions of Support' });
    await expect(canvas.getByText(/changing them needs the “Manage roles” permission/)).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const Loading: Story = { parameters: loading };

export const NetworkError: Story = {
  parameters: offline,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Could not load the roles')).toBeVisible();
  },
};

export const French: Story = {
  globals: { ...variants.owner, ...variants.french },
  parameters: { seatkit: { setup: supportRole() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: 'Rôles prédéfinis' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Nouveau rôle' })).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.owner, ...variants.rtl },
  parameters: { seatkit: { setup: supportRole() } },
  play: async ({ canvas }) => {
    await canvas.findByRole('list', { name: 'Permissions of Support' });
  },
};

export const Dark: Story = {
  globals: { ...variants.owner, ...variants.dark },
  parameters: { seatkit: { setup: supportRole() } },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'New role' }));
    await canvas.findByRole('form', { name: 'New role' });
  },
};

/** 390 px, a phone: the form and the cards fit. */
export const Phone: Story = {
  globals: { ...variants.owner, ...variants.phone },
  parameters: { seatkit: { setup: supportRole() } },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'New role' }));
    await canvas.findByRole('form', { name: 'New role' });
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop. */
export const Laptop: Story = {
  globals: { ...variants.owner, ...variants.desktop },
  parameters: { seatkit: { setup: supportRole() } },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('button', { name: 'Edit Support' });
    await fitsViewport(canvasElement);
  },
};
