#!/usr/bin/env node
// Checks the static Storybook (`npm run build-storybook`) works when served from a sub-folder
// (relative asset paths) — a story renders data from the in-page server, and a docs page renders.
//
//   node .storybook/smoke-static.mjs [storybook-static]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';

const root = resolve(process.argv[2] ?? 'storybook-static');
const prefix = '/some/nested/folder/';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith(prefix)) return res.writeHead(404).end();
  let file = join(root, path.slice(prefix.length));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}${prefix}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
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
  await page.goto(`${base}index.html`);
  await page.getByRole('link', { name: /Introduction/ }).first().waitFor({ timeout: 30_000 });
  console.log('ok    manager (index.html) renders the sidebar');
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
} catch (error) {
  failed = true;
  console.error(`FAIL  ${error.message}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
