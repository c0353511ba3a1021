import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { inWidth, loading, LONG_NAME, offline, scenarios, variants } from '../../../../.storybook/story-helpers';
import { MemberList } from './member-list';

/**
 * The organization's people: server-side search, role and status filters, a virtualized table and
 * row actions. Every story runs against the real server in the page; the toolbar's **Viewer**
 * switches whose permissions apply (a member sees no actions, an admin cannot remove an admin).
 */
const meta = {
  title: 'Members/MemberList',
  component: MemberList,
  args: { height: 420, searchDebounceMs: 150 },
} satisfies Meta<typeof MemberList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('cell', { name: 'Mia Member' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Last active' })).toBeVisible();
  },
};

/** The owner may change and remove admins; nobody removes the owner. */
export const AsOwner: Story = {
  globals: variants.owner,
  play: async ({ canvas }) => {
    const removeAdmin = await canvas.findByRole('button', { name: 'Remove Adam Admin' });
    await expect(removeAdmin).not.toHaveAttribute('aria-disabled', 'true');
  },
};

/** An admin sees the owner's and other admins' actions disabled, with the reason; it may still leave itself. */
export const AsAdmin: Story = {
  globals: variants.admin,
  parameters: { seatkit: { setup: scenarios.secondAdmin() } },
  play: async ({ canvas }) => {
    const removeOtherAdmin = await canvas.findByRole('button', { name: 'Remove Mia Member' });
    await expect(removeOtherAdmin).toHaveAttribute('aria-disabled', 'true');
    await expect(removeOtherAdmin).toHaveAccessibleDescription(/Only the owner can change or remove an admin/);
    await expect(canvas.getByRole('button', { name: 'Remove Adam Admin' })).not.toHaveAttribute('aria-disabled', 'true');
  },
};

/** A plain member reads the list; no actions, no selection. */
export const AsMember: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await canvas.findByRole('cell', { name: /^Adam Admin/ });
    await expect(canvas.queryAllByRole('button', { name: /^(Edit|Remove) / })).toHaveLength(0);
    await expect(canvas.queryAllByRole('checkbox')).toHaveLength(0);
  },
};

/** Lakeside Clinic, seen by Adam Admin, who is an admin there too (same email, another organization). */
export const OtherOrganization: Story = {
  globals: variants.lakesideAdmin,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('cell', { name: 'Leo Lakeside' })).toBeVisible();
    await expect(canvas.queryByRole('cell', { name: 'Mia Member' })).toBeNull();
  },
};

export const Loading: Story = {
  parameters: loading,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent(/Loading/);
  },
};

/** The connection drops: the error says so and offers a retry. */
export const NetworkError: Story = {
  parameters: offline,
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** A search that matches nobody (a member list is never empty: the owner is always in it). */
export const NoMatches: Story = {
  play: async ({ canvas }) => {
    await canvas.findByRole('cell', { name: 'Mia Member' });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'nobody-matches-this');
    await expect(await canvas.findByText('No members match')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Clear filters' })).toBeVisible();
  },
};

/** Filtering by role (workflow 3: "the user list can be filtered by role"). */
export const FilteredByRole: Story = {
  play: async ({ canvas }) => {
    await canvas.findByRole('cell', { name: 'Mia Member' });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Role' }), 'admin');
    await waitFor(() => expect(canvas.queryByRole('cell', { name: 'Mia Member' })).toBeNull());
    await expect(await canvas.findByRole('cell', { name: /^Adam Admin/ })).toBeVisible();
  },
};

/** 10,000 generated members on top of the demo: the table stays virtualized and pages in as you scroll. */
export const TenThousandMembers: Story = {
  parameters: { seatkit: { setup: scenarios.manyMembers(10_000) } },
  play: async ({ canvas }) => {
    // Sorted by name, the demo's people are somewhere in the middle: find one by searching.
    await waitFor(() => expect(canvas.getAllByRole('row').length).toBeGreaterThan(5));
    // Only a window of rows is in the DOM, not ten thousand.
    await expect(canvas.getAllByRole('row').length).toBeLessThan(120);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search members' }), 'mia');
    await expect(await canvas.findByRole('cell', { name: 'Mia Member' })).toBeVisible();
  },
};

export const LongNames: Story = {
  parameters: { seatkit: { setup: scenarios.longNames() } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('cell', { name: `${LONG_NAME.firstName} ${LONG_NAME.lastName}` })).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: variants.rtl,
  play: async ({ canvas }) => {
    await canvas.findByRole('cell', { name: 'Mia Member' });
    await expect(document.documentElement.dir).toBe('rtl');
  },
};

export const French: Story = {
  globals: variants.french,
  play: async ({ canvas }) => {
    await canvas.findByRole('cell', { name: 'Mia Member' });
    await expect(canvas.getByRole('searchbox')).toHaveAccessibleName(/membres/i);
  },
};

export const Dark: Story = {
  globals: variants.dark,
  play: async ({ canvas }) => {
    await canvas.findByRole('cell', { name: 'Mia Member' });
  },
};

export const Narrow: Story = {
  globals: variants.narrow,
  play: async ({ canvas }) => {
    // Cards are taller than rows: fewer are in the window, so look Mia up.
    await userEvent.type(await canvas.findByRole('searchbox'), 'Mia');
    await canvas.findByRole('cell', { name: 'Mia Member' });
  },
};

/**
 * Your own classes on any part, e.g. Tailwind utilities: `classNames` is keyed by `data-slot`.
 * Here the rows are denser (`--seatkit-row-height`), emails are monospace, and buttons are pills.
 */
export const CustomClasses: Story = {
  args: {
    classNames: { 'member-email': 'story-mono', 'member-row': 'story-row', button: 'story-pill' },
  },
  decorators: [
    (Story) => (
      <div style={{ '--seatkit-row-height': '2.5rem' } as React.CSSProperties}>
        <style>{`.story-mono { font-family: ui-monospace, monospace; } .story-pill { border-radius: 999px; } .story-row:hover { background: var(--seatkit-muted); }`}</style>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement, canvas }) => {
    await canvas.findByRole('cell', { name: 'Mia Member' });
    const row = canvasElement.querySelector('[data-slot="member-row"]')!;
    await expect(row).toHaveClass('seatkit-member-row', 'story-row');
    await expect(row.getBoundingClientRect().height).toBe(40);
    await expect(canvasElement.querySelector('[data-slot="member-email"]')).toHaveClass('story-mono');
    await expect(canvas.getByRole('button', { name: 'Edit Mia Member' })).toHaveClass('story-pill');
  },
};


/** 390 px (a phone): each member is a card; name, email, role, seats and the worded actions all show. */
export const Width390: Story = {
  globals: variants.admin,
  decorators: [inWidth(390)],
  play: async ({ canvas, canvasElement }) => {
    await userEvent.type(await canvas.findByRole('searchbox'), 'Mia');
    const edit = await canvas.findByRole('button', { name: 'Edit Mia Member' });
    await expect(within(edit).getByText('Edit')).toBeVisible();
    const scroller = canvasElement.querySelector<HTMLElement>('[data-slot="member-list-scroll"]')!;
    await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
  },
};

/** 1280 px: the table, with "Edit", "Remove" beside their icons. */
export const Width1280: Story = {
  globals: variants.admin,
  decorators: [inWidth(1280)],
  play: async ({ canvas }) => {
    const remove = await canvas.findByRole('button', { name: 'Remove Mia Member' });
    await expect(within(remove).getByText('Remove').getBoundingClientRect().width).toBeGreaterThan(20);
    await expect(canvas.getByRole('columnheader', { name: 'Last active' })).toBeVisible();
  },
};
