import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, fitsViewport, scenarios, useStoryBackend, variants } from '../../../../.storybook/story-helpers';
import { Button } from '../ui/button';
import { AssignSeatDialog, type AssignSeatDialogProps } from './assign-seat-dialog';

type Sub = 'imagingApp' | 'imagingCloud' | 'none';

/** The dialog on one of the demo's subscriptions (ids come from the story's fresh seed). */
function AssignDemoSeat({ subscription = 'imagingCloud', ...props }: Partial<AssignSeatDialogProps> & { subscription?: Sub }) {
  const { demo } = useStoryBackend();
  const subscriptionId = subscription === 'none' ? undefined : demo.northwind.subscriptions[subscription];
  return <AssignSeatDialog {...props} subscriptionId={subscriptionId} />;
}

const dialog = (name: string | RegExp = /Assign seats/) => within(document.body).findByRole('dialog', { name });

/**
 * Hands out seats of a subscription (workflow 1): pick people — yourself included, listed first —
 * see how many seats are left, and invite someone new from inside the dialog (a seat is reserved
 * for them until they accept). Seat limits are the server's: a full subscription says so.
 */
const meta = {
  title: 'Seats/AssignSeatDialog',
  component: AssignSeatDialog,
  render: (args) => <AssignDemoSeat {...args} />,
  args: { defaultOpen: true, searchDebounceMs: 100, onAssigned: fn(), onInvited: fn() },
  globals: variants.admin,
} satisfies Meta<typeof AssignSeatDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Its button (the docs page shows this one). */
export const Closed: Story = {
  args: { defaultOpen: false, trigger: <Button variant="primary">Assign seat</Button> },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Assign seat' })).toBeVisible();
  },
};

export const Default: Story = {
  play: async () => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await expect(await within(d).findByText('2 seats left')).toBeVisible();
    await animationsFinished();
  },
};

/** Workflow 1, first half: the admin picks themself and assigns. */
export const AssignYourself: Story = {
  play: async ({ args }) => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await userEvent.click(await within(d).findByRole('checkbox', { name: /Adam Admin \(you\)/ }));
    await expect(await within(d).findByText('1 selected; 1 seat would be left.')).toBeVisible();
    await userEvent.click(within(d).getByRole('button', { name: 'Assign 1 seat' }));
    await expect(await within(d).findByText('Adam Admin: seat assigned')).toBeVisible();
    await expect(args.onAssigned).toHaveBeenCalled();
  },
};

/** Workflow 1, second half: an outside person is invited from the dialog; a seat is reserved for them. */
export const InviteSomeoneNew: Story = {
  play: async ({ args }) => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await userEvent.click(await within(d).findByRole('button', { name: 'Invite someone new' }));
    const invite = within(d).getByRole('region', { name: 'Invite someone new' });
    await userEvent.type(within(invite).getByRole('textbox', { name: 'Email' }), 'dr.outside@clinic.test');
    await userEvent.click(within(invite).getByRole('button', { name: 'Invite and reserve a seat' }));
    await expect(await within(invite).findByRole('status')).toHaveTextContent(
      'Invitation sent to dr.outside@clinic.test. A seat of Imaging Cloud is reserved for them.',
    );
    await expect(args.onInvited).toHaveBeenCalled();
    await expect(await within(d).findByText('1 seat left')).toBeVisible();
  },
};

/**
 * Workflow 1 with an outside person invited earlier (the demo's Nina Newhire, still pending): they are listed after
 * the members, marked "Invited"; picking them reserves a seat, which becomes theirs when they accept.
 */
export const PendingInvitee: Story = {
  play: async ({ args }) => {
    const d = await dialog('Assign seats of Imaging Cloud');
    const nina = await within(d).findByRole('checkbox', { name: /Nina Newhire/ });
    await expect(nina).toHaveAccessibleDescription('Invitation pending: the seat is reserved until they accept.');
    await userEvent.click(nina);
    await userEvent.click(within(d).getByRole('button', { name: 'Assign 1 seat' }));
    await expect(await within(d).findByText('Nina Newhire: seat reserved; it becomes theirs when they accept the invitation')).toBeVisible();
    await expect(await within(d).findByText('Seat reserved')).toBeVisible();
    await expect(args.onAssigned).toHaveBeenCalled();
    await expect(within(d).getByRole('checkbox', { name: /Nina Newhire/ })).toBeDisabled();
  },
};

/** No subscription given: pick one first; a given member is preselected. */
export const PickSubscription: Story = {
  render: (args) => {
    const { demo } = useStoryBackend();
    return <AssignDemoSeat {...args} subscription="none" memberId={demo.northwind.memberMemberId} />;
  },
  play: async () => {
    const d = await dialog('Assign seats');
    await expect(await within(d).findByRole('combobox', { name: 'Subscription' })).toBeVisible();
    await animationsFinished();
  },
};

/** Every seat taken (assigned through the real API until the server refused): the dialog says so. */
export const SeatsExhausted: Story = {
  parameters: { seatkit: { setup: scenarios.seatsExhausted('imagingCloud') } },
  play: async () => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await expect(await within(d).findByText('No seats left', { exact: true })).toBeVisible();
    await expect(within(d).getByText(/All seats of this subscription are in use/)).toBeVisible();
  },
};

/** A canceled subscription hands out nothing: the dialog says why, and offers nobody to pick. */
export const SubscriptionCanceled: Story = {
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingCloud', { status: 'canceled' }) } },
  play: async () => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await expect(await within(d).findByText('This subscription was canceled, so its seats cannot be handed out.')).toBeVisible();
    await expect(within(d).queryAllByRole('checkbox')).toHaveLength(0);
  },
};

/** Picking the subscription: a canceled or expired one is listed, greyed out, with the reason. */
export const PickSubscriptionOneExpired: Story = {
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingCloud', { expiresAt: '2020-01-01T00:00:00.000Z' }) } },
  render: (args) => <AssignDemoSeat {...args} subscription="none" />,
  play: async () => {
    const d = await dialog('Assign seats');
    await expect(await within(d).findByRole('option', { name: 'Imaging Cloud (expired)' })).toBeDisabled();
    await animationsFinished();
  },
};

/** Payment overdue: seats can still be handed out (the host decides), and the dialog says they give access once paid. */
export const PaymentOverdue: Story = {
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingCloud', { status: 'past_due' }) } },
  play: async () => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await expect(await within(d).findByText(/payment for this subscription is overdue/)).toBeVisible();
    await expect((await within(d).findAllByRole('checkbox')).length).toBeGreaterThan(0);
  },
};

/** Someone else takes the last seat meanwhile: the server refuses, and the row says why. */
export const LastSeatTakenMeanwhile: Story = {
  parameters: { seatkit: { setup: scenarios.updateSubscription('imagingCloud', { seatLimit: 1 }) } },
  play: async ({ loaded }) => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await userEvent.click(await within(d).findByRole('checkbox', { name: /Mia Member/ }));
    const { clientFor, demo } = loaded.seatkit;
    const owner = await clientFor('owner@northwind.test');
    await owner.seats.assign({ orgId: demo.northwind.orgId, subscriptionId: demo.northwind.subscriptions.imagingCloud, memberIds: [demo.northwind.ownerMemberId] });
    await userEvent.click(within(d).getByRole('button', { name: 'Assign 1 seat' }));
    await expect(await within(d).findByText(/Mia Member: not assigned, no seats were left/)).toBeVisible();
  },
};

/** 10,000 people: the picker searches on the server and pages. */
export const TenThousandPeople: Story = {
  parameters: { seatkit: { setup: scenarios.manyMembers(10_000) } },
  play: async () => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await userEvent.type(await within(d).findByRole('searchbox', { name: 'Search people' }), 'mia');
    await expect(await within(d).findByRole('checkbox', { name: /Mia Member/ })).toBeVisible();
  },
};

export const LongNames: Story = {
  parameters: { seatkit: { setup: scenarios.longNames() } },
  play: async () => {
    const d = await dialog('Assign seats of Imaging Cloud');
    await userEvent.type(await within(d).findByRole('searchbox', { name: 'Search people' }), 'maximiliana');
    await expect(await within(d).findByRole('checkbox', { name: new RegExp(scenarios.LONG_NAME.firstName) })).toBeVisible();
  },
};

/** A plain member cannot assign: the reason is shown. */
export const NoPermission: Story = {
  globals: variants.member,
  play: async () => {
    const d = await dialog();
    await waitFor(() => expect(within(d).getAllByText(/You need the “Assign seats” permission/).length).toBeGreaterThan(0));
  },
};

export const Loading: Story = {
  parameters: { seatkit: { network: 'pending' } },
  play: async () => {
    await expect(await within(await dialog()).findByRole('status')).toHaveTextContent(/Loading/);
  },
};

/**
 * The subscriptions cannot be loaded (the connection drops for that request). When the caller's own
 * `/v1/me` fails too, the dialog currently keeps showing "Loading…" — reported to the kit's owners.
 */
export const NetworkError: Story = {
  parameters: {
    seatkit: { network: (request: Request) => (new URL(request.url).pathname.endsWith('/subscriptions') ? 'offline' : 'live') },
  },
  play: async () => {
    await expect(await within(await dialog()).findByRole('alert')).toHaveTextContent(/Could not load the subscriptions/);
  },
};

export const French: Story = {
  globals: { ...variants.admin, ...variants.french },
  play: async () => {
    await within(await within(document.body).findByRole('dialog')).findAllByRole('checkbox');
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.admin, ...variants.rtl },
  play: async () => {
    await within(await dialog()).findAllByRole('checkbox');
  },
};

export const Dark: Story = {
  globals: { ...variants.admin, ...variants.dark },
  play: async () => {
    await within(await dialog()).findAllByRole('checkbox');
  },
};

export const Narrow: Story = {
  globals: { ...variants.admin, ...variants.narrow },
  play: async () => {
    await within(await dialog()).findAllByRole('checkbox');
  },
};

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  globals: { ...variants.admin, ...variants.phone },
  play: async () => {
    const d = await dialog();
    await within(d).findAllByRole('checkbox');
    await animationsFinished();
    await fitsViewport(d);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  globals: { ...variants.admin, ...variants.desktop },
  play: async () => {
    const d = await dialog();
    await within(d).findAllByRole('checkbox');
    await animationsFinished();
    await fitsViewport(d);
  },
};
