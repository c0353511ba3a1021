import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, OpenWith, scenarios, useStoryBackend, variants, WithMember } from '../../../../.storybook/story-helpers';
import { RemoveMemberDialog, type RemoveMemberDialogProps } from './remove-member-dialog';

type Target = 'member' | 'admin' | 'owner';

/** The confirmation for one of the demo's people, loaded from the server, open or behind a button. */
function RemoveDemoMember({ target = 'member', startOpen = true, ...props }: Partial<RemoveMemberDialogProps> & { target?: Target; startOpen?: boolean }) {
  const { demo } = useStoryBackend();
  const memberId = { member: demo.northwind.memberMemberId, admin: demo.northwind.adminMemberId, owner: demo.northwind.ownerMemberId }[target];
  return (
    <WithMember memberId={memberId}>
      {(member) => (
        <OpenWith label={`Remove the ${target}`} defaultOpen={startOpen}>
          {(open, setOpen) => <RemoveMemberDialog {...props} member={member} open={open} onOpenChange={setOpen} />}
        </OpenWith>
      )}
    </WithMember>
  );
}

const confirmation = () => within(document.body).findByRole('alertdialog');

/**
 * The confirmation before removing someone (workflows 2 and 3): what they lose (access, role,
 * seats, pending work) and that they are emailed. The owner cannot be removed; only the owner
 * removes admins — the confirm button is then disabled with the reason.
 */
const meta = {
  title: 'Members/RemoveMemberDialog',
  component: RemoveMemberDialog,
  render: (args) => <RemoveDemoMember {...args} />,
  // `member` is loaded from the server by the story.
  args: { member: undefined as never, onRemoved: fn() },
  globals: variants.admin,
} satisfies Meta<typeof RemoveMemberDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Behind its button (the docs page shows this one). */
export const Closed: Story = {
  render: (args) => <RemoveDemoMember {...args} startOpen={false} />,
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove the member' }));
    await expect(await within(document.body).findByRole('alertdialog', { name: 'Remove Mia Member?' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('alertdialog')).toBeNull());
  },
};

/** Mia holds an Imaging App seat: the dialog says it is released. */
export const Default: Story = {
  play: async () => {
    const d = await confirmation();
    await expect(within(d).getByText(/the seat they hold/)).toBeVisible();
    await expect(within(d).getByText(/queued for deletion/)).toBeVisible();
    await animationsFinished();
  },
};

/** Confirming removes Mia on the server, releases her seat, and emails her. */
export const ConfirmRemoves: Story = {
  play: async ({ args, loaded }) => {
    const d = await confirmation();
    await userEvent.click(within(d).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(args.onRemoved).toHaveBeenCalled());
    const { server } = loaded.seatkit;
    const mails: { to: string }[] = await server.mailbox();
    await expect(mails.some((m) => m.to === 'member@northwind.test')).toBe(true);
  },
};

/** An admin may not remove another admin (Mia, made an admin for this story): disabled, with the reason. */
export const AdminNeedsOwner: Story = {
  render: (args) => <RemoveDemoMember {...args} target="member" />,
  globals: variants.admin,
  parameters: { seatkit: { setup: scenarios.secondAdmin() } },
  play: async () => {
    const d = await confirmation();
    // Disabled once the viewer's own membership is known.
    await waitFor(() => expect(within(d).getByRole('button', { name: 'Remove' })).toHaveAttribute('aria-disabled', 'true'));
    await animationsFinished();
  },
};

/** Nobody removes the owner. */
export const OwnerCannotBeRemoved: Story = {
  render: (args) => <RemoveDemoMember {...args} target="owner" />,
  globals: variants.owner,
  play: async () => {
    const d = await confirmation();
    await expect((await within(d).findAllByText(/Transfer ownership to someone else first/)).length).toBeGreaterThan(0);
    await animationsFinished();
  },
};

/** The owner removes an admin (workflow 3: "admins can be removed only by the main contact"). */
export const OwnerRemovesAdmin: Story = {
  render: (args) => <RemoveDemoMember {...args} target="admin" />,
  globals: variants.owner,
  play: async ({ args }) => {
    const d = await confirmation();
    await userEvent.click(within(d).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(args.onRemoved).toHaveBeenCalled());
  },
};

/** The connection drops on confirm: the dialog stays and says why. */
export const RemoveFails: Story = {
  play: async ({ loaded }) => {
    const d = await confirmation();
    loaded.seatkit.setNetwork('offline');
    await userEvent.click(within(d).getByRole('button', { name: 'Remove' }));
    await expect(await within(d).findByRole('alert')).toHaveTextContent(/could not reach the server/);
  },
};

export const LongNames: Story = {
  parameters: { seatkit: { setup: scenarios.longNames() } },
  play: async () => {
    await expect(await confirmation()).toHaveTextContent(scenarios.LONG_NAME.lastName);
    await animationsFinished();
  },
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  play: async () => {
    await confirmation();
    await animationsFinished();
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.admin, ...variants.rtl },
  play: async () => {
    await confirmation();
    await animationsFinished();
  },
};

export const Dark: Story = {
  globals: { ...variants.admin, ...variants.dark },
  play: async () => {
    await confirmation();
    await animationsFinished();
  },
};

export const Narrow: Story = {
  globals: { ...variants.admin, ...variants.narrow },
  play: async () => {
    await confirmation();
    await animationsFinished();
  },
};
