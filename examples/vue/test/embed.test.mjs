// The Vue app, built and served the way it ships (vite build + vite preview), in system Chromium against the
// reference server: sign in, see the members, invite someone, with nothing logged as an error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { build, preview } from 'vite';
import { freePort } from '../../../scripts/lib/process.mjs';
import { launchChromium, signInAndInvite, startReferenceServer, watchBrowserProblems } from '../../../packages/elements/test/embed-harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'seatkit-vue-example-'));
let app;
let api;
let browser;

before(async () => {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  app = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: await freePort(), host: '127.0.0.1', strictPort: true } });
  const origin = app.resolvedUrls.local[0].replace(/\/$/, '');
  api = await startReferenceServer({ origin });
});

after(async () => {
  await browser?.close();
  await api?.stop();
  await app?.close();
  rmSync(outDir, { recursive: true, force: true });
});

test('the users area in a Vue 3 app: sign in, members, invite someone, no console error', async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  const problems = watchBrowserProblems(page);
  await page.goto(`${app.resolvedUrls.local[0]}?api=${encodeURIComponent(api.url)}`);
  const { dialog } = await signInAndInvite(page, { invitee: 'vue.example@northwind.test' });
  // The dialog is portalled to document.body, out of the element, and still drawn in the host's colour.
  assert.deepEqual(dialog, { insideElement: false, background: 'rgb(109, 40, 217)' });

  // The app's theme (--seatkit-primary on :root, in App.vue) reached the kit's primary button.
  const primary = await page
    .getByRole('button', { name: 'Invite people' })
    .evaluate((button) => getComputedStyle(button).backgroundColor);
  assert.equal(primary, 'rgb(109, 40, 217)');

  // Signing out: v-if removes the element, which unmounts React.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.equal(await page.locator('[data-slot]').count(), 0);
  assert.deepEqual(problems(), []);
});
