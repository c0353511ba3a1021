import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, scenarios, variants } from '../../../../.storybook/story-helpers';
import { TransferOwnershipDialog } from './transfer-ownership-dialog';

const dialog = () => within(document.body).findByRole('dialog', { name: 'Transfer ownership' });

/**
 * Hands the owner role (the organization's main contact) to another member; the old owner stays
 * on as an admin. Only the owner may do it: for anyone else the button is disabled with the reason.
 */
const meta = {
  title: 'Members/TransferOwnershipDialog',
  component: TransferOwnershipDialog,
  args: { onTransferred: fn() },
  globals: variants.owner,
} satisfies Meta<typeof TransferOwnershipDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Its button (the docs page shows this one). */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Transfer ownership' })).toBeVisible();
  },
};

/** The owner picks Adam Admin and confirms; the server moves ownership. */
export const Transfer: Story = {
  args: { defaultOpen: true },
  play: async ({ args, loaded }) => {
    const d = await dialog();
    const select = await within(d).findByRole('combobox', { name: /New owner/ });
    const adam = await within(select).findByRole('option', { name: /Adam Admin/ });
    await userEvent.selectOptions(select, adam);
    await expect(await within(d).findByText(/Adam Admin becomes the owner and main contact/)).toBeVisible();
    await userEvent.click(within(d).getByRole('button', { name: 'Transfer ownership' }));
    await waitFor(() => expect(args.onTransferred).toHaveBeenCalled());
    const { client, orgId, demo } = loaded.seatkit;
    const org = await client.organizations.get({ orgId });
    await expect(org.ownerMemberId).toBe(demo.northwind.adminMemberId);
  },
};

/** Anyone but the owner sees the button disabled, with the reason. */
export const NotTheOwner: Story = {
  globals: variants.admin,
  play: async ({ canvas }) => {
    // Re-queried: once the viewer's role is known the button is replaced by a disabled one.
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Transfer ownership' })).toHaveAccessibleDescription('Only the owner can transfer ownership.'),
    );
  },
};

export const Loading: Story = {
  args: { defaultOpen: true },
  parameters: { seatkit: { network: 'pending' } },
  play: async () => {
    await dialog();
    await animationsFinished();
  },
};

export const TransferFails: Story = {
  args: { defaultOpen: true },
  play: async ({ loaded }) => {
    const d = await dialog();
    const select = await within(d).findByRole('combobox', { name: /New owner/ });
    await userEvent.selectOptions(select, await within(select).findByRole('option', { name: /Adam Admin/ }));
    loaded.seatkit.setNetwork('offline');
    await userEvent.click(within(d).getByRole('button', { name: 'Transfer ownership' }));
    await expect(await within(d).findByRole('alert')).toHaveTextContent(/could not reach the server/);
  },
};

/** 10,000 members: candidates are searched on the server, not loaded all at once. */
export const ManyMembers: Story = {
  args: { defaultOpen: true },
  parameters: { seatkit: { setup: scenarios.manyMembers(10_000) } },
  play: async () => {
    const d = await dialog();
    await within(d).findByRole('combobox', { name: /New owner/ });
    await animationsFinished();
  },
};

export const French: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.owner, ...variants.french },
  play: async () => {
    await within(document.body).findByRole('dialog');
    await animationsFinished();
  },
};

export const RightToLeft: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.owner, ...variants.rtl },
  play: async () => {
    await dialog();
    await animationsFinished();
  },
};

export const Dark: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.owner, ...variants.dark },
  play: async () => {
    await dialog();
    await animationsFinished();
  },
};

export const Narrow: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.owner, ...variants.narrow },
  play: async () => {
    await dialog();
    await animationsFinished();
  },
};
