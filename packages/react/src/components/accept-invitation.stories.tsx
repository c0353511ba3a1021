import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { inWidth, scenarios, useStoryBackend, variants } from '../../../../.storybook/story-helpers';
import { AcceptInvitation, type AcceptInvitationProps } from './accept-invitation';

const INVITEE = 'dr.rivera@example.test';

/** Renders with the token the story's setup read from the server's mailbox (the email link's `?token=`). */
function WithToken(props: AcceptInvitationProps) {
  const { values } = useStoryBackend();
  return <AcceptInvitation token={values.token ?? null} {...props} />;
}

/**
 * The page behind an invitation link: preview → accept → "You have joined". Each story invites
 * dr.rivera@example.test for real (as Adam Admin, reserving an Imaging Cloud seat) and signs in as
 * the invitee; the states come from the server (revoked, expired, already accepted).
 */
const meta = {
  title: 'Invitations/AcceptInvitation',
  component: AcceptInvitation,
  render: (args) => <WithToken {...args} />,
  args: { onAccepted: fn(), onContinue: fn(), onSignIn: fn() },
  parameters: { seatkit: { signInAs: INVITEE, setup: scenarios.invitation('pending', INVITEE) } },
} satisfies Meta<typeof AcceptInvitation>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Accepting joins the organization; the reserved seat becomes the new member's. */
export const Default: Story = {
  play: async ({ canvas, args }) => {
    const card = await canvas.findByRole('region', { name: 'Join Northwind Dental' });
    await expect(within(card).getByText('Adam Admin invited you to join Northwind Dental as Member.')).toBeVisible();
    await userEvent.click(within(card).getByRole('button', { name: 'Accept invitation' }));
    await expect(await canvas.findByText('You have joined Northwind Dental.')).toBeVisible();
    await expect(args.onAccepted).toHaveBeenCalledTimes(1);
  },
};

/** The preview alone, before accepting. */
export const Preview: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Accept invitation' })).toBeVisible();
  },
};

/** Someone else is signed in: the page says which address to use and offers no Accept. */
export const WrongAccount: Story = {
  parameters: { seatkit: { signInAs: 'member@northwind.test' } },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByText(/but this invitation is for dr\.rivera@example\.test/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Accept invitation' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Use another account' }));
    await expect(args.onSignIn).toHaveBeenCalledWith(INVITEE);
  },
};

/** Nobody is signed in yet: sign in as the invited address first. */
export const SignedOut: Story = {
  parameters: { seatkit: { signInAs: null } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: /Sign in/ })).toBeVisible();
  },
};

export const Revoked: Story = {
  parameters: { seatkit: { setup: scenarios.invitation('revoked', INVITEE) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'This invitation was withdrawn' })).toBeVisible();
  },
};

export const Expired: Story = {
  parameters: { seatkit: { setup: scenarios.invitation('expired', INVITEE) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'This invitation has expired' })).toBeVisible();
    await expect(canvas.getByText('Invitations are valid for 7 days. Ask Adam Admin to send you a new one.')).toBeVisible();
  },
};

export const AlreadyAccepted: Story = {
  parameters: { seatkit: { setup: scenarios.invitation('accepted', INVITEE) } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'This invitation was already accepted' })).toBeVisible();
  },
};

/** A link whose token the server does not know. */
export const InvalidLink: Story = {
  render: (args) => <AcceptInvitation {...args} token={'x'.repeat(43)} />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'This invitation link does not work' })).toBeVisible();
  },
};

export const MissingToken: Story = {
  render: (args) => <AcceptInvitation {...args} token={null} />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'No invitation in this link' })).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: { seatkit: { network: 'pending' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading the invitation…');
  },
};

export const NetworkError: Story = {
  parameters: { seatkit: { network: 'offline' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/could not reach the server/);
  },
};

export const French: Story = {
  globals: variants.french,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: /Northwind Dental/ })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Accept invitation' })).toBeNull();
  },
};

export const RightToLeft: Story = {
  globals: variants.rtl,
  play: async ({ canvas }) => {
    await canvas.findByRole('button', { name: 'Accept invitation' });
  },
};

export const Dark: Story = {
  globals: variants.dark,
  play: async ({ canvas }) => {
    await canvas.findByRole('button', { name: 'Accept invitation' });
  },
};

export const Narrow: Story = {
  globals: variants.narrow,
  play: async ({ canvas }) => {
    await canvas.findByRole('button', { name: 'Accept invitation' });
  },
};


/** 390 px: the card fills the width. */
export const Width390: Story = {
  decorators: [inWidth(390)],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: 'Join Northwind Dental' })).toBeVisible();
  },
};

/** 1280 px: the card is centred (it used to hug the start edge). */
export const Width1280: Story = {
  decorators: [inWidth(1280)],
  play: async ({ canvas, canvasElement }) => {
    const card = await canvas.findByRole('region', { name: 'Join Northwind Dental' });
    const outer = canvasElement.querySelector<HTMLElement>('[style*="inline-size: 1280px"]')!.getBoundingClientRect();
    const box = card.getBoundingClientRect();
    await expect(Math.abs(box.left - outer.left - (outer.right - box.right))).toBeLessThanOrEqual(1);
  },
};
