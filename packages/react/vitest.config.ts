import { defineProject } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { browserOptimizeDeps, chromiumLaunchOptions, sourceAliases } from '../../vitest.shared';

/**
 * Component tests run in a real Chromium (the system one: browsers cannot be downloaded here)
 * against the real reference server, which runs in the page on PGlite.
 */
export default defineProject({
  plugins: [react()],
  resolve: { alias: sourceAliases },
  optimizeDeps: browserOptimizeDeps,
  test: {
    name: 'react',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 30_000,
    // A hook that starts the in-process server runs PGlite's initdb: over a minute on a loaded 2-core machine.
    hookTimeout: 180_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
