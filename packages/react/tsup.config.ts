import { readdir, readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { clientReason, hasClientDirective } from './build/client-boundary.mjs';
import { localeTags } from './build/locales.mjs';

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

/**
 * Next.js App Router: only components, hooks, the provider and the ui primitives are client modules; query factories,
 * keys, messages and rules must import on a server (a server component prefetches with `seatkitQueries`). Each
 * client source starts with `'use client'`; this step makes sure every built file carries the directive exactly
 * when the shared rule (build/client-boundary.mjs) says it is a client module, and fails the build otherwise —
 * a new component cannot silently lose it, and a server-safe module cannot silently gain it.
 */
async function checkClientDirectives(): Promise<void> {
  const dist = new URL('./dist/', import.meta.url);
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js'));
  const wrong: string[] = [];
  for (const file of files) {
    let code = await readFile(new URL(file, dist), 'utf8');
    const reason = clientReason(code);
    if (reason && !hasClientDirective(code)) {
      // esbuild keeps a source's directive in an unbundled build; should a version drop it, put it back.
      const source = await readSource(file);
      if (source === null || !hasClientDirective(source)) {
        wrong.push(`dist/${file} ${reason} but its source has no 'use client' directive`);
        continue;
      }
      code = `"use client";\n${code}`;
      await writeFile(new URL(file, dist), code);
    }
    if (!reason && hasClientDirective(code)) wrong.push(`dist/${file} is server-safe but carries "use client"`);
  }
  if (wrong.length) throw new Error(`"use client" boundary:\n  ${wrong.join('\n  ')}`);
}

async function readSource(distFile: string): Promise<string | null> {
  for (const ext of ['.tsx', '.ts']) {
    try {
      return await readFile(new URL(`./src/${distFile.replace(/\.js$/, ext)}`, import.meta.url), 'utf8');
    } catch {}
  }
  return null;
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
    onSuccess: async () => {
      await checkClientDirectives();
      await buildStyles();
    },
  },
  {
    // CommonJS consumers get one bundled file; tree-shaking is an ESM affair anyway. One file cannot be both a client
    // and a server module: it is marked "use client" (its components and hooks need it). React Server Components
    // hosts (Next.js App Router) resolve the `import` condition, the ESM build above, where the boundary is per module.
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
  {
    // `@seatkit/react/locales/<tag>` for `require`: one small file per catalog (the `import` condition points at the
    // unbundled ESM above, dist/messages/<tag>/index.js). Their declarations: build/locales.mjs, after tsup.
    entry: Object.fromEntries(localeTags().map((tag) => [`locales/${tag}`, `src/messages/${tag}/index.ts`])),
    format: ['cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    external: ['@seatkit/core'],
  },
]);
