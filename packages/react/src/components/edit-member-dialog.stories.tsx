import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, OpenWith, scenarios, useStoryBackend, variants, type StoryBackend } from '../../../../.storybook/story-helpers';
import { EditMemberDialog, type EditMemberDialogProps } from './edit-member-dialog';

type Target = 'member' | 'admin' | 'owner';

/** The dialog for one of the demo's people, open or behind a button. */
function EditDemoMember({ target = 'member', startOpen = true, ...props }: Partial<EditMemberDialogProps> & { target?: Target; startOpen?: boolean }) {
  const { demo } = useStoryBackend();
  const memberId = { member: demo.northwind.memberMemberId, admin: demo.northwind.adminMemberId, owner: demo.northwind.ownerMemberId }[target];
  return (
    <OpenWith label={`Edit the ${target}`} defaultOpen={startOpen}>
      {(open, setOpen) => <EditMemberDialog {...props} memberId={memberId} open={open} onOpenChange={setOpen} />}
    </OpenWith>
  );
}

const dialog = () => within(document.body).findByRole('dialog');

/** A field of the dialog, once the viewer's permissions are known (fields are disabled until then). */
async function field(d: HTMLElement, name: RegExp) {
  const input = await within(d).findByRole('textbox', { name });
  await waitFor(() => expect(input).toBeEnabled());
  return input;
}

/**
 * Change a person's names, email, role, status and extra permissions (workflow 2, "modify name,
 * email or permissions and save"). Only changed fields are sent; the role is locked, with the
 * reason, for the owner and — unless you are the owner — for admins.
 */
const meta = {
  title: 'Members/EditMemberDialog',
  component: EditMemberDialog,
  render: (args) => <EditDemoMember {...args} />,
  args: { memberId: '(the story picks a demo member)', onSaved: fn() },
  globals: variants.admin,
} satisfies Meta<typeof EditMemberDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Behind its button (the docs page shows this one). */
export const Closed: Story = {
  render: (args) => <EditDemoMember {...args} startOpen={false} />,
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit the member' }));
    await expect(await within(document.body).findByRole('dialog', { name: 'Edit Mia Member' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
  },
};

export const Default: Story = {
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findByRole('textbox', { name: /First name/ })).toHaveValue('Mia');
    await animationsFinished();
  },
};

/** Rename and grant an extra permission, then save: the server applies it and the dialog closes. */
export const EditAndSave: Story = {
  play: async ({ args, loaded }) => {
    const d = await dialog();
    const first = await field(d, /First name/);
    await userEvent.clear(first);
    await userEvent.type(first, 'Mira');
    await userEvent.click(within(d).getByRole('checkbox', { name: /Assign seats/ }));
    await userEvent.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(args.onSaved).toHaveBeenCalled());
    const { seatkit } = loaded;
    const saved = await seatkit.client.members.get({ orgId: seatkit.orgId, memberId: seatkit.demo.northwind.memberMemberId });
    await expect(saved.firstName).toBe('Mira');
    await expect(saved.permissions).toContain('seats:assign');
  },
};

/** An invalid email is caught on its field before anything is sent. */
export const ValidationError: Story = {
  play: async () => {
    const d = await dialog();
    const email = await field(d, /Email/);
    await userEvent.clear(email);
    await userEvent.type(email, 'not-an-email');
    await userEvent.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
  },
};

/** The connection drops on save: the dialog stays open and says why. */
export const SaveFails: Story = {
  play: async ({ loaded }) => {
    const d = await dialog();
    const last = await field(d, /Last name/);
    await userEvent.type(last, 's');
    loaded.seatkit.setNetwork('offline');
    await userEvent.click(within(d).getByRole('button', { name: 'Save' }));
    await expect(await within(d).findByRole('alert')).toHaveTextContent(/could not reach the server/);
  },
};

/** An admin editing another admin: the role is locked, with the reason. */
export const AdminRoleLocked: Story = {
  render: (args) => <EditDemoMember {...args} target="admin" />,
  globals: variants.admin,
  parameters: {
    seatkit: {
      // A second admin, so Adam edits someone else than himself.
      setup: async ({ clientFor, demo }: StoryBackend) => {
        const owner = await clientFor('owner@northwind.test');
        await owner.members.update({ orgId: demo.northwind.orgId, memberId: demo.northwind.memberMemberId, role: 'admin' });
      },
    },
  },
  play: async () => {
    const d = await dialog();
    await within(d).findByRole('textbox', { name: /First name/ });
  },
};

/** The owner's role moves only by transferring ownership. */
export const OwnerRoleLocked: Story = {
  render: (args) => <EditDemoMember {...args} target="owner" />,
  globals: variants.owner,
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findByText('The owner’s role changes only by transferring ownership.')).toBeVisible();
  },
};

/** A plain member may look but not change anything. */
export const NoPermission: Story = {
  globals: variants.member,
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findAllByText('You need the “Edit members” permission to change members.')).not.toHaveLength(0);
  },
};

export const Loading: Story = {
  parameters: { seatkit: { network: 'pending' } },
  play: async () => {
    await expect(await within(await dialog()).findByRole('status')).toHaveTextContent(/Loading/);
    await animationsFinished();
  },
};

export const NetworkError: Story = {
  parameters: { seatkit: { network: 'offline' } },
  play: async () => {
    await expect(await within(await dialog()).findByRole('alert')).toHaveTextContent(/Could not load this member/);
    await animationsFinished();
  },
};

export const LongNames: Story = {
  parameters: { seatkit: { setup: scenarios.longNames() } },
  play: async () => {
    await expect(await within(await dialog()).findByRole('textbox', { name: /Last name/ })).toHaveValue(scenarios.LONG_NAME.lastName);
  },
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: /Prénom/ });
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.admin, ...variants.rtl },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: /First name/ });
  },
};

export const Dark: Story = {
  globals: { ...variants.admin, ...variants.dark },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: /First name/ });
  },
};

export const Narrow: Story = {
  globals: { ...variants.admin, ...variants.narrow },
  play: async () => {
    await within(await dialog()).findByRole('textbox', { name: /First name/ });
  },
};
