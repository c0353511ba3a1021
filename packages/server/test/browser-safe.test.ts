import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Every module the entry reaches through relative imports, with the bare packages each one imports. */
function importGraph(entry: string) {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    // `import type` is erased by the build: a type from node:http costs a browser nothing.
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    seen.set(file, specifiers.filter((s) => !s.startsWith('.')));
    for (const s of specifiers.filter((s) => s.startsWith('.'))) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(resolve(src, entry));
  return seen;
}

describe('@seatkit/server entry', () => {
  it('reaches no Node-only module (Storybook runs it in a browser)', () => {
    const graph = importGraph('index.ts');
    expect(graph.size).toBeGreaterThan(10);
    const nodeOnly = /^(node:|pg$|nodemailer|@hono\/node-server|fs$|path$|crypto$)/;
    const offenders = [...graph].flatMap(([file, deps]) => deps.filter((d) => nodeOnly.test(d)).map((d) => `${file.slice(src.length)} → ${d}`));
    expect(offenders).toEqual([]);
    for (const file of graph.keys()) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/process\.env/);
    }
  });

  it('the node entry does pull in pg and nodemailer', () => {
    const deps = [...importGraph('node.ts').values()].flat();
    expect(deps).toEqual(expect.arrayContaining(['pg', 'nodemailer', '@hono/node-server']));
  });
});
