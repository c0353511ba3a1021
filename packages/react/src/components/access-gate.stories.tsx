import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { DEMO_USERS } from '@seatkit/server';
import { loading, offline, scenarios, variants, type StoryBackend } from '../../../../.storybook/story-helpers';
import { AccessGate } from './access-gate';

const DENIED_MESSAGE =
  'Access to the app is currently unavailable. Please visit our website for more details on your account status.';

/**
 * Wraps a product: renders it only when the signed-in member holds a seat of an active, unexpired
 * subscription and is not suspended; otherwise the help center's "Access Denied" message with the
 * reason. The server's access check decides (`GET /v1/orgs/:orgId/access?product=`).
 *
 * In the demo, Olivia Owner and Mia Member hold Imaging App seats; Adam Admin holds none.
 */
const meta = {
  title: 'Access/AccessGate',
  component: AccessGate,
  args: {
    product: 'imaging-app',
    children: (
      <div style={{ padding: 24, border: '1px dashed var(--seatkit-border)', borderRadius: 8 }}>
        <strong>Imaging workspace</strong>
        <p>The product renders here for seat holders.</p>
      </div>
    ),
  },
  globals: variants.admin,
} satisfies Meta<typeof AccessGate>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Adam Admin holds no Imaging App seat: denied, with "Request a seat". */
export const NoSeat: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Access Denied' })).toBeVisible();
    await expect(canvas.getByText(DENIED_MESSAGE)).toBeVisible();
    // The product's name arrives with the subscriptions (the key shows until then).
    await expect(await canvas.findByText(/You do not hold a seat of Imaging App\./)).toBeVisible();
    await expect(await canvas.findByRole('button', { name: 'Request a seat' })).toBeVisible();
    await expect(canvas.queryByText('Imaging workspace')).toBeNull();
  },
};

/** "Request a seat": a seat request the admins see in their SeatRequestList; the panel says when it was asked. */
export const RequestASeat: Story = {
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Request a seat' }));
    await expect(await canvas.findByText(/^You asked for a seat on /)).toBeVisible();
    const pending = await loaded.seatkit.client.seatRequests.list({ orgId: loaded.seatkit.orgId, status: 'pending' });
    await expect(pending.items.some((r: { product: { key: string } }) => r.product.key === 'imaging-app')).toBe(true);
  },
};

const requestAsAdmin = (deny?: string) =>
  async ({ clientFor, demo }: StoryBackend) => {
    const orgId = demo.northwind.orgId;
    const admin = await clientFor(DEMO_USERS.admin.email);
    const request = await admin.seatRequests.create({ orgId, product: 'imaging-app', note: 'For the March audit' });
    if (deny !== undefined) {
      const owner = await clientFor(DEMO_USERS.owner.email);
      await owner.seatRequests.deny({ orgId, requestId: request.id, reason: deny });
    }
  };

/** A request is pending: the panel says when it was asked, and checks again every 30 s until a seat is given. */
export const RequestPending: Story = {
  parameters: { seatkit: { setup: requestAsAdmin() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^You asked for a seat on .+ The admins have been told/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Request a seat' })).toBeNull();
  },
};

/** The request was denied: said so, with "Ask again". */
export const RequestDenied: Story = {
  parameters: { seatkit: { setup: requestAsAdmin('No budget this quarter') } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Your request of .+ was not granted\.$/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Ask again' })).toBeVisible();
  },
};

/** Olivia Owner holds a seat: the product renders. */
export const SeatHolder: Story = {
  globals: variants.owner,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Imaging workspace')).toBeVisible();
  },
};

/** With `onRequestAccess`, the panel offers a button instead of an email link. */
export const RequestAccess: Story = {
  args: { onRequestAccess: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Ask an admin for access' }));
    await expect(args.onRequestAccess).toHaveBeenCalledWith(expect.objectContaining({ reason: 'no_seat' }));
    await expect(await canvas.findByText('Your request was sent.')).toBeVisible();
  },
};

/** The subscription's payment is overdue (set through the provisioning API). */
export const SubscriptionInactive: Story = {
  globals: variants.owner,
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingApp', { status: 'past_due' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/subscription to Imaging App is not active/)).toBeVisible();
  },
};

export const SubscriptionExpired: Story = {
  globals: variants.owner,
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingApp', { expiresAt: '2020-01-01T00:00:00.000Z' }) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('The subscription to Imaging App has expired.')).toBeVisible();
  },
};

/** Mia Member holds a seat but is suspended: suspension wins. */
export const MemberSuspended: Story = {
  globals: variants.member,
  parameters: { seatkit: { setup: scenarios.suspend('member') } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Your account in this organization is suspended.')).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: loading,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Checking access…');
  },
};

export const NetworkError: Story = {
  parameters: offline,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Could not check your access/);
  },
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.admin, ...variants.rtl },
  play: async ({ canvas }) => {
    await canvas.findByRole('heading', { name: 'Access Denied' });
  },
};

export const Dark: Story = {
  globals: { ...variants.admin, ...variants.dark },
  play: async ({ canvas }) => {
    await canvas.findByRole('heading', { name: 'Access Denied' });
  },
};

export const Narrow: Story = {
  globals: { ...variants.admin, ...variants.narrow },
  play: async ({ canvas }) => {
    await canvas.findByRole('heading', { name: 'Access Denied' });
  },
};
