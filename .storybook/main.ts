import type { StorybookConfig } from '@storybook/react-vite';

/**
 * One Storybook for the React kit. Stories and docs sit beside the components in
 * packages/react/src; the backend of every story is the real reference server running in the
 * page (see backend.ts), so the rules designers see are the rules the API enforces.
 */
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.mdx', '../packages/react/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // No phoning home from CI or designers' laptops.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    // The same aliases as the Vitest projects. Imported by URL with its extension: Storybook loads
    // main.ts through Node's ESM loader, which does not guess extensions.
    const { browserOptimizeDeps, sourceAliases } = (await import(new URL('../vitest.shared.ts', import.meta.url).href)) as typeof import('../vitest.shared');
    return mergeConfig(config, {
      // Relative asset URLs: the static build works opened from any folder or sub-path.
      base: './',
      // Stories run against the workspace sources (as the tests do), not the built dist/.
      resolve: { alias: sourceAliases },
      optimizeDeps: browserOptimizeDeps,
      // PGlite's worker-free build uses top-level await.
      build: { target: 'es2022', chunkSizeWarningLimit: 12_000 },
    });
  },
};

export default config;
