import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // esbuild drops per-file directives; the whole entry is client code (Next.js App Router).
  banner: { js: '"use client";' },
  external: ['react', 'react-dom', '@tanstack/react-query'],
  onSuccess: 'cp src/styles.css dist/styles.css',
});
