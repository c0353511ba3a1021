#!/usr/bin/env node
// Packaging checks for every published package: publint --strict (exports map, files, types first, …) and
// attw --pack (the types resolve the same way the JavaScript does under node10, node16 CJS/ESM and bundlers).
//
// Usage: node scripts/lint-packages.mjs [core|server|react|elements ...]   (needs `npm run build` first)
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { bin, repoRoot, run } from './lib/process.mjs';

/**
 * attw profile per package. The server is for Node only (pg, fs, @hono/node-server), and its `./node` subpath
 * cannot resolve under TypeScript's legacy node10 resolution, which no Node 20 project should use: node16 profile.
 * core and react are also used by bundlers and older TS setups, so they get the strict profile.
 */
const PACKAGES = [
  { dir: 'packages/core', attw: [] },
  // The main and testing entries must stay browser-safe: the React tests and Storybook run the server in the page on PGlite.
  // cli.js imports the server from the chunks index.js and node.js share: a second bundled copy would double the
  // tarball and let the CLI and the library drift apart.
  {
    dir: 'packages/server',
    attw: ['--profile', 'node16'],
    browserSafe: ['dist/index.js', 'dist/index.cjs', 'dist/testing.js', 'dist/testing.cjs'],
    notDefinedIn: { 'dist/cli.js': ['function createSeatKitServer', 'function createPGliteDatabase', 'function startNodeServer'] },
  },
  // The stylesheet is not a module; attw has nothing to check there.
  // `./locales/*` is a pattern attw does not expand: two catalogs stand for all (one left to right, one right to left).
  { dir: 'packages/react', attw: ['--exclude-entrypoints', './styles.css', '--include-entrypoints', './locales/de', './locales/ar'] },
  // A browser bundle (custom elements, React inside) imported as an ES module: nothing to `require`, so esm-only.
  { dir: 'packages/elements', attw: ['--profile', 'esm-only'] },
];

const NODE_ONLY = new Set([...builtinModules, 'pg', 'nodemailer', '@hono/node-server']);

/** Every module specifier a built file imports, following its relative imports (tsup's shared chunks). */
function importsOf(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  const found = [];
  for (const [, specifier] of source.matchAll(pattern)) {
    if (specifier.startsWith('.')) found.push(...importsOf(join(dirname(file), specifier), seen));
    else found.push(specifier);
  }
  return found;
}

/** Node-only modules (node: builtins, pg, nodemailer, @hono/node-server) that a browser-safe entry reaches. */
function nodeOnlyImports(pkgDir, entries) {
  const bad = new Set();
  for (const entry of entries) {
    for (const specifier of importsOf(join(repoRoot, pkgDir, entry))) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (specifier.startsWith('node:') || NODE_ONLY.has(name)) bad.add(`${entry} → ${specifier}`);
    }
  }
  return [...bad];
}

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
    let browserSafe = true;
    if (pkg.browserSafe) {
      const bad = nodeOnlyImports(pkg.dir, pkg.browserSafe);
      browserSafe = bad.length === 0;
      console.log(`\n[seatkit] ${label}: browser-safe main entry: ${browserSafe ? 'ok' : `imports Node-only modules:\n  ${bad.join('\n  ')}`}`);
    }
    let noCopies = true;
    for (const [file, definitions] of Object.entries(pkg.notDefinedIn ?? {})) {
      const source = readFileSync(join(repoRoot, pkg.dir, file), 'utf8');
      const copied = definitions.filter((definition) => source.includes(definition));
      if (copied.length) noCopies = false;
      console.log(`\n[seatkit] ${label}: ${file} imports the shared chunks: ${copied.length ? `no, it defines ${copied.join(', ')} again` : 'ok'}`);
    }
    results.push({ name: label, publint, attw: attw && browserSafe && noCopies });
  }
  console.log('\npackage              publint  attw (+ browser-safe entry, no second copy)');
  for (const r of results) {
    console.log(`${r.name.padEnd(20)} ${(r.publint ? 'ok' : 'FAIL').padEnd(8)} ${r.attw ? 'ok' : 'FAIL'}`);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await lintPackages(process.argv.slice(2));
  process.exitCode = results.every((r) => r.publint && r.attw) ? 0 : 1;
}
