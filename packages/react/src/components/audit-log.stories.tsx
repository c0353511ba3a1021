import type { Meta, StoryObj } from '@storybook/react-vite';
import { DEMO_USERS } from '@seatkit/server';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { fitsViewport, loading, LONG_NAME, offline, scenarios, variants, type StoryBackend } from '../../../../.storybook/story-helpers';
import { AuditLog } from './audit-log';

/**
 * Real events through the API after the demo seed (which records none): Olivia Owner gives Mia Member an Imaging
 * Cloud seat and makes her an admin, takes her Imaging App seat back; Adam Admin invites Dr. Rivera and approves
 * Ava Brooks's seat request.
 */
const someEvents = () =>
  async ({ clientFor, demo }: StoryBackend) => {
    const { orgId, memberMemberId, subscriptions, pendingSeatRequestId } = demo.northwind;
    const owner = await clientFor(DEMO_USERS.owner.email);
    const admin = await clientFor(DEMO_USERS.admin.email);
    await owner.seats.assign({ orgId, subscriptionId: subscriptions.imagingCloud, memberIds: [memberMemberId] });
    await owner.members.update({ orgId, memberId: memberMemberId, role: 'admin' });
    await admin.invitations.create({ orgId, invitations: [{ email: 'dr.rivera@example.test', role: 'member' }] });
    await admin.seatRequests.approve({ orgId, requestId: pendingSeatRequestId, subscriptionId: subscriptions.imagingCloud });
    await owner.seats.unassign({ orgId, subscriptionId: subscriptions.imagingApp, memberId: memberMemberId });
  };

/** A long trail: 240 more events in the story's database (seat assignments and member changes over 40 days). */
const manyEvents = () =>
  async ({ server, demo }: StoryBackend) => {
    const { orgId, ownerMemberId, adminMemberId, memberMemberId, subscriptions } = demo.northwind;
    await server.database.query(
      `insert into audit_events (org_id, actor_member_id, actor_email, action, target_type, target_id, data, created_at)
       select $1, case when n % 2 = 0 then $2 else $3 end, null,
              case when n % 3 = 0 then 'seat.assigned' when n % 3 = 1 then 'seat.unassigned' else 'member.updated' end,
              'member', $4,
              case when n % 3 = 2 then jsonb_build_object('changes', jsonb_build_object('status', jsonb_build_object('from', 'active', 'to', 'suspended')))
                   else jsonb_build_object('subscriptionId', $5::text, 'product', 'imaging-cloud') end,
              now() - make_interval(hours => n * 4)
         from generate_series(1, 240) as n`,
      [orgId, ownerMemberId, adminMemberId, memberMemberId, subscriptions.imagingCloud],
    );
  };

const SENTENCE = 'Olivia Owner assigned Imaging Cloud to Mia Member';
const withEvents = { seatkit: { setup: someEvents() } };

/**
 * The organization's audit trail: one sentence per event in the viewer's language, when it happened (the exact
 * date and time in the title), its data on demand; filters, "Show more", and "Export CSV". Needs `audit:read`.
 */
const meta = {
  title: 'Organization/AuditLog',
  component: AuditLog,
  globals: variants.admin,
} satisfies Meta<typeof AuditLog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: withEvents,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(SENTENCE)).toBeVisible();
    await expect(canvas.getByText('Olivia Owner changed the role of Mia Member from Member to Admin')).toBeVisible();
    await expect(canvas.getByText('Adam Admin approved the request of Ava Brooks for Imaging Cloud')).toBeVisible();
    await expect(canvas.getByText('Olivia Owner took the Imaging App seat back from Mia Member')).toBeVisible();
    const toggle = canvas.getByRole('button', { name: `Details of: ${SENTENCE}` });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(within(toggle.closest('li')!).getByText('imaging-cloud')).toBeVisible();
  },
};

/** Opened on one action; the filter says so and "Clear filters" is offered. */
export const Filtered: Story = {
  parameters: withEvents,
  args: { defaultFilters: { action: 'seat.assigned' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(SENTENCE)).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Action' })).toHaveDisplayValue('Seat assigned');
    await expect(canvas.queryByText(/invited dr\.rivera/)).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Clear filters' })).toBeVisible();
  },
};

/** Filters that match nothing: "Clear filters" brings the events back and focus to the first filter. */
export const NoMatch: Story = {
  parameters: withEvents,
  args: { defaultFilters: { action: 'role.deleted' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No events match the filters')).toBeVisible();
    const clear = canvas.getAllByRole('button', { name: 'Clear filters' });
    await userEvent.click(clear[clear.length - 1]!);
    await expect(await canvas.findByText(SENTENCE)).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Done by' })).toHaveFocus();
  },
};

/** The demo seed records no events. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No events yet')).toBeVisible();
  },
};

/** A long trail with long names: 50 a page, "Show more" for the next. */
export const Many: Story = {
  parameters: { seatkit: { setup: scenarios.combine(scenarios.longNames(), someEvents(), manyEvents()) } },
  play: async ({ canvas }) => {
    await canvas.findAllByText(new RegExp(`suspended ${LONG_NAME.firstName}`));
    const more = await canvas.findByRole('button', { name: 'Show more events' });
    const before = canvas.getAllByRole('listitem').length;
    await userEvent.click(more);
    await waitFor(() => expect(canvas.getAllByRole('listitem').length).toBeGreaterThan(before));
  },
};

/** Mia Member (a member, without `audit:read`): the log says so. */
export const NoPermission: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('You need the “See the audit trail” permission to see the audit log.')).toBeVisible();
    await expect(canvas.queryByRole('combobox')).toBeNull();
  },
};

export const Loading: Story = { parameters: loading };

export const NetworkError: Story = {
  parameters: { seatkit: { ...offline.seatkit, setup: someEvents() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Could not load the audit log')).toBeVisible();
  },
};

export const French: Story = {
  parameters: withEvents,
  globals: { ...variants.admin, ...variants.french },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Olivia Owner a attribué Imaging Cloud à Mia Member')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Exporter en CSV' })).toBeVisible();
  },
};

export const RightToLeft: Story = {
  parameters: withEvents,
  globals: { ...variants.admin, ...variants.rtl },
  play: async ({ canvas }) => {
    await canvas.findByText(SENTENCE);
  },
};

export const Dark: Story = {
  parameters: withEvents,
  globals: { ...variants.admin, ...variants.dark },
  play: async ({ canvas }) => {
    const toggle = await canvas.findByRole('button', { name: `Details of: ${SENTENCE}` });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  },
};

/** 390 px, a phone: the filters stack, nothing runs off the screen (details open). */
export const Phone: Story = {
  globals: { ...variants.admin, ...variants.phone },
  parameters: { seatkit: { setup: scenarios.combine(scenarios.longNames(), someEvents()) } },
  play: async ({ canvas, canvasElement }) => {
    const toggle = await canvas.findByRole('button', { name: /^Details of: Olivia Owner assigned Imaging Cloud to Maximiliana/ });
    await userEvent.click(toggle);
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  parameters: withEvents,
  globals: { ...variants.admin, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText(SENTENCE);
    await fitsViewport(canvasElement);
  },
};
