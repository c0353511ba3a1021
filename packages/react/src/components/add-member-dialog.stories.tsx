import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, fitsViewport, variants } from '../../../../.storybook/story-helpers';
import { AddMemberDialog } from './add-member-dialog';

const dialog = () => within(document.body).findByRole('dialog', { name: 'Add a user' });

/**
 * Workflow 2's "Add user": first name, last name, email, role and extra permissions; the person is
 * a member at once (`POST /v1/orgs/:orgId/members`) and is emailed their account details.
 */
const meta = {
  title: 'Members/AddMemberDialog',
  component: AddMemberDialog,
  args: { onAdded: fn() },
  globals: variants.admin,
} satisfies Meta<typeof AddMemberDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Its button (the docs page shows this one). */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Add user' })).toBeVisible();
  },
};

export const Open: Story = {
  args: { defaultOpen: true },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: 'First name' });
    await animationsFinished();
  },
};

/** Names, email and an extra permission: added on the server and emailed. */
export const AddAUser: Story = {
  args: { defaultOpen: true },
  play: async ({ args, loaded }) => {
    const d = await dialog();
    await userEvent.type(await within(d).findByRole('textbox', { name: 'First name' }), 'Rita');
    await userEvent.type(within(d).getByRole('textbox', { name: 'Last name' }), 'Reyes');
    await userEvent.type(within(d).getByRole('textbox', { name: 'Email' }), 'rita.reyes@example.com');
    await userEvent.click(within(d).getByRole('checkbox', { name: 'See the audit trail' }));
    await userEvent.click(within(d).getByRole('button', { name: 'Add user' }));
    await waitFor(() => expect(args.onAdded).toHaveBeenCalled());
    const mails: { to: string }[] = await loaded.seatkit.server.mailbox();
    await expect(mails.some((m) => m.to === 'rita.reyes@example.com')).toBe(true);
  },
};

/** An existing member is reported on the email field, by the server. */
export const AlreadyAMember: Story = {
  args: { defaultOpen: true },
  play: async () => {
    const d = await dialog();
    await userEvent.type(await within(d).findByRole('textbox', { name: 'First name' }), 'Mia');
    await userEvent.type(within(d).getByRole('textbox', { name: 'Last name' }), 'Again');
    await userEvent.type(within(d).getByRole('textbox', { name: 'Email' }), 'member@northwind.test');
    await userEvent.click(within(d).getByRole('button', { name: 'Add user' }));
    await waitFor(() =>
      expect(within(d).getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription('This person is already a member of the organization.'),
    );
  },
};

export const AddFails: Story = {
  args: { defaultOpen: true },
  play: async ({ loaded }) => {
    const d = await dialog();
    await userEvent.type(await within(d).findByRole('textbox', { name: 'First name' }), 'Rita');
    await userEvent.type(within(d).getByRole('textbox', { name: 'Last name' }), 'Reyes');
    await userEvent.type(within(d).getByRole('textbox', { name: 'Email' }), 'rita.reyes@example.com');
    loaded.seatkit.setNetwork('offline');
    await userEvent.click(within(d).getByRole('button', { name: 'Add user' }));
    await expect(await within(d).findByRole('alert')).toHaveTextContent(/could not reach the server/);
  },
};

/** A member without `members:invite` gets a disabled button that says why. */
export const NoPermission: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Add user' })).toHaveAttribute('aria-disabled', 'true'));
  },
};

export const French: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.french },
  play: async () => {
    await within(document.body).findByRole('dialog');
    await animationsFinished();
  },
};

export const RightToLeft: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.rtl },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: 'First name' });
  },
};

export const Dark: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.dark },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: 'First name' });
  },
};

export const Narrow: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.narrow },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: 'First name' });
  },
};

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.phone },
  play: async () => {
    const d = await dialog();
    await within(d).findByRole('textbox', { name: 'First name' });
    await animationsFinished();
    await fitsViewport(d);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.desktop },
  play: async () => {
    const d = await dialog();
    await within(d).findByRole('textbox', { name: 'First name' });
    await animationsFinished();
    await fitsViewport(d);
  },
};
