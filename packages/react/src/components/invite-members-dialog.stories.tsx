import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, scenarios, variants } from '../../../../.storybook/story-helpers';
import { InviteMembersDialog } from './invite-members-dialog';

const dialog = () => within(document.body).findByRole('dialog', { name: 'Invite people' });
const email = (d: HTMLElement, n: number) => within(d).findByRole('textbox', { name: `Email (Person ${n})` });
const role = (d: HTMLElement, n: number) => within(d).findByRole('combobox', { name: `Role (Person ${n})` });

/**
 * Invite several people at once, each with its own role (workflow 3: "several addresses at once,
 * each with its own role, + to add a row"); paste a list or upload a CSV; per-row results from the
 * server's bulk answer (one bad row does not sink the others).
 */
const meta = {
  title: 'Invitations/InviteMembersDialog',
  component: InviteMembersDialog,
  args: { onSubmitted: fn(), onComplete: fn() },
  globals: variants.admin,
} satisfies Meta<typeof InviteMembersDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Its button (the docs page shows this one). */
export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Invite people' }));
    await expect(await dialog()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
  },
};

export const Open: Story = {
  args: { defaultOpen: true },
  play: async () => {
    await email(await dialog(), 1);
    await animationsFinished();
  },
};

/** Two people, two roles, one send: both invited, both emailed. */
export const InviteSeveral: Story = {
  args: { defaultOpen: true },
  play: async ({ args, loaded }) => {
    const d = await dialog();
    await userEvent.type(await email(d, 1), 'ann@example.com');
    await userEvent.click(within(d).getByRole('button', { name: 'Add another person' }));
    await userEvent.type(await email(d, 2), 'bob@example.com');
    await userEvent.selectOptions(await role(d, 2), 'admin');
    await userEvent.click(within(d).getByRole('button', { name: 'Send 2 invitations' }));
    await expect(await within(d).findByText('2 invitations sent.')).toBeVisible();
    await expect(args.onComplete).toHaveBeenCalled();
    const mails: { to: string }[] = await loaded.seatkit.server.mailbox();
    await expect(mails.filter((m) => m.to === 'ann@example.com' || m.to === 'bob@example.com')).toHaveLength(2);
  },
};

/** One row is already a member: it fails alone, with the reason on that row. */
export const PartialFailure: Story = {
  args: { defaultOpen: true },
  play: async () => {
    const d = await dialog();
    await userEvent.type(await email(d, 1), 'member@northwind.test');
    await userEvent.click(within(d).getByRole('button', { name: 'Add another person' }));
    await userEvent.type(await email(d, 2), 'carol@example.com');
    await userEvent.click(within(d).getByRole('button', { name: 'Send 2 invitations' }));
    await expect(await within(d).findByText(/1 invitation sent, 1 not sent/)).toBeVisible();
    await expect(await email(d, 1)).toHaveAccessibleDescription(/Not invited: This person is already a member/);
  },
};

/** Bad and duplicate addresses are caught before anything is sent. */
export const ValidationErrors: Story = {
  args: { defaultOpen: true },
  play: async () => {
    const d = await dialog();
    await userEvent.type(await email(d, 1), 'not-an-email');
    await userEvent.click(within(d).getByRole('button', { name: 'Add another person' }));
    await userEvent.type(await email(d, 2), 'dup@example.com');
    await userEvent.click(within(d).getByRole('button', { name: 'Add another person' }));
    await userEvent.type(await email(d, 3), 'DUP@example.com');
    await userEvent.click(within(d).getByRole('button', { name: 'Send 3 invitations' }));
    await expect(await email(d, 1)).toHaveAccessibleDescription('Enter a valid email address.');
    await expect(await email(d, 3)).toHaveAccessibleDescription('This address is already in the list.');
  },
};

/** A pasted list becomes rows; bad lines are reported with their line number. */
export const PasteAList: Story = {
  args: { defaultOpen: true },
  play: async () => {
    const d = await dialog();
    await userEvent.click(await within(d).findByRole('button', { name: 'Paste a list' }));
    const box = within(d).getByRole('textbox', { name: 'Paste a list of emails' });
    await userEvent.click(box);
    await userEvent.paste('dan@example.com, Eve Stone <eve@example.com>\nnot an email\ndan@example.com');
    await userEvent.click(within(d).getByRole('button', { name: 'Add to the list' }));
    await expect(await within(d).findByText('2 addresses added.')).toBeVisible();
    await expect(within(d).getByText('Line 2: “not an email” is not a valid email address.')).toBeVisible();
  },
};

/** Seats of a full subscription cannot be reserved. */
export const SeatsExhausted: Story = {
  args: { defaultOpen: true },
  parameters: { seatkit: { setup: scenarios.seatsExhausted('both') } },
  play: async () => {
    await email(await dialog(), 1);
    await animationsFinished();
  },
};

/** The connection drops on send: the dialog keeps the rows and says why. */
export const SendFails: Story = {
  args: { defaultOpen: true },
  play: async ({ loaded }) => {
    const d = await dialog();
    await userEvent.type(await email(d, 1), 'ann@example.com');
    loaded.seatkit.setNetwork('offline');
    await userEvent.click(within(d).getByRole('button', { name: 'Send invitation' }));
    await expect(await within(d).findByRole('alert')).toHaveTextContent(/could not reach the server/);
  },
};

/** A member without `members:invite` gets a disabled button that says why. */
export const NoPermission: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Invite people' })).toHaveAttribute('aria-disabled', 'true'));
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
    await email(await dialog(), 1);
  },
};

export const Dark: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.dark },
  play: async () => {
    await email(await dialog(), 1);
  },
};

export const Narrow: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.narrow },
  play: async () => {
    await email(await dialog(), 1);
  },
};
