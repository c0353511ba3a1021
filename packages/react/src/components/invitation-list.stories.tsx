import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, fitsViewport, loading, offline, scenarios, variants } from '../../../../.storybook/story-helpers';
import { InvitationList } from './invitation-list';

const SEEDED = 'new.hire@northwind.test';

/** Invites several people (one with a very long address) through the API, as Adam Admin. */
const moreInvitations = (count: number) =>
  (async ({ clientFor, demo }) => {
    const admin = await clientFor('admin@northwind.test');
    const invitations = Array.from({ length: count }, (_, i) => ({
      email: `locum.${String(i + 1).padStart(3, '0')}@example.test`,
      role: i % 5 === 0 ? 'admin' : 'member',
    }));
    invitations.push({ email: scenarios.LONG_NAME.email, role: 'member' });
    await admin.invitations.create({ orgId: demo.northwind.orgId, invitations });
  }) satisfies scenarios.Setup;

/**
 * The organization's invitations, pending first, with a status filter, reserved seats, and resend /
 * revoke (after a confirmation). The demo has one pending invitation, for Nina Newhire.
 */
const meta = {
  title: 'Invitations/InvitationList',
  component: InvitationList,
} satisfies Meta<typeof InvitationList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const row = (await canvas.findByText(/Nina Newhire/)).closest('tr') as HTMLElement;
    await expect(within(row).getByText('Pending')).toBeVisible();
  },
};

/** Resend renews the link for 7 days and emails it again. */
export const Resend: Story = {
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: `Resend the invitation to ${SEEDED}` }));
    await expect(await canvas.findByText(`Invitation resent to ${SEEDED}. The link is valid for 7 more days.`)).toBeVisible();
    const mails = await loaded.seatkit.server.mailbox();
    await expect(mails.filter((m: { to: string }) => m.to === SEEDED).length).toBeGreaterThanOrEqual(2);
  },
};

/** Revoking asks first; the confirmation is open here. */
export const RevokeConfirmation: Story = {
  parameters: { seatkit: { setup: scenarios.invitation('pending', 'locum@example.test') } },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke the invitation to locum@example.test' }));
    const dialog = await within(document.body).findByRole('alertdialog', { name: 'Revoke the invitation to locum@example.test?' });
    await expect(dialog).toHaveTextContent(/The seat reserved for them is released\./);
    await animationsFinished();
  },
};

/** A plain member sees the list without actions, and why. */
export const AsMember: Story = {
  globals: variants.member,
  args: { defaultStatus: 'all' },
  play: async ({ canvas }) => {
    await canvas.findByText(/Nina Newhire/);
    await expect(canvas.queryAllByRole('button', { name: /Resend|Revoke/ })).toHaveLength(0);
    await expect(canvas.getByText(/You need the “Invite and add members” permission/)).toBeVisible();
  },
};

export const AllStatuses: Story = {
  args: { defaultStatus: 'all' },
  parameters: {
    seatkit: {
      setup: scenarios.combine(
        scenarios.invitation('revoked', 'revoked@example.test'),
        scenarios.invitation('expired', 'expired@example.test'),
        scenarios.invitation('accepted', 'accepted@example.test'),
      ),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('expired@example.test')).toBeVisible();
    await expect(canvas.getByText('revoked@example.test')).toBeVisible();
  },
};

export const Empty: Story = {
  parameters: { seatkit: { setup: scenarios.noInvitations() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No pending invitations')).toBeVisible();
  },
};

export const ManyAndLong: Story = {
  parameters: { seatkit: { setup: moreInvitations(60) } },
  play: async ({ canvas }) => {
    await expect((await canvas.findAllByText(/locum\.\d+@example\.test/))[0]).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Load more' })).toBeVisible());
  },
};

export const Loading: Story = {
  parameters: loading,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent(/Loading/);
  },
};

export const NetworkError: Story = {
  parameters: offline,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Could not load invitations/);
  },
};

export const French: Story = {
  globals: variants.french,
  play: async ({ canvas }) => {
    await canvas.findByText(/Nina Newhire/);
  },
};

export const RightToLeft: Story = {
  globals: variants.rtl,
  play: async ({ canvas }) => {
    await canvas.findByText(/Nina Newhire/);
  },
};

export const Dark: Story = {
  globals: variants.dark,
  play: async ({ canvas }) => {
    await canvas.findByText(/Nina Newhire/);
  },
};

export const Narrow: Story = {
  globals: variants.narrow,
  play: async ({ canvas }) => {
    await canvas.findByText(/Nina Newhire/);
  },
};

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  globals: { ...variants.admin, ...variants.phone },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText(/Nina Newhire/);
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  globals: { ...variants.admin, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText(/Nina Newhire/);
    await fitsViewport(canvasElement);
  },
};
