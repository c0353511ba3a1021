import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { fitsViewport, loading, offline, scenarios, useStoryBackend, variants } from '../../../../.storybook/story-helpers';
import { SeatHolderList, type SeatHolderListProps } from './seat-holder-list';

/** The holders of one of the demo's subscriptions (ids come from the story's fresh seed). */
function DemoHolders({ subscription = 'imagingApp', ...props }: Partial<SeatHolderListProps> & { subscription?: 'imagingApp' | 'imagingCloud' }) {
  const { demo } = useStoryBackend();
  return <SeatHolderList {...props} subscriptionId={demo.northwind.subscriptions[subscription]} />;
}

/**
 * Who holds a seat of one subscription, with "Unassign" (after a confirmation) for those allowed.
 * Imaging App's seats are held by Olivia Owner and Mia Member in the demo.
 */
const meta = {
  title: 'Seats/SeatHolderList',
  component: SeatHolderList,
  render: (args) => <DemoHolders {...args} />,
  args: { subscriptionId: '(the story picks a demo subscription)' },
  globals: variants.owner,
} satisfies Meta<typeof SeatHolderList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Mia Member')).toBeVisible();
  },
};

/** Unassigning asks first, then frees the seat on the server. */
export const Unassign: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Unassign Mia Member' }));
    const confirm = await within(document.body).findByRole('alertdialog', { name: 'Take the seat back from Mia Member?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Unassign seat' }));
    await expect(await canvas.findByText('The seat of Mia Member was released.')).toBeVisible();
  },
};

/** Imaging Cloud: nobody holds a seat yet. */
export const Empty: Story = {
  render: (args) => <DemoHolders {...args} subscription="imagingCloud" />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Nobody holds a seat yet')).toBeVisible();
  },
};

/** Every seat taken. */
export const Full: Story = {
  parameters: { seatkit: { setup: scenarios.seatsExhausted('imagingApp') } },
  play: async ({ canvas }) => {
    await expect((await canvas.findAllByRole('button', { name: /^Unassign / })).length).toBe(5);
  },
};

/** A plain member sees the holders without actions. */
export const AsMember: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await canvas.findByText('Olivia Owner');
    await expect(canvas.queryAllByRole('button', { name: /^Unassign / })).toHaveLength(0);
  },
};

export const LongNames: Story = {
  parameters: { seatkit: { setup: scenarios.longNames() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(new RegExp(scenarios.LONG_NAME.lastName))).toBeVisible();
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
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Could not load the seat holders/);
  },
};

export const French: Story = {
  globals: { ...variants.owner, ...variants.french },
  play: async ({ canvas }) => {
    await canvas.findByText('Mia Member');
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.owner, ...variants.rtl },
  play: async ({ canvas }) => {
    await canvas.findByText('Mia Member');
  },
};

export const Dark: Story = {
  globals: { ...variants.owner, ...variants.dark },
  play: async ({ canvas }) => {
    await canvas.findByText('Mia Member');
  },
};

export const Narrow: Story = {
  globals: { ...variants.owner, ...variants.narrow },
  play: async ({ canvas }) => {
    await canvas.findByText('Mia Member');
  },
};

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  globals: { ...variants.owner, ...variants.phone },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText('Mia Member');
    await fitsViewport(canvasElement);
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  globals: { ...variants.owner, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByText('Mia Member');
    await fitsViewport(canvasElement);
  },
};
