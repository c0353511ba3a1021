import { defineConfig } from 'vitest/config';

/**
 * The Storybook stories alone, as tests: `npx vitest run -c vitest.storybook.config.ts`.
 * (The root vitest.config.ts can list '.storybook/vitest.config.ts' among its projects instead,
 * for `vitest run --project storybook`.)
 */
export default defineConfig({
  test: {
    projects: ['.storybook/vitest.config.ts'],
  },
});
