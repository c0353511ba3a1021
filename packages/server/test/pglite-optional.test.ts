import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'seatkit-no-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A Node resolve hook that answers for @electric-sql/pglite what Node answers when the optional peer
// dependency is not installed: the host of a Postgres-only deployment, in a real Node process.
writeFileSync(
  join(dir, 'no-pglite.mjs'),
  `export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@electric-sql/pglite')) {
    throw Object.assign(new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}
`,
);

function runWithoutPGlite(script: string) {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    file,
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'no-pglite.mjs')).href)});
${script}`,
  );
  return spawnSync(tsx, [file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

const src = (path: string) => JSON.stringify(pathToFileURL(join(root, 'packages/server/src', path)).href);

describe('@electric-sql/pglite is an optional peer dependency', () => {
  it('the server entries load without it, and a Postgres-backed server needs none of it', { timeout: 60_000 }, () => {
    const result = runWithoutPGlite(`
const server = await import(${src('index.ts')});
const node = await import(${src('node.ts')});
console.log(typeof server.createSeatKitServer, typeof node.createPgDatabase, typeof node.startNodeServer);
`);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function function function');
  });

  it('createPGliteDatabase fails with a sentence that says what to install or configure', { timeout: 60_000 }, () => {
    const result = runWithoutPGlite(`
const { createPGliteDatabase } = await import(${src('index.ts')});
try {
  await createPGliteDatabase();
  console.log('opened');
} catch (error) {
  console.log(JSON.stringify({ message: error.message, cause: error.cause?.code }));
}
`);
    const outcome = JSON.parse(result.stdout.trim()) as { message: string; cause: string };
    expect(outcome.message).toContain('install @electric-sql/pglite to use the embedded database, or set DATABASE_URL');
    expect(outcome.cause).toBe('ERR_MODULE_NOT_FOUND');
  });
});
