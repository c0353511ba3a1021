#!/usr/bin/env node
// How long a designer waits for a story of the static Storybook (`npm run build-storybook`) to show
// its data: opening a story in a new tab (cold, then with the browser's cache warm), and moving to
// the next story in the same page (what clicking in the sidebar does).
//
//   node .storybook/measure-static.mjs [storybook-static]
import { chromium } from 'playwright';
import { chromiumOptions, serveStatic } from './static-server.mjs';

const { base, close } = await serveStatic(process.argv[2] ?? 'storybook-static');
/** Stories and the text that shows their data arrived from the in-page server. */
const STORIES = [
  ['pages-accountuserspage--as-admin', 'Mia Member'],
  ['members-memberlist--default', 'Mia Member'],
  ['invitations-invitationlist--default', /Nina Newhire/],
];

const browser = await chromium.launch(chromiumOptions);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
try {
  const index = await (await fetch(`${base}index.json`)).json();
  const stories = STORIES.filter(([id]) => id in index.entries);
  const ready = (page, text) => page.getByRole('cell', { name: text, exact: typeof text === 'string' }).first();
  for (const [id, text] of stories) {
    const context = await browser.newContext();
    for (const label of ['new tab, cold cache', 'new tab, warm cache']) {
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${base}iframe.html?id=${id}&viewMode=story`);
      await ready(page, text).waitFor({ timeout: 120_000 });
      const total = Date.now() - start;
      // Where it went: the in-page server's opening (backend.ts's performance marks), from the page's first moment.
      const server = await page.evaluate(() => {
        const opened = performance.getEntriesByName('seatkit:server-ready')[0];
        return opened ? { from: opened.startTime, to: opened.startTime + opened.duration } : undefined;
      });
      const detail = server ? `  (server opened ${seconds(server.from)} → ${seconds(server.to)})` : '';
      console.log(`${id.padEnd(42)} ${label.padEnd(22)} ${seconds(total)}${detail}`);
      await page.close();
    }
    await context.close();
  }
  // Moving between stories in one page: the preview keeps its server and loads the next story.
  const page = await browser.newPage();
  await page.goto(`${base}iframe.html?id=${stories[0][0]}&viewMode=story`);
  await ready(page, stories[0][1]).waitFor({ timeout: 120_000 });
  for (const [id, text] of [...stories.slice(1), stories[0]]) {
    const start = Date.now();
    await page.evaluate((storyId) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' }), id);
    // Past its loaders (the backend is ready): the previous story's rows are gone from then on.
    await page.waitForFunction(
      (storyId) => {
        const render = window.__STORYBOOK_PREVIEW__?.currentRender;
        return render?.id === storyId && !['preparing', 'loading'].includes(render.phase);
      },
      id,
      { timeout: 120_000 },
    );
    await ready(page, text).waitFor({ timeout: 120_000 });
    console.log(`${id.padEnd(42)} ${'next story, same page'.padEnd(22)} ${seconds(Date.now() - start)}`);
  }
} finally {
  await browser.close();
  close();
}
