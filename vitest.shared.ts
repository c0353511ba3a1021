import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

/** Tests run against sources, not builds: each workspace package resolves to its `src`. */
export const sourceAliases = [
  { find: /^@seatkit\/core\/contract$/, replacement: src('core/src/contract.ts') },
  { find: /^@seatkit\/core$/, replacement: src('core/src/index.ts') },
  { find: /^@seatkit\/server\/node$/, replacement: src('server/src/node.ts') },
  { find: /^@seatkit\/server$/, replacement: src('server/src/index.ts') },
  { find: /^@seatkit\/react$/, replacement: src('react/src/index.ts') },
];
