import type { Meta, StoryObj } from '@storybook/react-vite';
import type { SeatKitClient } from '@seatkit/core';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, scenarios, type StoryBackend } from '../../../.storybook/story-helpers';
import { AcceptInvitation } from './components/accept-invitation';
import { AccountUsersPage } from './components/account-users-page';
import { SeatKitProvider } from './provider';

const OPEN_INVITATION = 'seatkit-story:open-invitation';
type Invitee = { email: string; token: string; client: SeatKitClient };

/**
 * The admin's page, and — once the play function opens an invitation email — the invitee's own
 * screen beside it, with their own client and session: both talk to the same in-page server.
 */
function AdminAndInvitee() {
  const [invitee, setInvitee] = useState<Invitee | null>(null);
  useEffect(() => {
    const open = (event: Event) => setInvitee((event as CustomEvent<Invitee>).detail);
    window.addEventListener(OPEN_INVITATION, open);
    return () => window.removeEventListener(OPEN_INVITATION, open);
  }, []);
  return (
    <div style={{ display: 'grid', gap: 32 }}>
      <AccountUsersPage memberListProps={{ height: 360, searchDebounceMs: 100 }} />
      {invitee ? (
        <section aria-label={`The inbox link, opened by ${invitee.email}`} style={{ borderTop: '2px dashed var(--seatkit-border)', paddingTop: 24 }}>
          <SeatKitProvider key={invitee.email} client={invitee.client}>
            <AcceptInvitation token={invitee.token} />
          </SeatKitProvider>
        </section>
      ) : null}
    </div>
  );
}

/** Reads the invitation email from the server's mailbox and opens its link as the invitee. */
async function openInvitationEmail(backend: StoryBackend, email: string) {
  const token = await scenarios.invitationTokenFor(backend, email);
  const client = await backend.clientFor(email);
  window.dispatchEvent(new CustomEvent<Invitee>(OPEN_INVITATION, { detail: { email, token, client } }));
  const body = within(document.body);
  const card = await body.findByRole('region', { name: 'Join Northwind Dental' });
  await userEvent.click(await within(card).findByRole('button', { name: 'Accept invitation' }));
  await expect(await body.findByText('You have joined Northwind Dental.')).toBeVisible();
}

/** The admin's page reloads its data (another person changed things meanwhile). */
async function reload(backend: StoryBackend) {
  await backend.queryClient.invalidateQueries();
}

const body = () => within(document.body);

/**
 * The three help-center workflows SeatKit exists for, walked end to end by play functions against
 * the real server (open the Interactions panel to replay them step by step).
 */
const meta = {
  title: 'Workflows',
  render: () => <AdminAndInvitee />,
  parameters: { layout: 'padded' },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * **1. License assignment** (dental imaging cloud): under a subscription, "Assign seat" opens a
 * picker; the owner takes a seat for themself, then invites an outside person from the same
 * dialog, which reserves a seat; the person accepts and the reserved seat becomes theirs.
 */
export const AssignSeatsToYourselfAndANewUser: Story = {
  name: '1. Assign a seat to yourself and to a newly invited user',
  globals: { viewer: 'owner' },
  play: async ({ canvas, loaded }) => {
    const backend: StoryBackend = loaded.seatkit;
    const { orgId, demo } = backend;
    const cloud = await canvas.findByRole('article', { name: 'Imaging Cloud' });
    await userEvent.click(await within(cloud).findByRole('button', { name: 'Assign seat of Imaging Cloud' }));
    const dialog = await body().findByRole('dialog', { name: 'Assign seats of Imaging Cloud' });
    await expect(await within(dialog).findByText('2 seats left')).toBeVisible();

    // Yourself, listed first.
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: /Olivia Owner \(you\)/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign 1 seat' }));
    await expect(await within(dialog).findByText('Olivia Owner: seat assigned')).toBeVisible();

    // Someone from outside: invited into the account from the picker, with a reserved seat.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Invite someone new' }));
    const invite = within(dialog).getByRole('region', { name: 'Invite someone new' });
    await userEvent.type(within(invite).getByRole('textbox', { name: 'Email' }), 'dr.outside@clinic.test');
    await userEvent.click(within(invite).getByRole('button', { name: 'Invite and reserve a seat' }));
    await expect(await within(invite).findByRole('status')).toHaveTextContent(
      'Invitation sent to dr.outside@clinic.test. A seat of Imaging Cloud is reserved for them.',
    );
    await expect(await within(dialog).findByText('No seats left', { exact: true })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body().queryByRole('dialog')).toBeNull());

    // The person opens the email and accepts: the reservation becomes their seat, without a second one.
    await openInvitationEmail(backend, 'dr.outside@clinic.test');
    const outsider = await backend.clientFor('dr.outside@clinic.test');
    await expect(await outsider.access.check({ orgId, product: 'imaging-cloud' })).toMatchObject({ allowed: true });
    const owner = await backend.clientFor('owner@northwind.test');
    const sub = (await owner.subscriptions.list({ orgId })).items.find((s) => s.id === demo.northwind.subscriptions.imagingCloud);
    await expect(sub?.seats).toMatchObject({ assigned: 2, reserved: 0, available: 0 });
  },
};

/**
 * **2. Account users** (marketing platform): Add user with first name, last name, email and
 * permissions (the new user is emailed the account details), modify their name and permissions
 * and save, then delete them after a confirmation (they are emailed that the account is queued
 * for deletion).
 */
export const AddEditAndDeleteAUser: Story = {
  name: '2. Add, edit and delete a user with names and permissions',
  globals: { viewer: 'admin' },
  play: async ({ canvas, loaded }) => {
    const backend: StoryBackend = loaded.seatkit;
    const { orgId } = backend;

    // Add: names, email, an extra permission.
    await userEvent.click(await canvas.findByRole('button', { name: 'Add user' }));
    let dialog = await body().findByRole('dialog', { name: 'Add a user' });
    await userEvent.type(await within(dialog).findByRole('textbox', { name: 'First name' }), 'Nora');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Last name' }), 'Quist');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'nora.quist@example.test');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'See the audit trail' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));
    await waitFor(() => expect(body().queryByRole('dialog')).toBeNull());
    const welcome: { to: string }[] = await backend.server.mailbox();
    await expect(welcome.some((m) => m.to === 'nora.quist@example.test')).toBe(true);

    // Modify: name and an extra permission.
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'nora');
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit Nora Quist' }));
    dialog = await body().findByRole('dialog', { name: 'Edit Nora Quist' });
    const last = within(dialog).getByRole('textbox', { name: /Last name/ });
    await waitFor(() => expect(last).toBeEnabled());
    await userEvent.clear(last);
    await userEvent.type(last, 'Quist-Larsen');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Assign seats/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(body().queryByRole('dialog')).toBeNull());
    await expect(await canvas.findByRole('button', { name: 'Edit Nora Quist-Larsen' })).toBeVisible();
    const nora = (await backend.client.members.list({ orgId, query: 'nora' })).items[0];
    await expect(nora).toMatchObject({ lastName: 'Quist-Larsen' });
    await expect(nora?.permissions).toEqual(expect.arrayContaining(['seats:assign', 'audit:read']));

    // Delete, after a confirmation.
    await userEvent.click(canvas.getByRole('button', { name: 'Remove Nora Quist-Larsen' }));
    const confirm = await body().findByRole('alertdialog', { name: 'Remove Nora Quist-Larsen?' });
    await expect(within(confirm).getByText(/queued for deletion/)).toBeVisible();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await expect(await canvas.findByText('Nora Quist-Larsen was removed.')).toBeVisible();
    const mails: { to: string; subject: string }[] = await backend.server.mailbox();
    await expect(mails.filter((m) => m.to === 'nora.quist@example.test').length).toBeGreaterThanOrEqual(2);
    await expect((await backend.client.members.list({ orgId, query: 'nora' })).items).toHaveLength(0);
  },
};

/**
 * **3. Institution users** (ultrasound cloud): invite several addresses at once, each with its own
 * role ("+" adds a row); an invitee accepts and lands in the institution; the list filters by role;
 * an admin cannot remove another admin (only the main contact can) but removes a member after a
 * confirmation, whose access ends at once.
 */
export const InviteSeveralAcceptAndRemove: Story = {
  name: '3. Invite several emails with roles, accept, remove',
  globals: { viewer: 'admin' },
  play: async ({ canvas, loaded }) => {
    const backend: StoryBackend = loaded.seatkit;
    const { orgId } = backend;

    await userEvent.click(await canvas.findByRole('button', { name: 'Invite people' }));
    const dialog = await body().findByRole('dialog', { name: 'Invite people' });
    const people = [
      { email: 'ivy@example.test', role: 'member' },
      { email: 'jon@example.test', role: 'admin' },
      { email: 'kai@example.test', role: 'member' },
    ];
    for (const [i, person] of people.entries()) {
      if (i > 0) await userEvent.click(within(dialog).getByRole('button', { name: 'Add another person' }));
      await userEvent.type(await within(dialog).findByRole('textbox', { name: `Email (Person ${i + 1})` }), person.email);
      await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: `Role (Person ${i + 1})` }), person.role);
    }
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send 3 invitations' }));
    await expect(await within(dialog).findByText('3 invitations sent.')).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await expect(await canvas.findByText('jon@example.test')).toBeVisible();

    // Jon (admin) and Kai (member) accept.
    await openInvitationEmail(backend, 'jon@example.test');
    await openInvitationEmail(backend, 'kai@example.test');
    await reload(backend);

    // Filter by role: the admins.
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Role' }), 'admin');
    const removeJon = await canvas.findByRole('button', { name: 'Remove jon@example.test' });
    await expect(removeJon).toHaveAttribute('aria-disabled', 'true');
    await expect(removeJon).toHaveAccessibleDescription('Only the owner can change or remove an admin.');

    // Back to everyone; remove Kai after confirming.
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Role' }), '');
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'kai');
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove kai@example.test' }));
    const confirm = await body().findByRole('alertdialog', { name: 'Remove kai@example.test?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await expect(await canvas.findByText('kai@example.test was removed.')).toBeVisible();

    // Kai's access to the institution ended at once.
    const kai = await backend.clientFor('kai@example.test');
    await expect((await kai.me()).memberships.some((m) => m.organization.id === orgId)).toBe(false);
    await animationsFinished();
  },
};
