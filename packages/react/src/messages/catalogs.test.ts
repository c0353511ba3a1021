import { SUPPORTED_LOCALES } from '@seatkit/core/contract';
import { describe, expect, test } from 'vitest';
import { en } from './en/index.js';
import { format } from './format.js';
import { catalogExportName, catalogs, leaves, placeholderNames, pluralExpressions } from '../test/catalogs.js';

/**
 * Every catalog in `messages/<BCP 47 tag>/`, found by directory: a new locale is checked (and built, and published as
 * `@seatkit/react/locales/<tag>`) without being listed anywhere.
 */
const locales = catalogs();

test('the kit has a catalog for every locale the server speaks (its emails), and no other', () => {
  expect(locales.map((c) => c.tag).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  expect(SUPPORTED_LOCALES).toHaveLength(12);
});

test('each catalog is a directory named by its canonical BCP 47 tag, English first', () => {
  const tags = locales.map((c) => c.tag);
  expect(tags[0]).toBe('en');
  for (const tag of tags) expect(Intl.getCanonicalLocales(tag), tag).toEqual([tag]);
});

describe.each(locales.map((c) => [c.tag, c] as const))('%s', (tag, catalog) => {
  test(`exports one const named ${catalogExportName(tag)} (what @seatkit/react/locales/${tag} declares)`, () => {
    expect(Object.keys(catalog.module)).toEqual([catalogExportName(tag)]);
  });

  test('has exactly the English keys', () => {
    expect(leaves(catalog.messages).map(([k]) => k).sort()).toEqual(leaves(en).map(([k]) => k).sort());
  });

  test.skipIf(tag === 'en')('translates every sentence (a long string equal to the English one was forgotten)', () => {
    const english = new Map(leaves(en));
    const same = leaves(catalog.messages)
      .filter(([k, v]) => v === english.get(k) && v.replace(/\{[^{}]*\}/g, '').trim().length > 8 && !/^(\{|Actions|Invitations|Permissions|Members?)/.test(v))
      .map(([k]) => k);
    expect(same).toEqual([]);
  });

  test('uses the same placeholders as English, key by key', () => {
    const english = new Map(leaves(en));
    for (const [key, value] of leaves(catalog.messages)) expect(placeholderNames(value), key).toEqual(placeholderNames(english.get(key) ?? ''));
  });

  test('plurals: each one covers every category Intl.PluralRules gives for the locale (or only formats the number)', () => {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    const missing: string[] = [];
    for (const [key, value] of leaves(catalog.messages)) {
      for (const { name, selectors } of pluralExpressions(value)) {
        const byCategory = selectors.filter((s) => !s.startsWith('='));
        const numberOnly = byCategory.length === 1 && byCategory[0] === 'other';
        if (!byCategory.includes('other')) missing.push(`${key} {${name}}: no "other"`);
        const unknown = byCategory.filter((s) => !categories.includes(s as Intl.LDMLPluralRule));
        if (unknown.length) missing.push(`${key} {${name}}: ${unknown.join(', ')} is not a category of ${tag}`);
        const uncovered = categories.filter((c) => !byCategory.includes(c));
        if (!numberOnly && uncovered.length) missing.push(`${key} {${name}}: ${uncovered.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every message fills to plain text for any count (balanced braces, known syntax)', () => {
    const counts = [0, 1, 2, 3, 5, 11, 22, 100, 1000001];
    const broken: string[] = [];
    for (const [key, value] of leaves(catalog.messages)) {
      const plural = new Set(pluralExpressions(value).map((p) => p.name));
      const names = placeholderNames(value);
      for (const n of counts) {
        const values = Object.fromEntries(names.map((name) => [name, plural.has(name) ? n : 'X']));
        const out = format(value, values, tag);
        if (/[{}]/.test(out)) broken.push(`${key} (${n}): ${out}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
