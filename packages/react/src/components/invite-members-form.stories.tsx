import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { fitsViewport, loading, variants } from '../../../../.storybook/story-helpers';
import { InviteMembersForm } from './invite-members-form';

/** The form inside `InviteMembersDialog`, for hosts that place it on a page of their own. */
const meta = {
  title: 'Invitations/InviteMembersForm',
  component: InviteMembersForm,
  args: { onSubmitted: fn(), onComplete: fn(), onCancel: fn() },
  globals: variants.admin,
} satisfies Meta<typeof InviteMembersForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('textbox', { name: 'Email (Person 1)' })).toBeVisible();
  },
};

/** Pre-filled rows, e.g. from "invite someone new" elsewhere, with names shown. */
export const Prefilled: Story = {
  args: { defaultEmails: ['ann@example.com', 'bob@example.com', 'a.very.long.address.for.a.locum.dentist@northwind-dental-group-and-partners.test'], defaultRole: 'admin' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Send 3 invitations' })).toBeVisible();
  },
};

/** With names (workflow 2's first and last name) and a role, then sent. */
export const WithNames: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Email (Person 1)' }), 'nora@example.com');
    await userEvent.click(canvas.getByRole('button', { name: /Add names/ }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'First name (Person 1)' }), 'Nora');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Last name (Person 1)' }), 'Quist');
    await userEvent.click(canvas.getByRole('button', { name: 'Send invitation' }));
    await expect(await canvas.findByText('1 invitation sent.')).toBeVisible();
    await expect(args.onComplete).toHaveBeenCalled();
  },
};

export const Loading: Story = {
  parameters: loading,
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  play: async ({ canvas }) => {
    await canvas.findAllByRole('textbox');
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.admin, ...variants.rtl },
  play: async ({ canvas }) => {
    await canvas.findByRole('textbox', { name: 'Email (Person 1)' });
  },
};

export const Dark: Story = {
  globals: { ...variants.admin, ...variants.dark },
  play: async ({ canvas }) => {
    await canvas.findByRole('textbox', { name: 'Email (Person 1)' });
  },
};

export const Narrow: Story = {
  globals: { ...variants.admin, ...variants.narrow },
  play: async ({ canvas }) => {
    await canvas.findByRole('textbox', { name: 'Email (Person 1)' });
  },
};

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  globals: { ...variants.admin, ...variants.phone },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('textbox', { name: 'Email (Person 1)' });
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  globals: { ...variants.admin, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('textbox', { name: 'Email (Person 1)' });
    await fitsViewport(canvasElement);
  },
};
