import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { fitsViewport, loading, offline, scenarios, variants } from '../../../../.storybook/story-helpers';
import { AccountUsersPage } from './account-users-page';

/**
 * The whole "Settings → Account users" area in one component: members (search, role filter, row
 * actions), invitations, subscriptions with seats, and the invite / transfer-ownership actions.
 * Drop it into a host page inside `<SeatKitProvider>`. Switch the toolbar's **Viewer** to see what
 * an owner, an admin and a plain member may do.
 */
const meta = {
  title: 'Pages/AccountUsersPage',
  component: AccountUsersPage,
  args: { memberListProps: { height: 360, searchDebounceMs: 150 } },
  parameters: { layout: 'fullscreen' },
  decorators: [(Story) => <div style={{ padding: 24, maxWidth: 1200, margin: '0 auto' }}><Story /></div>],
} satisfies Meta<typeof AccountUsersPage>;
export default meta;
type Story = StoryObj<typeof meta>;

const heading = (name: string | RegExp) => within(document.body).findByRole('heading', { name });

export const AsAdmin: Story = {
  globals: variants.admin,
  play: async ({ canvas }) => {
    await expect(await heading('Account users')).toBeVisible();
    await expect(await canvas.findByText('People in Northwind Dental, their invitations and their seats.')).toBeVisible();
    await canvas.findByRole('heading', { name: 'Subscriptions' });
    await canvas.findByRole('heading', { name: 'Invitations' });
  },
};

/** The owner also gets "Transfer ownership". */
export const AsOwner: Story = {
  globals: variants.owner,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Transfer ownership' })).toBeVisible();
    // The seeded member's request, with its count; approving it keeps the section and says what happened.
    const requests = await canvas.findByRole('region', { name: 'Seat requests' });
    await expect(canvas.getByRole('heading', { name: 'Seat requests (1 pending)' })).toBeVisible();
    await userEvent.click(await within(requests).findByRole('button', { name: /^Approve the request of/ }));
    await expect(await within(requests).findByText(/now holds a seat of Imaging Cloud/)).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'Seat requests' })).toBeVisible();
    // The owner manages roles: the editor is a section of the page.
    await expect(await canvas.findByRole('heading', { name: 'Roles', level: 2 })).toBeVisible();
    await expect(await canvas.findByRole('region', { name: 'Roles' })).toBeVisible();
  },
};

/** A plain member sees the people and seats but no invitations and no actions. */
export const AsMember: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await canvas.findByRole('heading', { name: 'Members' });
    await expect(canvas.queryByRole('heading', { name: 'Invitations' })).toBeNull();
    await expect(canvas.queryByRole('heading', { name: 'Roles', level: 2 })).toBeNull();
  },
};

/** Adam Admin in his other organization, Lakeside Clinic. */
export const OtherOrganization: Story = {
  globals: variants.lakesideAdmin,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('People in Lakeside Clinic, their invitations and their seats.')).toBeVisible();
  },
};

export const SeatsExhausted: Story = {
  globals: variants.owner,
  parameters: { seatkit: { setup: scenarios.seatsExhausted('both') } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('meter', { name: 'Seat usage of Imaging Cloud' })).toHaveAttribute('aria-valuenow', '2');
  },
};

/** 10,000 members and very long names. */
export const ManyMembersLongNames: Story = {
  globals: variants.owner,
  parameters: { seatkit: { setup: scenarios.combine(scenarios.manyMembers(10_000), scenarios.longNames()) } },
  play: async ({ canvas }) => {
    await canvas.findAllByRole('row');
  },
};

/** A brand-new organization: only its owner, no invitations, no subscriptions. */
export const EmptyOrganization: Story = {
  globals: variants.admin,
  parameters: { seatkit: { setup: scenarios.newOrganization() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No subscriptions')).toBeVisible();
    await expect(await canvas.findByText('No pending invitations')).toBeVisible();
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
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/could not reach the server/);
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

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  globals: { ...variants.owner, ...variants.phone },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findAllByRole('meter');
    await canvas.findByRole('heading', { name: 'Invitations' });
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  globals: { ...variants.owner, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findAllByRole('meter');
    await canvas.findByRole('heading', { name: 'Invitations' });
    await fitsViewport(canvasElement);
  },
};
