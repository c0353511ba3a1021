import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM keeps one file per source module (no bundling), and package.json says `sideEffects: false`:
    // a host's bundler then leaves out whatever it does not import. In one bundled chunk, a component
    // that only needed `describeError` carried every zod schema of the contract with it.
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts', contract: 'src/contract.ts', webhooks: 'src/webhooks.ts' } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
  },
  {
    // CommonJS consumers get one bundled file per entry; tree-shaking is an ESM affair anyway.
    entry: { index: 'src/index.ts', contract: 'src/contract.ts', webhooks: 'src/webhooks.ts' },
    format: ['cjs'],
    // ky ships ESM only: a `require('ky')` in this output fails in every CommonJS host, so ky is bundled
    // into it. ESM keeps importing ky from `dependencies`.
    noExternal: ['ky'],
    // Declarations of their own (.d.cts importing ./contract.cjs): a copy of the ESM ones would point a
    // CommonJS program at ESM declarations (TS1479 with skipLibCheck off).
    dts: { entry: { index: 'src/index.ts', contract: 'src/contract.ts', webhooks: 'src/webhooks.ts' } },
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
]);
