// The kit's catalogs, one directory per BCP 47 tag under src/messages/ (en, fr, de, pt-BR, zh-CN, …). Found by
// directory, never listed: tsup builds one `require` file per tag from this list, and after tsup this script writes
// each tag's declarations, so a new locale is published as `@seatkit/react/locales/<tag>` by adding its directory.
//
//   node build/locales.mjs      (the build script runs it after tsup: tsup's declaration step cleans *.d.ts files)
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { localeExportName } from './locale-name.mjs';

const messagesDir = new URL('../src/messages/', import.meta.url);

/** Every `src/messages/<tag>/index.ts`, by tag. */
export function localeTags() {
  return readdirSync(messagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/index.ts`, messagesDir)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * dist/locales/<tag>.d.ts and .d.cts: the catalog's one const, typed with the main entry's `Messages` (never a second
 * copy of that type). The JavaScript beside them: dist/messages/<tag>/index.js (ESM) and dist/locales/<tag>.cjs.
 */
export async function writeLocaleTypes() {
  const dir = new URL('../dist/locales/', import.meta.url);
  await mkdir(dir, { recursive: true });
  for (const tag of localeTags()) {
    const name = localeExportName(tag);
    const doc = `/** The \`${tag}\` messages: \`<SeatKitProvider messages={${name}} locale="${tag}">\`. */`;
    for (const [ext, from] of [['d.ts', '../index.js'], ['d.cts', '../index.cjs']]) {
      await writeFile(new URL(`${tag}.${ext}`, dir), `import type { Messages } from '${from}';\n${doc}\nexport declare const ${name}: Messages;\n`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writeLocaleTypes();
