import { defineProject } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { sourceAliases } from '../../vitest.shared';

/**
 * Component tests run in a real Chromium (the system one: browsers cannot be downloaded here)
 * against the real reference server, which runs in the page on PGlite.
 */
export default defineProject({
  plugins: [react()],
  resolve: { alias: sourceAliases },
  optimizeDeps: {
    // Pre-bundled up front: otherwise Vite discovers them mid-run, reloads the page and
    // CJS packages (react) fail with "does not provide an export named 'default'".
    include: [
      'react',
      'react-dom',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
      '@radix-ui/react-dialog',
      '@radix-ui/react-alert-dialog',
      '@radix-ui/react-dropdown-menu',
      '@radix-ui/react-popover',
      '@radix-ui/react-slot',
      'axe-core',
      'hono',
      'ky',
      'zod/mini',
    ],
    // PGlite loads its wasm and data bundle relative to its own module URL; pre-bundling breaks that.
    exclude: ['@electric-sql/pglite'],
  },
  test: {
    name: 'react',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
