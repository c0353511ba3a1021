import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'core',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The package tsconfig has no path mapping (it builds from src alone); type tests need
    // `@seatkit/core` resolved to sources, as the root tsconfig does.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
    testTimeout: 30_000,
    // A hook that starts the in-process server runs PGlite's initdb: over a minute on a loaded 2-core machine.
    hookTimeout: 180_000,
  },
});
