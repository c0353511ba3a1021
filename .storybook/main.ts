import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { HtmlTagDescriptor, Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const SEED_MODULE = 'virtual:seatkit-story-seed';

/**
 * The stories' database, migrated and seeded by the real server at build time (seed-dump.ts) and shipped as
 * an asset: the page opens it instead of running initdb, the migrations and the seed (tens of seconds in a
 * browser on a busy machine). Made again whenever the server's or core's sources, the server options or
 * PGlite change; kept in node_modules/.cache, never committed. `virtual:seatkit-story-seed` is its URL.
 */
function seedDumpPlugin(): Plugin {
  let dump: Promise<string> | undefined;
  return {
    name: 'seatkit-story-seed',
    resolveId: (id) => (id === SEED_MODULE ? `\0${SEED_MODULE}` : undefined),
    async load(id) {
      if (id !== `\0${SEED_MODULE}`) return undefined;
      dump ??= ensureSeedDump();
      // Vite's `?url`: a hashed asset of the build (relative to the page), a served file in dev.
      return `export { default } from ${JSON.stringify(`${await dump}?url`)};`;
    },
  };
}

async function ensureSeedDump(): Promise<string> {
  const hash = createHash('sha256');
  const sources = ['packages/server/src', 'packages/core/src'];
  for (const folder of sources) {
    const files = (await readdir(join(root, folder), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    for (const file of files) hash.update(file).update(await readFile(join(root, folder, file)));
  }
  for (const file of ['.storybook/story-server-options.ts', '.storybook/seed-dump.ts', 'node_modules/@electric-sql/pglite/package.json']) {
    hash.update(await readFile(join(root, file)));
  }
  const folder = join(root, 'node_modules/.cache/seatkit-storybook');
  const file = join(folder, `seed-${hash.digest('hex').slice(0, 16)}.tgz`);
  const existing = await readFile(file).then(() => true, () => false);
  if (existing) return file;
  await mkdir(folder, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, '.storybook/seed-dump.ts'), partial], { cwd: root });
  await rename(partial, file);
  return file;
}

/**
 * Every page of the static Storybook opens the in-page server first thing (backend.ts), so the preview's page
 * (iframe.html) has the browser fetch what that needs from its first moment, alongside Storybook's own scripts rather
 * than after them: the seeded database, PGlite's WebAssembly, file bundle and extension, and PGlite's modules. Without
 * the hints those downloads started only once the preview's 2 MB of scripts had run. Build only (dev serves modules
 * one by one).
 */
function preloadPlugin(): Plugin {
  const fetched = [/\/seed-[^/]*\.tgz$/, /\/pglite-[^/]*\.(wasm|data)$/, /\/pg_trgm[^/]*\.gz$/];
  return {
    name: 'seatkit-story-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle || !filename.endsWith('iframe.html')) return undefined;
        const files = Object.values(bundle);
        const tags: HtmlTagDescriptor[] = files
          .filter((file) => file.type === 'asset' && fetched.some((pattern) => pattern.test(`/${file.fileName}`)))
          .map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: `./${file.fileName}` }, injectTo: 'head' }));
        // PGlite's chunks (imported dynamically by backend.ts) and the chunks they import.
        const chunks = new Map(files.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
        const modules = new Set<string>();
        const add = (name: string) => {
          if (modules.has(name) || html.includes(name)) return;
          modules.add(name);
          for (const imported of chunks.get(name)?.imports ?? []) add(imported);
        };
        const entries = ['/@electric-sql/pglite/dist/index.js', '/@electric-sql/pglite/dist/contrib/pg_trgm.js'];
        for (const chunk of chunks.values()) if (chunk.moduleIds.some((id) => entries.some((entry) => id.endsWith(entry)))) add(chunk.fileName);
        for (const name of modules) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${name}` }, injectTo: 'head' });
        return tags;
      },
    },
  };
}

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
      plugins: [seedDumpPlugin(), preloadPlugin()],
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
