#!/usr/bin/env node
// Packaging checks for every published package: publint --strict (exports map, files, types first, …) and
// attw --pack (the types resolve the same way the JavaScript does under node10, node16 CJS/ESM and bundlers).
//
// Usage: node scripts/lint-packages.mjs [core|server|react ...]   (needs `npm run build` first)
import { existsSync, readFileSync } from 'node:fs';
import { bin, repoRoot, run } from './lib/process.mjs';

/**
 * attw profile per package. The server is for Node only (pg, fs, @hono/node-server), and its `./node` subpath
 * cannot resolve under TypeScript's legacy node10 resolution, which no Node 20 project should use: node16 profile.
 * core and react are also used by bundlers and older TS setups, so they get the strict profile.
 */
const PACKAGES = [
  { dir: 'packages/core', attw: [] },
  { dir: 'packages/server', attw: ['--profile', 'node16'] },
  // The stylesheet is not a module; attw has nothing to check there.
  { dir: 'packages/react', attw: ['--exclude-entrypoints', './styles.css'] },
];

export async function lintPackages(names = []) {
  const selected = names.length ? PACKAGES.filter((p) => names.some((n) => p.dir.endsWith(`/${n}`))) : PACKAGES;
  const results = [];
  for (const pkg of selected) {
    const manifest = JSON.parse(readFileSync(`${repoRoot}${pkg.dir}/package.json`, 'utf8'));
    const label = manifest.name;
    if (!existsSync(`${repoRoot}${pkg.dir}/dist`)) {
      console.error(`[seatkit] ${label}: no dist/ folder — run \`npm run build\` first`);
      results.push({ name: label, publint: false, attw: false });
      continue;
    }
    console.log(`\n[seatkit] publint --strict ${pkg.dir}`);
    const publint = (await run(bin('publint'), ['--strict', pkg.dir])) === 0;
    console.log(`\n[seatkit] attw --pack ${pkg.dir} ${pkg.attw.join(' ')}`);
    const attw = (await run(bin('attw'), ['--pack', pkg.dir, '--format', 'table-flipped', ...pkg.attw])) === 0;
    results.push({ name: label, publint, attw });
  }
  console.log('\npackage              publint  attw');
  for (const r of results) {
    console.log(`${r.name.padEnd(20)} ${(r.publint ? 'ok' : 'FAIL').padEnd(8)} ${r.attw ? 'ok' : 'FAIL'}`);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await lintPackages(process.argv.slice(2));
  process.exitCode = results.every((r) => r.publint && r.attw) ? 0 : 1;
}
