import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Alias, type Plugin } from 'vite';

/**
 * Inside the SeatKit repo, `@seatkit/*` resolve to the workspace *sources*, so `npm start` needs no
 * package build and edits to the kit hot-reload. Copied out of the repo, these folders do not exist
 * and the published packages from node_modules are used: nothing to change.
 */
const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
// SEATKIT_EXAMPLE_USE_DIST=1 uses the built packages even in the repo (what a copied-out app gets).
const inWorkspace =
  !process.env.SEATKIT_EXAMPLE_USE_DIST &&
  existsSync(`${packages}react/src/index.ts`) &&
  existsSync(`${packages}core/src/index.ts`);

const workspaceAliases: Alias[] = [
  { find: /^@seatkit\/core\/contract$/, replacement: `${packages}core/src/contract.ts` },
  { find: /^@seatkit\/core$/, replacement: `${packages}core/src/index.ts` },
  { find: /^@seatkit\/react$/, replacement: `${packages}react/src/index.ts` },
];

/**
 * `@seatkit/react/styles.css` is built by joining `packages/react/src/styles/*.css` in name order (see the
 * package's tsup config). In the workspace, serve the same join straight from the sources.
 */
function workspaceStyles(): Plugin {
  const dir = `${packages}react/src/styles/`;
  const id = '\0seatkit-react-styles.css';
  return {
    name: 'seatkit-workspace-styles',
    enforce: 'pre',
    resolveId: (source) => (source === '@seatkit/react/styles.css' ? id : null),
    load(loadedId) {
      if (loadedId !== id) return null;
      const files = readdirSync(dir).filter((f) => f.endsWith('.css')).sort();
      for (const f of files) this.addWatchFile(dir + f);
      return `@layer seatkit;\n${files.map((f) => readFileSync(dir + f, 'utf8')).join('\n')}`;
    },
  };
}

export default defineConfig({
  plugins: [react(), ...(inWorkspace ? [workspaceStyles()] : [])],
  resolve: { alias: inWorkspace ? workspaceAliases : [] },
  // Pre-bundle what the kit's sources import, so the first page load does not trigger a re-optimize + reload.
  optimizeDeps: inWorkspace
    ? {
        include: [
          'react',
          'react-dom',
          'react-dom/client',
          'react/jsx-runtime',
          'react/jsx-dev-runtime',
          '@tanstack/react-query',
          'ky',
          'zod/mini',
        ],
      }
    : {},
  server: { port: 5173 },
  // One bundle (React, TanStack Query, zod, the kit: ~170 kB gzip) is fine for an admin console;
  // split per page with import() if yours grows.
  build: { chunkSizeWarningLimit: 800 },
});
