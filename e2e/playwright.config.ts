import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../vitest.shared';
import { API_PORT, API_URL, CONSOLE_PORT, CONSOLE_URL } from './env.js';

/**
 * End-to-end tests of the three DESIGN workflows: the reference server (demo data, dev auth, a fresh
 * data folder per run) and the example admin console, driven in system Chromium.
 *
 *   npx playwright test -c e2e/playwright.config.ts            (from the repo root)
 *
 * Fixed ports (not 4000/5173, so a running `npm start` does not collide); override with
 * SEATKIT_E2E_API_PORT / SEATKIT_E2E_CONSOLE_PORT.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = API_PORT;
const consolePort = CONSOLE_PORT;

export default defineConfig({
  testDir: './tests',
  // Screenshots of key screens, traces and failure shots land here (SEATKIT_E2E_OUTPUT moves it, e.g. for a parallel run).
  outputDir: process.env.SEATKIT_E2E_OUTPUT ?? './test-results',
  // One server, one database: the workflows run one after the other and each uses its own people.
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is flaky, and must fail so it gets fixed.
  retries: 0,
  // Each workflow is one long story (several people, mails, two browsers).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]] : 'list',
  use: {
    baseURL: CONSOLE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 860 },
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: [
    {
      name: 'server',
      // A fresh data folder per run (removed when the server stops), so every run starts from the demo seed.
      command:
        `d=$(mktemp -d -t seatkit-e2e-XXXXXX); trap 'rm -rf "$d"' EXIT INT TERM; ` +
        `node_modules/.bin/tsx packages/server/src/cli.ts start --seed demo --port ${apiPort} --data "$d"`,
      cwd: root,
      url: `${API_URL}/openapi.json`,
      // SEATKIT_E2E_REUSE=1 runs against servers you started yourself (faster iterations; the data is then not fresh).
      reuseExistingServer: !!process.env.SEATKIT_E2E_REUSE,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: {
        SEATKIT_AUTH: 'dev',
        // The server runs from sources: the root tsconfig maps @seatkit/* to packages/*/src.
        TSX_TSCONFIG_PATH: `${root}tsconfig.json`,
        // Invitation emails link to this console; its origin may call the API.
        SEATKIT_APP_URL: CONSOLE_URL,
        SEATKIT_CORS_ORIGINS: `${CONSOLE_URL},http://127.0.0.1:${consolePort}`,
      },
    },
    {
      name: 'console',
      command: `${root}node_modules/.bin/vite --port ${consolePort} --strictPort`,
      cwd: `${root}examples/admin-console`,
      url: CONSOLE_URL,
      // SEATKIT_E2E_REUSE=1 runs against servers you started yourself (faster iterations; the data is then not fresh).
      reuseExistingServer: !!process.env.SEATKIT_E2E_REUSE,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { VITE_SEATKIT_URL: API_URL },
    },
  ],
});
