import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { animationsFinished, fitsViewport, variants } from '../../../../.storybook/story-helpers';
import { OrganizationLanguage } from './organization-language';

const select = (canvas: ReturnType<typeof within>, name: RegExp | string = 'Language of the organization') => canvas.findByRole('combobox', { name });

/**
 * The organization's language, which its emails use: core's supported locales, each named in itself. The owner
 * saves it; anyone else sees it disabled, with the reason.
 */
const meta = {
  title: 'Organization/OrganizationLanguage',
  component: OrganizationLanguage,
  args: { onSaved: fn() },
  globals: variants.owner,
} satisfies Meta<typeof OrganizationLanguage>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The owner's view: the current language and "Save language". */
export const Owner: Story = {
  play: async ({ canvas }) => {
    await expect(await select(canvas)).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Save language' })).toBeVisible();
  },
};

/** The owner picks Deutsch and saves: the server keeps it and the live region says so. */
export const Save: Story = {
  play: async ({ args, canvas, loaded }) => {
    await userEvent.selectOptions(await select(canvas), 'de');
    await userEvent.click(canvas.getByRole('button', { name: 'Save language' }));
    await expect(await canvas.findByText('The organization’s language is now Deutsch.')).toBeVisible();
    await waitFor(() => expect(args.onSaved).toHaveBeenCalledWith('de'));
    const { client, orgId } = loaded.seatkit;
    await expect((await client.organizations.get({ orgId })).locale).toBe('de');
  },
};

/** An admin (anyone but the owner): disabled, with the reason. */
export const NotTheOwner: Story = {
  globals: variants.admin,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Only the owner can change the organization’s language.')).toBeVisible();
    await expect(await select(canvas)).toBeDisabled();
  },
};

/** While the server saves: the button is busy. */
export const Saving: Story = {
  parameters: { seatkit: { network: (request: Request) => (request.method === 'PATCH' ? 'pending' : 'live') } },
  play: async ({ canvas }) => {
    await userEvent.selectOptions(await select(canvas), 'fr');
    await userEvent.click(canvas.getByRole('button', { name: 'Save language' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Save language' })).toHaveAttribute('aria-busy', 'true'));
  },
};

/** The connection drops while saving: the error says so. */
export const Offline: Story = {
  play: async ({ canvas, loaded }) => {
    await userEvent.selectOptions(await select(canvas), 'ja');
    loaded.seatkit.setNetwork('offline');
    await userEvent.click(canvas.getByRole('button', { name: 'Save language' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/could not reach the server/);
  },
};

export const French: Story = {
  globals: { ...variants.owner, ...variants.french },
  play: async ({ canvas }) => {
    await select(canvas, 'Langue de l’organisation');
  },
};

export const RightToLeft: Story = {
  globals: { ...variants.owner, ...variants.rtl },
  play: async ({ canvas }) => {
    await select(canvas);
  },
};

/** Arabic: the kit's root is right to left by itself; each language keeps its own name. */
export const Arabic: Story = {
  globals: { ...variants.owner, locale: 'ar' },
  play: async ({ canvas }) => {
    const control = await select(canvas, 'لغة المؤسسة');
    await expect(getComputedStyle(control).direction).toBe('rtl');
    await expect(within(control).getByRole('option', { name: 'Deutsch' })).toBeInTheDocument();
  },
};

export const Dark: Story = {
  globals: { ...variants.owner, ...variants.dark },
  play: async ({ canvas }) => {
    await select(canvas);
    await animationsFinished();
  },
};

export const Phone: Story = {
  globals: { ...variants.owner, ...variants.phone },
  play: async ({ canvas, canvasElement }) => {
    await select(canvas);
    await fitsViewport(canvasElement);
  },
};

export const Laptop: Story = {
  globals: { ...variants.owner, ...variants.desktop },
  play: async ({ canvas, canvasElement }) => {
    await select(canvas);
    await fitsViewport(canvasElement);
  },
};
