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

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Not `treeshake: true`: that pass (rollup) strips the "use client" banner below. esbuild already
  // drops unused code of the entry, and hosts' bundlers tree-shake the named exports.
  // esbuild drops per-file directives; the whole entry is client code (Next.js App Router).
  banner: { js: '"use client";' },
  external: ['react', 'react-dom', '@tanstack/react-query'],
  onSuccess: buildStyles,
});
