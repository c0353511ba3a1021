import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

/** Tests run against sources, not builds: each workspace package resolves to its `src`. */
export const sourceAliases = [
  { find: /^@seatkit\/core\/contract$/, replacement: src('core/src/contract.ts') },
  { find: /^@seatkit\/core\/webhooks$/, replacement: src('core/src/webhooks.ts') },
  { find: /^@seatkit\/core$/, replacement: src('core/src/index.ts') },
  { find: /^@seatkit\/server\/node$/, replacement: src('server/src/node.ts') },
  { find: /^@seatkit\/server\/testing$/, replacement: src('server/src/testing.ts') },
  { find: /^@seatkit\/server$/, replacement: src('server/src/index.ts') },
  { find: /^@seatkit\/react$/, replacement: src('react/src/index.ts') },
];

/**
 * Browsers cannot be downloaded on these machines: every browser run (component tests, story tests, e2e)
 * launches the system Chromium with these flags. Without the background-networking ones, Chromium keeps
 * trying to reach hosts the closed network refuses.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.SEATKIT_CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

/**
 * Vite's pre-bundling for pages that run the kit and the in-page server (component tests, Storybook).
 * Listed up front: otherwise Vite discovers them mid-run, reloads the page and CJS packages (react) fail
 * with "does not provide an export named 'default'". PGlite loads its wasm and data bundle relative to its
 * own module URL, which pre-bundling breaks.
 */
export const browserOptimizeDeps = {
  include: [
    'react',
    'react-dom',
    'react/jsx-runtime',
    'react/jsx-dev-runtime',
    'react-dom/client',
    '@tanstack/react-query',
    '@radix-ui/primitive',
    '@radix-ui/react-compose-refs',
    '@radix-ui/react-dismissable-layer',
    '@radix-ui/react-focus-guards',
    '@radix-ui/react-focus-scope',
    '@radix-ui/react-portal',
    '@radix-ui/react-presence',
    '@radix-ui/react-slot',
    'aria-hidden',
    'axe-core',
    'hono',
    'hono/cors',
    'ky',
    'zod/mini',
    'jose',
  ],
  exclude: ['@electric-sql/pglite'],
};
