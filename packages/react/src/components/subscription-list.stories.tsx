import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { animationsFinished, inWidth, loading, offline, scenarios, variants } from '../../../../.storybook/story-helpers';
import { SubscriptionList } from './subscription-list';

/**
 * The organization's purchased subscriptions (workflow 1's dashboard): product, status, expiry, an
 * accessible seat meter, the holders, and "Assign seat" under each. The demo's Northwind Dental has
 * Imaging App (5 seats, 2 assigned) and Imaging Cloud (2 seats, none assigned).
 */
const meta = {
  title: 'Seats/SubscriptionList',
  component: SubscriptionList,
  globals: variants.owner,
} satisfies Meta<typeof SubscriptionList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const meter = await canvas.findByRole('meter', { name: 'Seat usage of Imaging App' });
    await expect(meter).toHaveAttribute('aria-valuetext', '2 of 5 seats in use: 2 assigned, 0 reserved');
    // The seeded member's pending request for Imaging Cloud is counted on its card, and only there.
    const cloud = await canvas.findByRole('article', { name: 'Imaging Cloud' });
    const requested = within(cloud).getByText('Requested');
    await expect(requested.nextElementSibling).toHaveTextContent('1');
    await expect(within(await canvas.findByRole('article', { name: 'Imaging App' })).queryByText('Requested')).toBeNull();
  },
};

/** The holder list of Imaging App, expanded. */
export const HoldersExpanded: Story = {
  play: async ({ canvas }) => {
    const app = await canvas.findByRole('article', { name: 'Imaging App' });
    await userEvent.click(await within(app).findByRole('button', { name: 'Show seat holders (2)' }));
    const holders = await within(app).findByRole('list', { name: 'Seat holders of Imaging App' });
    await expect(await within(holders).findByText('Mia Member')).toBeVisible();
  },
};

/** Every seat taken (assigned through the real API until the server said `seats_exhausted`). */
/** Seats nobody used for 45 days: counted as idle on the card, with "Reclaim idle seats" opening the dry run. */
export const IdleSeats: Story = {
  parameters: { seatkit: { setup: scenarios.agedSeats(45) } },
  play: async ({ canvas }) => {
    const app = await canvas.findByRole('article', { name: 'Imaging App' });
    const idle = await within(app).findByText('Idle 30+ days');
    await expect(idle.nextElementSibling).toHaveTextContent('2');
    await userEvent.click(within(app).getByRole('button', { name: 'Reclaim idle seats of Imaging App' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Reclaim idle seats of Imaging App' });
    await expect(await within(dialog).findByText('Mia Member')).toBeVisible();
  },
};

export const SeatsExhausted: Story = {
  parameters: { seatkit: { setup: scenarios.seatsExhausted('both') } },
  play: async ({ canvas }) => {
    const meter = await canvas.findByRole('meter', { name: 'Seat usage of Imaging Cloud' });
    await expect(meter).toHaveAttribute('aria-valuenow', '2');
    const assign = canvas.getByRole('button', { name: 'Assign seat of Imaging Cloud' });
    await expect(assign).toHaveAccessibleDescription(/All seats of this subscription are in use/);
  },
};

/** The payment of Imaging App is overdue: it says so, and its seats can still be handed out (the host decides). */
export const PaymentOverdue: Story = {
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingApp', { status: 'past_due' }) } },
  play: async ({ canvas }) => {
    const app = await canvas.findByRole('article', { name: 'Imaging App' });
    await expect(await within(app).findByText('Payment overdue')).toBeVisible();
    await expect(within(app).getByRole('button', { name: 'Assign seat of Imaging App' })).not.toHaveAttribute('aria-disabled', 'true');
  },
};

/** Imaging Cloud was canceled: "Assign seat" is unavailable, and says why. */
export const Canceled: Story = {
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingCloud', { status: 'canceled' }) } },
  play: async ({ canvas }) => {
    const cloud = await canvas.findByRole('article', { name: 'Imaging Cloud' });
    await expect(within(cloud).getByRole('button', { name: 'Assign seat of Imaging Cloud' })).toHaveAccessibleDescription(
      'This subscription was canceled, so its seats cannot be handed out.',
    );
  },
};

export const Expired: Story = {
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingCloud', { expiresAt: '2020-01-01T00:00:00.000Z' }) } },
  play: async ({ canvas }) => {
    const cloud = await canvas.findByRole('article', { name: 'Imaging Cloud' });
    await expect(within(cloud).getAllByText(/Expired/).length).toBeGreaterThan(0);
  },
};

/** A plain member sees usage but cannot assign, and is told why. */
export const AsMember: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await canvas.findByRole('meter', { name: 'Seat usage of Imaging App' });
  },
};

/** Lakeside Clinic has one subscription (Imaging App, 3 seats, none assigned). */
export const OtherOrganization: Story = {
  globals: variants.lakesideAdmin,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('meter', { name: 'Seat usage of Imaging App' })).toHaveAttribute('aria-valuemax', '3');
  },
};

/** The assign dialog opened from a subscription (workflow 1: "Assign Subscription"). */
export const AssignFromSubscription: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Assign seat of Imaging App' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Assign seats of Imaging App' });
    await expect(await within(dialog).findByText('3 seats left')).toBeVisible();
    await animationsFinished();
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
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Could not load subscriptions/);
  },
};

/** A brand-new organization (from the provisioning API) has no subscriptions yet. */
export const Empty: Story = {
  globals: variants.admin,
  parameters: { seatkit: { setup: scenarios.newOrganization() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No subscriptions')).toBeVisible();
  },
};

export const French: Story = {
  globals: { ...variants.owner, ...variants.french },
  play: async ({ canvas }) => {
    await canvas.findAllByRole('meter');
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.owner, ...variants.rtl },
  play: async ({ canvas }) => {
    await canvas.findAllByRole('meter');
  },
};

export const Dark: Story = {
  globals: { ...variants.owner, ...variants.dark },
  play: async ({ canvas }) => {
    await canvas.findAllByRole('meter');
  },
};

export const Narrow: Story = {
  globals: { ...variants.owner, ...variants.narrow },
  play: async ({ canvas }) => {
    await canvas.findAllByRole('meter');
  },
};


/** 390 px (a phone): one card a row; the end date says what happens then ("Renews …"). */
export const Width390: Story = {
  decorators: [inWidth(390)],
  play: async ({ canvas }) => {
    const app = await canvas.findByRole('article', { name: 'Imaging App' });
    await expect(within(app).getByText(/^Renews /)).toBeVisible();
    await expect(within(app).getByRole('meter')).toHaveAttribute('data-tone', 'neutral');
  },
};

/** 1280 px: cards side by side. */
export const Width1280: Story = {
  decorators: [inWidth(1280)],
  play: async ({ canvas }) => {
    const app = await canvas.findByRole('article', { name: 'Imaging App' });
    await expect(within(app).getByText(/^Renews /)).toBeVisible();
  },
};
