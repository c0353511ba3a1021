import { readdir, readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

/**
 * `dist/styles.css` is every `src/styles/*.css` joined in file-name order (`00-theme.css` first,
 * then one file per component family), so each component owner keeps its own file.
 */
async function buildStyles(): Promise<void> {
  const dir = new URL('./src/styles/', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.css')).sort();
  const parts = await Promise.all(files.map(async (f) => `/* ${f} */\n${await readFile(new URL(f, dir), 'utf8')}`));
  // The layer order is declared first so hosts can place `seatkit` among their own layers.
  await writeFile(new URL('./dist/styles.css', import.meta.url), `@layer seatkit;\n\n${parts.join('\n')}`);
}

const sources = [
  'src/**/*.ts',
  'src/**/*.tsx',
  '!src/**/*.test.ts',
  '!src/**/*.test.tsx',
  '!src/**/*.test-d.ts',
  '!src/**/*.stories.tsx',
  '!src/test/**',
  '!src/docs/**',
];

export default defineConfig([
  {
    // ESM keeps one file per source module (no bundling): with `sideEffects` in package.json a host's
    // bundler then drops every component it does not import. A single bundled file defeated that:
    // `import { AccessGate }` used to pull in the whole kit (60 kB gzip instead of 18 kB).
    entry: sources,
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    // esbuild drops per-file directives; every module is client code (Next.js App Router).
    banner: { js: '"use client";' },
    onSuccess: buildStyles,
  },
  {
    // CommonJS consumers get one bundled file; tree-shaking is an ESM affair anyway.
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    // Same declarations as the ESM entry: the build script copies index.d.ts to index.d.cts
    // instead of running the (slow) declaration bundler twice.
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    banner: { js: '"use client";' },
    external: ['react', 'react-dom', '@tanstack/react-query'],
  },
]);
