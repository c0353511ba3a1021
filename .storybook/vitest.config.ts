import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { chromiumLaunchOptions } from '../vitest.shared';

// No trailing slash: Storybook resolves main.ts's relative imports from this path.
const configDir = dirname(fileURLToPath(import.meta.url));

/**
 * Every story is a test: it renders against the real in-page server, runs its play function, then
 * axe (`parameters.a11y.test = 'error'`: a violation fails it). The Vite settings (aliases to the
 * sources, optimizeDeps) come from main.ts's viteFinal, which the plugin applies.
 *
 *   npx vitest run --project storybook        (from the repo root, once vitest.config.ts lists this file)
 *   npx vitest run -c .storybook/vitest.config.ts        (what scripts/test-all.mjs runs)
 */
export default defineProject({
  plugins: [storybookTest({ configDir, tags: { include: ['test'], exclude: ['skip-test'] } })],
  test: {
    name: 'storybook',
    // Creates the in-page server (PGlite) before the first story and waits longer for states under load.
    setupFiles: [`${configDir}/vitest.setup.ts`],
    // A story's loader resets PGlite to the demo seed and some seed 10,000 people: seconds when idle,
    // several times that on a busy machine.
    testTimeout: 60_000,
    // All story files share one page: the in-page server (PGlite) is created once, not once per
    // file (each creation costs seconds). Stories reset it to the demo seed themselves.
    isolate: false,
    // The setup file's hook runs PGlite's initdb in the page: legitimately long on a loaded machine.
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
        // Dialogs fade in only without reduced motion: assertions and axe never meet a half-faded dialog.
        contextOptions: { reducedMotion: 'reduce' },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
