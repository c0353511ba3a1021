#!/usr/bin/env node
// Checks the static Storybook (`npm run build-storybook`) works when served from a sub-folder
// (relative asset paths) — a story renders data from the in-page server, and a docs page renders.
//
//   node .storybook/smoke-static.mjs [storybook-static]
import { chromium } from 'playwright';
import { chromiumOptions, serveStatic } from './static-server.mjs';

const { base, close } = await serveStatic(process.argv[2] ?? 'storybook-static');
const browser = await chromium.launch(chromiumOptions);
let failed = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}iframe.html?id=members-memberlist--default&viewMode=story`);
  await page.getByRole('cell', { name: 'Mia Member', exact: true }).waitFor({ timeout: 60_000 });
  console.log('ok    story renders server data from a sub-folder');
  await page.goto(`${base}iframe.html?id=theming--docs&viewMode=docs`);
  await page.getByRole('cell', { name: '--seatkit-primary', exact: true }).waitFor({ timeout: 30_000 });
  console.log('ok    docs page (Theming) renders');
  await page.goto(`${base}iframe.html?id=introduction--docs&viewMode=docs`);
  // MDX without remark-gfm prints a Markdown table as pipes: the toolbar table is JSX, and must stay a table.
  await page.getByRole('rowheader', { name: 'Viewer', exact: true }).waitFor({ timeout: 30_000 });
  console.log('ok    docs page (Introduction) renders its toolbar table');
  await page.goto(`${base}index.html`);
  await page.getByRole('link', { name: /Introduction/ }).first().waitFor({ timeout: 30_000 });
  console.log('ok    manager (index.html) renders the sidebar');
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
} catch (error) {
  failed = true;
  console.error(`FAIL  ${error.message}`);
} finally {
  await browser.close();
  close();
}
process.exit(failed ? 1 : 0);
