import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // One ESM build of the entries with code splitting: cli.js imports the server from the chunks
    // index.js and node.js use, instead of carrying a second copy of it. The shebang lives in the
    // committed bin/seatkit-server.js, which imports dist/cli.js.
    entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts', cli: 'src/cli.ts' },
    format: ['esm'],
    splitting: true,
    dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
  },
  {
    // CommonJS for the library entries only (the CLI is ESM). `dts` emits .d.cts declarations of their own.
    entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts' } },
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
  },
]);
