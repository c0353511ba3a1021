import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { StoryBackend } from '../../../../.storybook/backend';
import { fitsViewport, loading, offline, scenarios, variants } from '../../../../.storybook/story-helpers';
import { OrganizationSwitcher } from './organization-switcher';

const LAST_ORGANIZATION_KEY = 'seatkit:last-organization:admin@northwind.test';
const forgetLastOrganization = () => localStorage.removeItem(LAST_ORGANIZATION_KEY);
const listbox = () => within(document.body).findByRole('listbox', { name: 'Organizations' });
/** The trigger's and the open panel's boxes (the panel is portalled into <body>). */
const boxes = async (canvas: ReturnType<typeof within>) => ({
  trigger: (await canvas.findByRole('button', { name: /^Organization: / })).getBoundingClientRect(),
  panel: (await within(document.body).findByRole('dialog', { name: 'Choose an organization' })).getBoundingClientRect(),
});

/**
 * One person, one email, several organizations (workflow 3: "one person can belong to several
 * institutions with the same email and switch between them"). Adam Admin is an admin of both
 * Northwind Dental and Lakeside Clinic.
 */
const meta = {
  title: 'Members/OrganizationSwitcher',
  component: OrganizationSwitcher,
  args: { onSwitch: fn() },
  globals: variants.admin,
  // Each story forgets what it viewed, so the next starts from the toolbar's organization (the cleanup
  // runs after the story: a setup that remembers one, in the loaders, runs before a beforeEach).
  beforeEach: () => forgetLastOrganization,
} satisfies Meta<typeof OrganizationSwitcher>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Organization: Northwind Dental Admin' })).toBeVisible();
  },
};

/** Keyboard only: open, arrow to Lakeside Clinic, Enter. The provider now works on Lakeside. */
export const SwitchWithKeyboard: Story = {
  play: async ({ canvas, args }) => {
    const trigger = await canvas.findByRole('button', { name: 'Organization: Northwind Dental Admin' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    await listbox();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onSwitch).toHaveBeenCalled());
    await expect(await canvas.findByRole('button', { name: 'Organization: Lakeside Clinic Admin' })).toHaveFocus();
  },
};

/**
 * Adam Admin viewed Lakeside Clinic last in this browser (remembered in `localStorage` per person):
 * signing in again reopens it rather than the toolbar's organization. `rememberLast={false}` turns this off.
 */
export const RemembersLastOrganization: Story = {
  parameters: {
    seatkit: {
      setup: ({ demo }: StoryBackend) => {
        localStorage.setItem(LAST_ORGANIZATION_KEY, demo.lakeside.orgId);
      },
    },
  },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('button', { name: 'Organization: Lakeside Clinic Admin' })).toBeVisible();
    // Reopening is not a pick: onSwitch is only called for the person's own choices.
    await expect(args.onSwitch).not.toHaveBeenCalled();
  },
};

/** Open: the panel hangs 4px under the trigger, aligned to its start edge. */
export const Open: Story = {
  args: { defaultOpen: true },
  play: async ({ canvas }) => {
    const list = await listbox();
    await expect(await within(list).findByRole('option', { name: /Lakeside Clinic/ })).toHaveTextContent('Your role: Admin');
    await waitFor(async () => {
      const { trigger, panel } = await boxes(canvas);
      await expect(panel.top).toBe(Math.round(trigger.bottom + 4));
      await expect(panel.left).toBe(Math.round(trigger.left));
    });
  },
};

/** Someone in one organization only. */
export const SingleOrganization: Story = {
  globals: variants.member,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Organization: Northwind Dental Member' })).toBeVisible();
  },
};

/** Many organizations (one with a very long name): a search box filters them. */
export const ManyOrganizations: Story = {
  args: { defaultOpen: true },
  parameters: { seatkit: { setup: scenarios.moreOrganizations(12) } },
  play: async () => {
    const search = await within(document.body).findByRole('combobox', { name: 'Search organizations' });
    await userEvent.type(search, 'radiologie');
    await expect(await within(document.body).findByRole('option', { name: /Saint-Jean-de-Luz/ })).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: loading,
};

export const NetworkError: Story = {
  parameters: offline,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Could not load your organizations/);
  },
};

export const French: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.french },
  play: async () => {
    await within(document.body).findByRole('option', { name: /Lakeside Clinic/ });
  },
};

/** Right to left: the panel is aligned to the trigger's right edge. */
export const RightToLeft: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.rtl },
  play: async ({ canvas }) => {
    await within(document.body).findByRole('option', { name: /Lakeside Clinic/ });
    await waitFor(async () => {
      const { trigger, panel } = await boxes(canvas);
      await expect(Math.abs(panel.right - trigger.right)).toBeLessThanOrEqual(1);
    });
  },
};

export const Dark: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.dark },
  play: async () => {
    await within(document.body).findByRole('option', { name: /Lakeside Clinic/ });
  },
};

/** A phone-sized viewport: the panel stays inside it. */
export const Narrow: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.narrow },
  play: async ({ canvas }) => {
    await within(document.body).findByRole('option', { name: /Lakeside Clinic/ });
    await waitFor(async () => {
      const { panel } = await boxes(canvas);
      await expect(panel.left).toBeGreaterThanOrEqual(0);
      await expect(panel.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    });
  },
};

/** 390 px, a phone: nothing runs off the screen. */
export const Phone: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.phone },
  play: async () => {
    await within(document.body).findByRole('option', { name: /Lakeside Clinic/ });
    await waitFor(() => fitsViewport());
  },
};

/** 1280 px, a laptop: nothing runs off the screen. */
export const Laptop: Story = {
  args: { defaultOpen: true },
  globals: { ...variants.admin, ...variants.desktop },
  play: async () => {
    await within(document.body).findByRole('option', { name: /Lakeside Clinic/ });
    await waitFor(() => fitsViewport());
  },
};
