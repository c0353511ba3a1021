import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const packages = fileURLToPath(new URL('../', import.meta.url));

/**
 * The kit is bundled from its sources (the react package's locales subpath included), so the bundle needs no other
 * package built first: the examples' tests build only this one.
 */
const SOURCES: Record<string, string> = {
  '@seatkit/core': `${packages}core/src/index.ts`,
  '@seatkit/core/contract': `${packages}core/src/contract.ts`,
  '@seatkit/react': `${packages}react/src/index.ts`,
};

function workspaceSources(): Plugin {
  return {
    name: 'seatkit-workspace-sources',
    setup(build) {
      build.onResolve({ filter: /^@seatkit\/(core|core\/contract|react)$/ }, (args) => ({ path: SOURCES[args.path]! }));
      // Each catalog is a chunk named `locale-<tag>-<hash>.js`: loaded only by a page that asks for it, and left out of
      // the bundle's size budget by that name (.size-limit.json).
      build.onResolve({ filter: /^@seatkit\/react\/locales\/[A-Za-z-]+$/ }, (args) => ({
        path: `locale-${args.path.split('/').pop()}`,
        namespace: 'seatkit-locale',
      }));
      build.onLoad({ filter: /.*/, namespace: 'seatkit-locale' }, (args) => {
        const dir = `${packages}react/src/messages/${args.path.slice('locale-'.length)}/`;
        return { contents: `export * from './index.ts';`, loader: 'ts', resolveDir: dir };
      });
      // The same join as `@seatkit/react/styles.css` (the react package's tsup config): src/styles/*.css in name
      // order after the layer declaration, plus the elements' own display rule, inside the kit's layer.
      build.onResolve({ filter: /^seatkit:styles\.css$/ }, () => ({ path: 'kit-styles', namespace: 'seatkit-styles' }));
      build.onLoad({ filter: /.*/, namespace: 'seatkit-styles' }, () => {
        const dir = `${packages}react/src/styles/`;
        const files = readdirSync(dir).filter((f) => f.endsWith('.css')).sort();
        const kit = files.map((f) => readFileSync(dir + f, 'utf8')).join('\n');
        const own = '@layer seatkit { seatkit-account-users, seatkit-access-gate, seatkit-accept-invitation { display: block; } }';
        return { contents: `@layer seatkit;\n${kit}\n${own}\n`, loader: 'text', watchFiles: files.map((f) => dir + f) };
      });
    },
  };
}

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  platform: 'browser',
  target: 'es2022',
  // React, React DOM, TanStack Query, the kit and core are all inside: the page loads nothing else.
  noExternal: [/.*/],
  splitting: true,
  minify: true,
  sourcemap: true,
  clean: true,
  // The declarations come from the types alone (src/api.ts): index.ts only adds the definitions.
  dts: { entry: { index: 'src/api.ts' } },
  tsconfig: 'tsconfig.build.json',
  env: { NODE_ENV: 'production' },
  esbuildPlugins: [workspaceSources()],
});
