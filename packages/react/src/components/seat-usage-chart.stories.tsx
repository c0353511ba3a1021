import type { Meta, StoryObj } from '@storybook/react-vite';
import { DEMO_USERS } from '@seatkit/server';
import { expect, fn, userEvent, within } from 'storybook/test';
import { fitsViewport, loading, offline, variants, type StoryBackend } from '../../../../.storybook/story-helpers';
import { SeatUsageChart } from './seat-usage-chart';

const DAY_MS = 24 * 3600_000;

/**
 * The demo seed records no usage days (only today counts, live), so the chart would be one day wide. This writes
 * 89 days before today into the server's seat_usage_days, as its scheduler's recordSeatUsage job would have:
 * Imaging App (limit 5) with 3 seats assigned until 45 days ago and 2 since, busier on weekdays, a request pending
 * 10–14 days ago; Imaging Cloud (limit 2) with 1 seat, used now and then, a request pending the last 5 days.
 */
const usageHistory = () =>
  async ({ server, demo }: StoryBackend) => {
    const { imagingApp, imagingCloud } = demo.northwind.subscriptions;
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    const rows: [string, string, number, number, number][] = [];
    for (let ago = 1; ago <= 89; ago++) {
      const day = new Date(today - ago * DAY_MS).toISOString().slice(0, 10);
      const assigned = ago > 45 ? 3 : 2;
      rows.push([imagingApp, day, assigned, Math.min(assigned, ago % 7 === 3 ? 3 : ago % 7 === 0 ? 1 : 2), ago >= 10 && ago <= 14 ? 1 : 0]);
      rows.push([imagingCloud, day, 1, ago % 3 === 0 ? 1 : 0, ago <= 5 ? 1 : 0]);
    }
    await server.database.query(
      `insert into seat_usage_days (subscription_id, day, assigned, used, requested)
       select * from unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::int[])`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
    );
  };

/** Mia Member moved to a "Viewer" role without "See seats" (through the API, as the owner). */
const withoutSeatsRead = () =>
  async ({ clientFor, demo }: StoryBackend) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    const orgId = demo.northwind.orgId;
    await owner.roles.create({ orgId, key: 'viewer', name: 'Viewer', permissions: ['members:read'] });
    await owner.members.update({ orgId, memberId: demo.northwind.memberMemberId, role: 'viewer' });
  };

/** Lakeside Clinic without its subscription (the host's back office removed it). */
const noSubscriptions = () =>
  async ({ server, demo }: StoryBackend) => {
    await server.database.query(`delete from subscriptions where org_id = $1`, [demo.lakeside.orgId]);
  };

const history = { seatkit: { setup: usageHistory() } };
const APP_SENTENCE = 'Used at most 3 of 5 seats in the last 90 days.';

/**
 * Seats per day against the seat limit (`GET …/seat-usage`), one small chart per subscription: used (filled),
 * assigned (dotted), requested (dash-dot), the limit (dashed); "Show as table" gives the numbers. The seed records
 * no past days, so most stories write 89 of them first (`parameters: history`, see `usageHistory`).
 */
const meta = {
  title: 'Seats/SeatUsageChart',
  component: SeatUsageChart,
  args: { onDaysChange: fn() },
  globals: variants.admin,
} satisfies Meta<typeof SeatUsageChart>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: history,
  play: async ({ canvas }) => {
    const app = await canvas.findByRole('article', { name: 'Imaging App' });
    await expect(within(app).getByText(APP_SENTENCE)).toBeVisible();
    await expect(within(app).getByText('You could do with 3 seats.')).toBeVisible();
    await expect(within(app).getByRole('img', { name: /^Chart of the seats of Imaging App per day/ })).toBeVisible();
    await expect(await canvas.findByText('Used at most 1 of 2 seats in the last 90 days.')).toBeVisible();
  },
};

/** One subscription's chart (`subscriptionId`), its table open from the keyboard. */
export const OneSubscription: Story = {
  parameters: history,
  render: (args, { loaded }) => <SeatUsageChart {...args} subscriptionId={loaded.seatkit.demo.northwind.subscriptions.imagingApp} />,
  play: async ({ canvas }) => {
    await canvas.findByText(APP_SENTENCE);
    await expect(canvas.getAllByRole('article')).toHaveLength(1);
    canvas.getByRole('button', { name: 'Show as table' }).focus();
    await userEvent.keyboard('{Enter}');
    const table = await canvas.findByRole('table', { name: 'Seats of Imaging App per day (seat limit: 5)' });
    await expect(within(table).getAllByRole('row')).toHaveLength(91);
  },
};

/** The last 30 days, from the period picker. */
export const Last30Days: Story = {
  parameters: history,
  play: async ({ canvas, args }) => {
    await canvas.findByText(APP_SENTENCE);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Period' }), 'Last 30 days');
    await expect(await canvas.findByText('Used at most 2 of 5 seats in the last 30 days.')).toBeVisible();
    await expect(args.onDaysChange).toHaveBeenCalledWith(30);
  },
};

/** The seed alone: only today, counted live, nothing used yet. */
export const NoUsageYet: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No seat used in the last 90 days, of 5 seats.')).toBeVisible();
  },
};

/** An organization without subscriptions. */
export const Empty: Story = {
  globals: variants.lakesideAdmin,
  parameters: { seatkit: { setup: noSubscriptions() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No subscriptions')).toBeVisible();
  },
};

/** A role without "See seats": the server would refuse, so the chart says so (and does not ask). */
export const NoPermission: Story = {
  globals: variants.member,
  parameters: { seatkit: { setup: withoutSeatsRead() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Seat usage is not available to you')).toBeVisible();
    await expect(canvas.queryByRole('combobox')).toBeNull();
  },
};

export const Loading: Story = { parameters: loading };

export const NetworkError: Story = {
  parameters: offline,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Could not load/)).toBeVisible();
  },
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  parameters: history,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Au plus 3 sur 5 licences utilisées au cours des 90 derniers jours.')).toBeVisible();
    await expect(canvas.getByText('3 licences vous suffiraient.')).toBeVisible();
  },
};

/** Right to left: time runs from right to left, labels mirrored. */
export const RightToLeft: Story = {
  parameters: history,
  globals: { ...variants.admin, ...variants.rtl },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText(APP_SENTENCE);
    await fitsViewport(canvasElement);
  },
};

export const Dark: Story = {
  parameters: history,
  globals: { ...variants.admin, ...variants.dark },
  play: async ({ canvas }) => {
    await canvas.findByText(APP_SENTENCE);
    canvas.getAllByRole('button', { name: 'Show as table' })[0]!.click();
    await canvas.findByRole('table', { name: /Seats of Imaging App per day/ });
  },
};

/** 390 px, a phone: the charts stack, nothing runs off the screen. */
export const Phone: Story = {
  parameters: history,
  globals: { ...variants.admin, ...variants.phone },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText(APP_SENTENCE);
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop: the charts side by side, nothing runs off the screen. */
export const Laptop: Story = {
  parameters: history,
  globals: { ...variants.admin, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText(APP_SENTENCE);
    await fitsViewport(canvasElement);
  },
};
