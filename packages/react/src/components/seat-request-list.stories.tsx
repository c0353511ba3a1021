import type { Meta, StoryObj } from '@storybook/react-vite';
import { DEMO_USERS } from '@seatkit/server';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  animationsFinished,
  fitsViewport,
  loading,
  LONG_NAME,
  offline,
  scenarios,
  variants,
  type StoryBackend,
} from '../../../../.storybook/story-helpers';
import { SeatRequestList } from './seat-request-list';

/** Ava Brooks's request of the demo seed, for a seat of Imaging Cloud. */
const AVA = /Ava Brooks/;
const item = async (canvas: ReturnType<typeof within>, name: RegExp) => (await canvas.findByText(name)).closest('li') as HTMLElement;

/** More members ask for Imaging Cloud (each as themself, through the API). */
const moreRequests = (emails: string[]) =>
  async ({ clientFor, demo }: StoryBackend) => {
    for (const email of emails) {
      const client = await clientFor(email);
      await client.seatRequests.create({ orgId: demo.northwind.orgId, product: 'imaging-cloud', note: 'Needed for the audit' });
    }
  };

/** Imaging Cloud's seat limit brought down to the seats in use (as the host's back office would). */
const cloudFull = () =>
  async (backend: StoryBackend) => {
    const owner = await backend.clientFor(DEMO_USERS.owner.email);
    const { items } = await owner.subscriptions.list({ orgId: backend.demo.northwind.orgId });
    const cloud = items.find((s) => s.id === backend.demo.northwind.subscriptions.imagingCloud)!;
    await scenarios.updateSubscription('imagingCloud', { seatLimit: cloud.seats.assigned + cloud.seats.reserved })(backend);
  };

/**
 * Members' requests for a seat, made from `AccessGate`'s "Request a seat": approve with a subscription picker
 * (seats left shown), deny with a reason, or approve several at once. The demo seed holds one: Ava Brooks asks
 * for Imaging Cloud.
 */
const meta = {
  title: 'Seats/SeatRequestList',
  component: SeatRequestList,
  args: { onResolved: fn() },
  globals: variants.admin,
} satisfies Meta<typeof SeatRequestList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const ava = await item(canvas, AVA);
    await expect(within(ava).getByText(/Asks for Imaging Cloud/)).toBeVisible();
    await expect(await within(ava).findByRole('combobox', { name: /Subscription for Ava Brooks/ })).toHaveDisplayValue(/Imaging Cloud \(\d+ left\)/);
  },
};

/** Approve: the seat is assigned by the server (the cap and live subscriptions hold) and the list empties. */
export const Approve: Story = {
  play: async ({ canvas, args, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Approve the request of Ava Brooks' }));
    await expect(await canvas.findByText(/Ava Brooks now holds a seat of Imaging Cloud/)).toBeVisible();
    await waitFor(() => expect(args.onResolved).toHaveBeenCalledWith(expect.objectContaining({ status: 'approved' })));
    await expect(await canvas.findByText('No pending requests')).toBeVisible();
    const seats = await loaded.seatkit.client.seats.list({ orgId: loaded.seatkit.orgId, subscriptionId: loaded.seatkit.demo.northwind.subscriptions.imagingCloud });
    await expect(seats.items.some((s: { member: { email: string } }) => /ava/i.test(s.member.email))).toBe(true);
  },
};

/** Deny, with a reason the requester is emailed. */
export const Deny: Story = {
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Deny the request of Ava Brooks' }));
    const dialog = await within(document.body).findByRole('alertdialog', { name: 'Deny the request of Ava Brooks?' });
    await animationsFinished();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'No budget this quarter');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny request' }));
    await expect(await canvas.findByText('The request of Ava Brooks was denied; they were emailed.')).toBeVisible();
    const mails: { to: string; text: string }[] = await loaded.seatkit.server.mailbox();
    await expect(mails.some((m) => /ava/i.test(m.to) && m.text.includes('No budget this quarter'))).toBe(true);
  },
};

/** Several pending: select and approve them at once; one result each. */
export const BulkApprove: Story = {
  parameters: { seatkit: { setup: moreRequests([DEMO_USERS.member.email]) } },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Select the request of Ava Brooks' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select the request of Mia Member' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Approve 2 requests' }));
    await expect(await canvas.findByText('2 requests approved.')).toBeVisible();
  },
};

/** No seat left: approving says so and the request stays pending (add seats or unassign someone first). */
export const SeatsExhausted: Story = {
  parameters: { seatkit: { setup: cloudFull() } },
  play: async ({ canvas }) => {
    const approve = await canvas.findByRole('button', { name: 'Approve the request of Ava Brooks' });
    await userEvent.click(approve);
    await expect(await canvas.findByText(/^Ava Brooks: /)).toBeVisible();
    await expect(approve.closest('li')).toHaveAttribute('data-state', 'pending');
  },
};

export const Empty: Story = {
  args: { defaultStatus: 'denied' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No requests to show')).toBeVisible();
  },
};

/** Many requests, long names and notes. */
export const ManyAndLong: Story = {
  parameters: { seatkit: { setup: scenarios.combine(scenarios.longNames(), moreRequests([DEMO_USERS.member.email])) } },
  play: async ({ canvas }) => {
    await canvas.findByText(`${LONG_NAME.firstName} ${LONG_NAME.lastName}`);
  },
};

/** Mia Member (a member: `seats:read` but not `seats:assign`): the requests, read-only. */
export const AsMember: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await canvas.findByText(AVA);
    await expect(canvas.queryByRole('button', { name: /Approve/ })).toBeNull();
    await expect(canvas.queryByRole('checkbox')).toBeNull();
  },
};

export const Loading: Story = { parameters: loading };

export const NetworkError: Story = {
  parameters: offline,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Could not load the seat requests')).toBeVisible();
  },
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Accepter la demande de Ava Brooks' })).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.admin, ...variants.rtl },
  play: async ({ canvas }) => {
    await canvas.findByText(AVA);
  },
};

export const Dark: Story = {
  globals: { ...variants.admin, ...variants.dark },
  play: async ({ canvas }) => {
    await canvas.findByText(AVA);
  },
};

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  globals: { ...variants.admin, ...variants.phone },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('button', { name: 'Approve the request of Ava Brooks' });
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  globals: { ...variants.admin, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('button', { name: 'Approve the request of Ava Brooks' });
    await fitsViewport(canvasElement);
  },
};
