// For the browser tests of the pages that embed the elements (examples/html, examples/vue): the reference server from
// sources (demo data, dev sign-in, a fresh data folder), system Chromium, and a watch on everything the page logs.
// It is the e2e suite's setup (e2e/playwright.config.ts, e2e/tests/helpers.ts) for pages that are not the console.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { freePort, repoRoot } from '../../../scripts/lib/process.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../scripts/lib/system-deps.mjs';

/** Resolves once `url` answers 200, polling while the process starts; rejects if it exits or `timeoutMs` passes. */
async function waitForUrl(url, child, output, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it answered:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * The reference server on a free port, with the demo data and dev auth; `origin` (the page's) may call it.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startReferenceServer({ origin }) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'seatkit-embed-'));
  const child = spawn(
    `${repoRoot}node_modules/.bin/tsx`,
    ['packages/server/src/cli.ts', 'start', '--seed', 'demo', '--port', String(port), '--data', data],
    {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SEATKIT_AUTH: 'dev',
        TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.json`,
        SEATKIT_APP_URL: origin,
        SEATKIT_CORS_ORIGINS: origin,
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('close', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(data, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForUrl(`${url}/openapi.json`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** System Chromium, headless, with the flags CI needs. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.SEATKIT_CHROMIUM_PATH || CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** Everything a page logs that a developer would take for a bug: console errors and warnings, page errors, HTTP errors. */
export function watchBrowserProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return () => [...problems];
}

/**
 * The story both examples tell: sign in through the page's development sign-in as the demo owner, see the members,
 * invite someone through the dialog, and find them among the pending invitations. Returns where the dialog was and
 * the background of its primary button, for the host's theme.
 */
export async function signInAndInvite(page, { invitee }) {
  await page.getByRole('textbox', { name: 'Email' }).fill('owner@northwind.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const area = page.getByRole('region', { name: 'Account users' });
  const members = area.getByRole('region', { name: 'Members', exact: true });
  await members.getByRole('row').filter({ hasText: 'admin@northwind.test' }).waitFor();

  await area.getByRole('button', { name: 'Invite people' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite people' });
  await dialog.getByRole('textbox', { name: 'Email' }).fill(invitee);
  const send = dialog.getByRole('button', { name: 'Send invitation' });
  // Radix portals the dialog into document.body, outside the element: where it landed and how it is drawn there.
  const dialogSeen = await send.evaluate((button) => ({
    insideElement: Boolean(button.closest('seatkit-account-users')),
    background: getComputedStyle(button).backgroundColor,
  }));
  await send.click();
  await dialog.getByText('Invitation sent.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await area.getByRole('row').filter({ hasText: invitee }).filter({ hasText: 'Pending' }).first().waitFor();
  return { dialog: dialogSeen };
}
