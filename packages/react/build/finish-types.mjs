// After tsup: dist/index.d.ts as published, and its copy for `require` (dist/index.d.cts).
//
// TypeScript names the types it infers after the package that declares them: seatkitQueries' options come out as
// `import('@tanstack/query-core')`, a package @seatkit/react does not depend on (react-query does, pinned). Under a
// strict install (pnpm, npm --install-strategy=linked) the host cannot resolve it, and every hook's `data` silently
// becomes `any`. @tanstack/react-query re-exports all of query-core (`export * from '@tanstack/query-core'`), so
// those names are read from the peer the host installed, whose own query-core they then are.
import { readFile, writeFile } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);

let types = await readFile(new URL('index.d.ts', dist), 'utf8');
types = types.replace(/(from |import\()(['"])@tanstack\/query-core\2/g, '$1$2@tanstack/react-query$2');

// Any other undeclared import would break the same way: fail the build instead.
const specifiers = [
  ...types.matchAll(/^(?:import|export)\b[^;]*?\sfrom\s+['"]([^'"]+)['"]/gm),
  ...types.matchAll(/\bimport\(['"]([^'"]+)['"]\)/g),
].map(([, specifier]) => specifier);
const imported = new Set(specifiers.filter((s) => !s.startsWith('.')).map((specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}));
const undeclared = [...imported].filter((name) => !declared.has(name));
if (undeclared.length) {
  throw new Error(`dist/index.d.ts imports ${undeclared.join(', ')}, not in dependencies or peerDependencies: hosts with a strict install cannot resolve it`);
}

await writeFile(new URL('index.d.ts', dist), types);
await writeFile(new URL('index.d.cts', dist), types);
