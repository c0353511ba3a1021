import { composeStory, type Meta, type StoryObj } from '@storybook/react-vite';
import axe from 'axe-core';
import { createRoot } from 'react-dom/client';
import { expect, waitFor } from 'storybook/test';
import { catalogs, leaves } from '../test/catalogs';

/**
 * Every component's story in every locale of the kit (one directory each under `messages/`, found by glob), in the
 * browser against the in-page server: no message key missing (no `{placeholder}` left unfilled, no English sentence
 * showing through from the defaults), no clipped column header, and axe clean in the right-to-left locales.
 *
 * The component stories' play functions check English wording, so here each story is only loaded (its backend setup)
 * and rendered, once per locale, without its play: the locales share one load and the query cache, which keeps twelve
 * locales at the cost of about one run of the stories. The stories are split into parts by index so that each part
 * stays well inside a story test's timeout.
 */
const meta = {
  title: 'Messages/Every locale',
  render: () => <div data-testid="locale-sweep" />,
  // The sweep loads each component story's own backend; this story needs none of its own.
  parameters: { seatkit: { provider: false } },
  tags: ['!dev', '!autodocs'],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const PARTS = 6;

type StoryModule = { default: Meta } & Record<string, unknown>;
const storyFiles = Object.entries(import.meta.glob<StoryModule>('../components/*.stories.tsx', { eager: true })).sort(([a], [b]) =>
  a.localeCompare(b),
);

/** A component's stories to sweep: its open states (`Default`, `Open`), else its first story. */
function sweptStories(module: StoryModule): string[] {
  // In the file's order (a module namespace lists its exports alphabetically).
  const order = module.__namedExportsOrder as string[] | undefined;
  const names = (order ?? Object.keys(module)).filter((name) => name !== 'default' && name !== '__namedExportsOrder');
  const open = names.filter((name) => name === 'Default' || name === 'Open');
  return open.length ? open : names.slice(0, 1);
}

const locales = catalogs();
const english = locales.find((c) => c.tag === 'en')!.messages;

/**
 * English sentences a `locale` page must not show: a catalog's missing key falls back to English (the provider merges
 * over it), and a string a component hard-codes never changes at all. Those the catalog itself uses are fine
 * (`Status`, `CSV`).
 */
function englishOnly(messages: object): Set<string> {
  const own = new Set(leaves(messages).map(([, v]) => v));
  return new Set(leaves(english).map(([, v]) => v).filter((v) => !/[{}]/.test(v) && v.length > 2 && !own.has(v)));
}

// The browser's own locale data, not core's RTL_LOCALES that the preview applies: the test checks one against the other.
const isRtl = (tag: string) => {
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
  return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl';
};

/** Every string the story shows: text and accessible-name attributes, in `roots` (its own and the dialogs it portals to <body>). */
function storyStrings(roots: Element[]): string[] {
  const strings: string[] = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !node.parentElement?.closest('script, style')) strings.push(text);
    }
    for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [aria-description]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'aria-description']) {
        const value = element.getAttribute(name)?.trim();
        if (value) strings.push(value);
      }
    }
  }
  return strings;
}

/** The page has settled: no spinner, nothing busy, and the same text two frames in a row. */
async function settled(): Promise<void> {
  let last = '';
  await waitFor(
    async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const busy = document.body.querySelector('[data-slot="spinner"], [aria-busy="true"]');
      const text = document.body.innerText;
      const stable = text === last;
      last = text;
      expect(busy).toBeNull();
      expect(stable).toBe(true);
    },
    { timeout: 30_000 },
  );
}

async function sweep(part: number, canvasElement: HTMLElement): Promise<void> {
  const problems: string[] = [];
  const files = storyFiles.filter((_, i) => i % PARTS === part);
  await expect(files.length).toBeGreaterThan(0);
  for (const [file, module] of files) {
    for (const name of sweptStories(module)) {
      const Composed = composeStory(module[name] as never, module.default, undefined, name);
      const where = `${module.default.title ?? file} › ${name}`;
      // The story's loader resets the in-page server and applies its setup, once for every locale.
      await Composed.load();
      for (const { tag, messages } of locales) {
        Composed.globals.locale = tag;
        const before = new Set(document.body.children);
        const host = canvasElement.appendChild(document.createElement('div'));
        const root = createRoot(host);
        try {
          root.render(<Composed />);
          await settled();
          await expect(document.documentElement.dir, `${where} [${tag}] dir`).toBe(isRtl(tag) ? 'rtl' : 'ltr');
          const strings = storyStrings([host, ...[...document.body.children].filter((e) => !before.has(e))]);
          for (const s of strings) if (/\{[a-zA-Z]\w*[,}]/.test(s)) problems.push(`${where} [${tag}]: unfilled placeholder in “${s}”`);
          if (tag !== 'en') {
            const leaks = englishOnly(messages);
            for (const s of new Set(strings)) if (leaks.has(s)) problems.push(`${where} [${tag}]: English “${s}”`);
          }
          for (const header of host.querySelectorAll<HTMLElement>('[role="columnheader"], th')) {
            if (header.scrollWidth > header.clientWidth + 1 || header.scrollHeight > header.clientHeight + 1) {
              problems.push(`${where} [${tag}]: column header “${header.textContent}” is clipped`);
            }
          }
          if (isRtl(tag)) {
            await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
            const result = await axe.run(document.body, { resultTypes: ['violations'] });
            for (const v of result.violations) problems.push(`${where} [${tag}]: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
        } finally {
          root.unmount();
          host.remove();
        }
      }
    }
  }
  await expect(problems).toEqual([]);
}

export const Part1: Story = { play: ({ canvasElement }) => sweep(0, canvasElement) };
export const Part2: Story = { play: ({ canvasElement }) => sweep(1, canvasElement) };
export const Part3: Story = { play: ({ canvasElement }) => sweep(2, canvasElement) };
export const Part4: Story = { play: ({ canvasElement }) => sweep(3, canvasElement) };
export const Part5: Story = { play: ({ canvasElement }) => sweep(4, canvasElement) };
export const Part6: Story = { play: ({ canvasElement }) => sweep(5, canvasElement) };
