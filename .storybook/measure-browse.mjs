#!/usr/bin/env node
// How long a designer waits for each story of the static Storybook (`npm run build-storybook`) while browsing it:
// Storybook opened once (the manager, index.html), then one story after another in the same page, as clicking
// in the sidebar does (the manager's `selectStory`, the event a sidebar link and addon-links go through: the
// manager routes to the story and tells the preview iframe, which stays, to load it).
//
// A story counts as shown once Storybook has rendered it and the in-page server has answered its requests: the
// first moment after the render with no request in flight for a few frames (backend.ts's
// __SEATKIT_STORY_ACTIVITY__; a `pending` story's requests never reach the server, so its spinner counts as shown).
// Its play function, if any, may still be running then: the designer already sees the story.
//
//   node .storybook/measure-browse.mjs [storybook-static] [--every N] [--grep REGEX] [--slowest N] [--impatient]
//
// Prints each story's time split into waiting for the previous story, reset, setup and the rest (render and
// queries), then the median, p95 and max, and the slowest stories.
import { chromium } from 'playwright';
import { chromiumOptions, serveStatic } from './static-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const every = Number(option('--every', 1));
const grep = new RegExp(option('--grep', '.'));
const slowest = Number(option('--slowest', 12));
// Clicking on as soon as a story shows, while its play function or the a11y check may still run: Storybook then
// reloads the whole preview (StoryRender.teardown reloads the page when the story it leaves is still pending), a new
// first open. By default each story is left only once Storybook is done with it, as a designer who looks at it would.
const impatient = args.includes('--impatient') && args.splice(args.indexOf('--impatient'), 1).length > 0;
const { base, close } = await serveStatic(args[0] ?? 'storybook-static');
const browser = await chromium.launch(chromiumOptions);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** In the preview iframe: waits until `id` is rendered and its requests are answered; returns the moment (performance.now()). */
function whenShown(id) {
  const QUIET_FRAMES = 3;
  return new Promise((resolve, reject) => {
    let quietSince;
    let frames = 0;
    const deadline = performance.now() + 120_000;
    const check = () => {
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      const activity = window.__SEATKIT_STORY_ACTIVITY__;
      const phase = render?.phase;
      const rendered = render?.id === id && !!phase && !['preparing', 'loading', 'beforeEach', 'rendering'].includes(phase);
      if (phase === 'errored' && render?.id === id) return reject(new Error(`${id} errored`));
      if (rendered && (!activity || activity.inFlight === 0)) {
        quietSince ??= performance.now();
        frames += 1;
        if (frames >= QUIET_FRAMES) return resolve(quietSince);
      } else {
        quietSince = undefined;
        frames = 0;
      }
      if (performance.now() > deadline) return reject(new Error(`${id} not shown after 120 s (phase ${phase})`));
      requestAnimationFrame(check);
    };
    check();
  });
}

/** In the preview iframe: waits until Storybook is done with the story shown (its play function and checks ran). */
function whenDone() {
  return new Promise((resolve) => {
    const check = () => {
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      if (['finished', 'errored', 'aborted', 'completed'].includes(phase)) return resolve(phase);
      setTimeout(check, 20);
    };
    check();
  });
}

/** The backend's measures for `id` since `from` (ms): waiting for the previous story, reset, setup. */
function phasesOf(id, from) {
  const sum = (name) =>
    performance
      .getEntriesByName(name)
      .filter((e) => e.detail === id && e.startTime >= from - 1)
      .reduce((total, e) => total + e.duration, 0);
  return { wait: sum('seatkit:wait'), reset: sum('seatkit:reset'), setup: sum('seatkit:setup') };
}

try {
  const index = await (await fetch(`${base}index.json`)).json();
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story')
    .map((e) => e.id)
    .filter((id) => grep.test(id))
    .filter((_, i) => i % every === 0);
  // The first open is a plain component story (the sample's first entries are the locale sweeps).
  const first = stories.includes('members-memberlist--default') ? 'members-memberlist--default' : stories[0];
  const rest = stories.filter((id) => id !== first);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // In every frame (the preview iframe is the one that uses them).
  await page.addInitScript(`window.__seatkitMeasure = { whenShown: ${whenShown}, whenDone: ${whenDone}, phasesOf: ${phasesOf} };`);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let start = Date.now();
  await page.goto(`${base}index.html?path=/story/${first}`);
  const preview = page.frameLocator('#storybook-preview-iframe');
  await preview.locator('#storybook-root').waitFor({ state: 'attached', timeout: 120_000 });
  let frame = page.frame({ url: /iframe\.html/ });
  await frame.evaluate((id) => window.__seatkitMeasure.whenShown(id), first);
  console.log(`first open (manager, new tab): ${first} ${seconds(Date.now() - start)}  (load ${(await loadavg()).join(' ')})`);

  const results = [];
  for (const id of rest) {
    if (!impatient) await frame.evaluate(() => window.__seatkitMeasure.whenDone());
    const switched = Date.now();
    let result;
    try {
      result = await frame.evaluate(async (storyId) => {
        const start = performance.now();
        window.__STORYBOOK_ADDONS_CHANNEL__.emit('selectStory', { storyId });
        const end = await window.__seatkitMeasure.whenShown(storyId);
        return { total: end - start, ...window.__seatkitMeasure.phasesOf(storyId, start) };
      }, id);
    } catch (error) {
      if (!/context was destroyed/.test(error.message)) throw error;
      // The manager reloaded the preview iframe (a new page: a new server, a first open).
      console.log(`  (the preview reloaded for ${id})`);
      frame = page.frame({ url: /iframe\.html/ });
      await frame.waitForFunction(() => window.__seatkitMeasure);
      await frame.evaluate((storyId) => window.__seatkitMeasure.whenShown(storyId), id);
      result = { total: Date.now() - switched, reloaded: true, ...(await frame.evaluate((storyId) => window.__seatkitMeasure.phasesOf(storyId, 0), id)) };
    }
    results.push({ id, ...result });
    const other = result.total - result.wait - result.reset - result.setup;
    console.log(
      `${id.padEnd(64)} ${seconds(result.total).padStart(8)}  wait ${seconds(result.wait)} reset ${seconds(result.reset)} setup ${seconds(result.setup)} render+queries ${seconds(other)}`,
    );
  }
  const totals = results.map((r) => r.total).sort((a, b) => a - b);
  const at = (q) => totals[Math.min(totals.length - 1, Math.ceil(q * totals.length) - 1)];
  const reloads = results.filter((r) => r.reloaded).length;
  console.log(`\n${results.length} stories, same page${impatient ? ', impatient' : ''}, ${reloads} preview reloads: median ${seconds(at(0.5))}, p95 ${seconds(at(0.95))}, max ${seconds(totals.at(-1))}  (load ${(await loadavg()).join(' ')})`);
  console.log(`\nslowest:`);
  for (const r of [...results].sort((a, b) => b.total - a.total).slice(0, slowest)) {
    console.log(`  ${r.id.padEnd(64)} ${seconds(r.total)}  wait ${seconds(r.wait)} reset ${seconds(r.reset)} setup ${seconds(r.setup)}`);
  }
  if (errors.length) console.log(`\npage errors: ${[...new Set(errors)].join('; ')}`);
} finally {
  await browser.close();
  close();
}

async function loadavg() {
  const { readFile } = await import('node:fs/promises');
  return (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3);
}
