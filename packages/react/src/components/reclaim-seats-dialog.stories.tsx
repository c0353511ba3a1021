import type { Meta, StoryObj } from '@storybook/react-vite';
import { DEMO_USERS } from '@seatkit/server';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  animationsFinished,
  fitsViewport,
  loading,
  offline,
  scenarios,
  useStoryBackend,
  variants,
  type StoryBackend,
} from '../../../../.storybook/story-helpers';
import { ReclaimSeatsDialog, type ReclaimSeatsDialogProps } from './reclaim-seats-dialog';

const agedSeats = scenarios.agedSeats;

/** `count` more people hold an Imaging App seat (its limit raised to fit, as the host's back office would). */
const moreHolders = (count: number) =>
  async (backend: StoryBackend) => {
    const { server, demo, clientFor } = backend;
    const orgId = demo.northwind.orgId;
    await scenarios.updateSubscription('imagingApp', { seatLimit: count + 10 })(backend);
    await server.seedMembers(orgId, count);
    const owner = await clientFor(DEMO_USERS.owner.email);
    const held = new Set((await owner.seats.list({ orgId, subscriptionId: demo.northwind.subscriptions.imagingApp, limit: 200 })).items.map((s) => s.memberId));
    const members = (await owner.members.list({ orgId, limit: 200 })).items.filter((m) => !held.has(m.id)).slice(0, count);
    await owner.seats.assign({ orgId, subscriptionId: demo.northwind.subscriptions.imagingApp, memberIds: members.map((m) => m.id) });
  };

/** The dialog for Imaging App, open. */
function ImagingAppReclaim(props: Partial<ReclaimSeatsDialogProps>) {
  const { demo } = useStoryBackend();
  return <ReclaimSeatsDialog defaultOpen {...props} subscriptionId={demo.northwind.subscriptions.imagingApp} />;
}

const dialog = () => within(document.body).findByRole('dialog', { name: 'Reclaim idle seats of Imaging App' });

/**
 * Seats nobody used for a while, released by hand: "Idle for" (the policy's period, else 30 days), the dry run
 * (who, assigned, last used), everything ticked; untick whom to keep and reclaim. A seat used since the dry run is
 * kept and said so. "Reclaim automatically" sets the subscription's policy. Read-only without `seats:assign`.
 */
const meta = {
  title: 'Seats/ReclaimSeatsDialog',
  component: ReclaimSeatsDialog,
  render: (args) => <ImagingAppReclaim {...args} />,
  // `subscriptionId` is the demo's Imaging App, read from the story's server.
  args: { subscriptionId: undefined as never, onReclaimed: fn() },
  globals: variants.admin,
  parameters: { seatkit: { setup: agedSeats() } },
} satisfies Meta<typeof ReclaimSeatsDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Behind its own button ("Reclaim idle seats"). */
export const Closed: Story = {
  render: (args) => <ImagingAppReclaim {...args} defaultOpen={false} />,
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Reclaim idle seats' }));
    await expect(await dialog()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
  },
};

/** Two seats unused for 45 days: both listed, never used, both ticked. */
export const Default: Story = {
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findByRole('checkbox', { name: 'Reclaim the seat of Mia Member' })).toBeChecked();
    await expect(within(d).getByRole('checkbox', { name: 'Reclaim the seat of Olivia Owner' })).toBeChecked();
    await expect(within(d).getByText('2 of 2 selected')).toBeVisible();
    await expect(within(d).getAllByText('Never')).toHaveLength(2);
    await expect(within(d).getByRole('combobox', { name: 'Idle for' })).toHaveDisplayValue('30 days');
    await expect(within(d).getByRole('button', { name: 'Reclaim 2 seats' })).toBeEnabled();
    await animationsFinished();
  },
};

/** Untick Olivia, reclaim Mia's seat: the server releases it and emails her; Olivia keeps hers. */
export const Reclaim: Story = {
  play: async ({ args, loaded }) => {
    const d = await dialog();
    await userEvent.click(await within(d).findByRole('checkbox', { name: 'Reclaim the seat of Olivia Owner' }));
    await expect(within(d).getByText('1 of 2 selected')).toBeVisible();
    await userEvent.click(within(d).getByRole('button', { name: 'Reclaim 1 seat' }));
    await expect(await within(d).findByText('Reclaimed 1 seat.')).toBeVisible();
    await waitFor(() => expect(args.onReclaimed).toHaveBeenCalledWith([expect.objectContaining({ ok: true, memberId: loaded.seatkit.demo.northwind.memberMemberId })]));
    // The dry run is run again: only Olivia's seat is left.
    await expect(await within(d).findByText('1 of 1 selected')).toBeVisible();
    const mails: { to: string }[] = await loaded.seatkit.server.mailbox();
    await expect(mails.some((m) => m.to === DEMO_USERS.member.email)).toBe(true);
  },
};

/** Nothing ticked: the button says so and is disabled. */
export const NoneSelected: Story = {
  play: async () => {
    const d = await dialog();
    await userEvent.click(await within(d).findByRole('checkbox', { name: 'Select every seat shown' }));
    await expect(within(d).getByText('0 of 2 selected')).toBeVisible();
    await expect(within(d).getByRole('button', { name: 'Reclaim seats' })).toBeDisabled();
  },
};

/** Mia opens the product after the dry run: her seat is no longer idle, so it is kept and named. */
export const UsedSinceKept: Story = {
  play: async ({ loaded }) => {
    const d = await dialog();
    await within(d).findByText('2 of 2 selected');
    const { clientFor, demo } = loaded.seatkit as StoryBackend;
    const mia = await clientFor(DEMO_USERS.member.email);
    await expect((await mia.access.check({ orgId: demo.northwind.orgId, product: 'imaging-app' })).allowed).toBe(true);
    await userEvent.click(within(d).getByRole('button', { name: 'Reclaim 2 seats' }));
    await expect(await within(d).findByText('Reclaimed 1 seat; 1 was used since and kept: Mia Member.')).toBeVisible();
    await animationsFinished();
  },
};

/** The connection drops as "Reclaim" is pressed: the error says so, nothing is released, the seats stay ticked. */
export const ReclaimFails: Story = {
  play: async ({ loaded }) => {
    const d = await dialog();
    await within(d).findByText('2 of 2 selected');
    (loaded.seatkit as StoryBackend).setNetwork('offline');
    await userEvent.click(within(d).getByRole('button', { name: 'Reclaim 2 seats' }));
    await expect(await within(d).findByText('Could not reclaim the seats')).toBeVisible();
    await expect(within(d).getByText('2 of 2 selected')).toBeVisible();
    await animationsFinished();
  },
};

/** No seat unused for 30 days (the seed's seats are new). */
export const Empty: Story = {
  parameters: { seatkit: { setup: async () => undefined } },
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findByText('No seat has been idle for 30 days')).toBeVisible();
    await expect(within(d).getByRole('button', { name: 'Reclaim seats' })).toBeDisabled();
  },
};

/** A shorter period: 7 days finds the seats aged 10. */
export const ShorterPeriod: Story = {
  parameters: { seatkit: { setup: agedSeats(10) } },
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findByText('No seat has been idle for 30 days')).toBeVisible();
    await userEvent.selectOptions(within(d).getByRole('combobox', { name: 'Idle for' }), '7 days');
    await expect(await within(d).findByText('2 of 2 selected')).toBeVisible();
    await userEvent.selectOptions(within(d).getByRole('combobox', { name: 'Idle for' }), 'Another number of days');
    const days = within(d).getByRole('textbox', { name: 'Days without use' });
    await userEvent.clear(days);
    await userEvent.type(days, '11');
    await expect(await within(d).findByText('No seat has been idle for 11 days')).toBeVisible();
  },
};

/** 40 idle seats: a page of 25, then "Show more". */
export const Many: Story = {
  args: { pageSize: 25 },
  parameters: { seatkit: { setup: scenarios.combine(moreHolders(38), agedSeats()) } },
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findByText('25 of 25 selected')).toBeVisible();
    await userEvent.click(within(d).getByRole('button', { name: 'Show more idle seats' }));
    await expect(await within(d).findByText('40 of 40 selected')).toBeVisible();
    await expect(within(d).getByRole('button', { name: 'Reclaim 40 seats' })).toBeEnabled();
  },
};

/** "Reclaim automatically": saved on the subscription, then turned off. */
export const Policy: Story = {
  play: async ({ loaded }) => {
    const d = await dialog();
    await expect(await within(d).findByText('Off: idle seats are reclaimed only by hand.')).toBeVisible();
    const idle = within(d).getByRole('textbox', { name: 'Reclaim after (days without use)' });
    await userEvent.clear(idle);
    await userEvent.type(idle, '60');
    await userEvent.click(within(d).getByRole('button', { name: 'Save automatic reclaim' }));
    await expect(await within(d).findByText(/On: a seat unused for 60 days is reclaimed/)).toBeVisible();
    const { client, orgId } = loaded.seatkit as StoryBackend;
    const sub = (await client.subscriptions.list({ orgId })).items.find((s) => s.product.key === 'imaging-app');
    await expect(sub?.reclaimPolicy).toEqual({ idleDays: 60, warnDays: 7 });
    await userEvent.click(within(d).getByRole('button', { name: 'Turn off' }));
    await expect(await within(d).findByText('Off: idle seats are reclaimed only by hand.')).toBeVisible();
  },
};

/** A warning period not below the reclaim period is refused before any request. */
export const PolicyInvalid: Story = {
  play: async () => {
    const d = await dialog();
    const warn = await within(d).findByRole('textbox', { name: 'Warn the holder (days before; 0: no warning)' });
    await userEvent.clear(warn);
    await userEvent.type(warn, '90');
    await userEvent.click(within(d).getByRole('button', { name: 'Save automatic reclaim' }));
    await expect(await within(d).findByText('A whole number of days, from 0 to one less than the reclaim period.')).toBeVisible();
    await expect(warn).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Mia Member (`seats:read`, not `seats:assign`): the dry run and the policy, read-only. */
export const NoPermission: Story = {
  globals: variants.member,
  play: async () => {
    const d = await dialog();
    await expect(await within(d).findByText(/reclaiming them or changing the policy needs/)).toBeVisible();
    await expect(await within(d).findByText('Olivia Owner')).toBeVisible();
    await expect(within(d).queryByRole('checkbox')).toBeNull();
    await expect(within(d).queryByRole('button', { name: /Reclaim/ })).toBeNull();
    await expect(within(d).queryByRole('button', { name: 'Save automatic reclaim' })).toBeNull();
  },
};

export const Loading: Story = { parameters: { ...loading } };

export const NetworkError: Story = {
  parameters: { ...offline },
  play: async () => {
    const d = await within(document.body).findByRole('dialog', { name: 'Reclaim idle seats' });
    await expect(await within(d).findByText('Could not load the idle seats')).toBeVisible();
  },
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  play: async () => {
    const d = await within(document.body).findByRole('dialog', { name: 'Récupérer les licences inutilisées de Imaging App' });
    await expect(await within(d).findByRole('button', { name: 'Récupérer 2 licences' })).toBeEnabled();
    await expect(within(d).getByText('2 sur 2 sélectionnées')).toBeVisible();
    await animationsFinished();
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.admin, ...variants.rtl },
  play: async () => {
    const d = await dialog();
    await within(d).findByText('2 of 2 selected');
    await animationsFinished();
  },
};

export const Dark: Story = {
  globals: { ...variants.admin, ...variants.dark },
  play: async () => {
    const d = await dialog();
    await within(d).findByText('2 of 2 selected');
    await animationsFinished();
  },
};

/** 390 px, a phone: each seat a card, nothing runs off the screen. */
export const Phone: Story = {
  globals: { ...variants.admin, ...variants.phone },
  play: async () => {
    const d = await dialog();
    await within(d).findByText('2 of 2 selected');
    await animationsFinished();
    await fitsViewport(d);
  },
};

/** 1280 px, a laptop. */
export const Laptop: Story = {
  globals: { ...variants.admin, ...variants.desktop },
  play: async () => {
    const d = await dialog();
    await within(d).findByText('2 of 2 selected');
    await animationsFinished();
    await fitsViewport(d);
  },
};
