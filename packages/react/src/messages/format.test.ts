import { describe, expect, test } from 'vitest';
import { en } from './en/index.js';
import { fr } from './fr/index.js';
import { format } from './format.js';

describe('format', () => {
  test('fills named placeholders and leaves unknown ones visible', () => {
    expect(format('Edit {name}', { name: 'Ann' })).toBe('Edit Ann');
    expect(format('Edit {name}', {})).toBe('Edit {name}');
  });

  test('does not interpret markup or braces inside values', () => {
    expect(format('Hi {name}', { name: '<img src=x onerror=alert(1)> {count}' , count: 3 })).toBe(
      'Hi <img src=x onerror=alert(1)> {count}',
    );
  });

  test('picks plural branches by exact value, then by the locale’s category', () => {
    const t = '{count, plural, =0 {None} one {# seat} other {# seats}}';
    expect(format(t, { count: 0 })).toBe('None');
    expect(format(t, { count: 1 })).toBe('1 seat');
    expect(format(t, { count: 12000 })).toBe('12,000 seats');
    // French treats 0 and 1 as "one"; without =0 the branch is chosen by category.
    expect(format('{n, plural, one {# licence} other {# licences}}', { n: 0 }, 'fr')).toBe('0 licence');
  });

  test('fills placeholders nested in a plural branch', () => {
    expect(format('{count, plural, one {# change failed: {reason}} other {# changes failed: {reason}}}', { count: 2, reason: 'No seats' })).toBe(
      '2 changes failed: No seats',
    );
  });

  test('joins two plurals in one template', () => {
    expect(format(en.invite.summary, { sent: 2, failed: 1 })).toBe(
      '2 invitations sent, 1 not sent. Fix the rows marked below and send again.',
    );
    expect(format(en.invite.summary, { sent: 3, failed: 0 })).toBe('3 invitations sent.');
  });
});

describe('locales', () => {
  const leaves = (tree: object, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));

  test('French has exactly the English keys, each translated', () => {
    expect(leaves(fr).sort()).toEqual(leaves(en).sort());
    const enFlat = new Map(leaves(en).map((k) => [k, k.split('.').reduce<any>((o, p) => o[p], en)]));
    const same = leaves(fr).filter((k) => {
      const v = k.split('.').reduce<any>((o, p) => o[p], fr);
      return v === enFlat.get(k) && !/^(\{|Actions|Invitations|Permissions|Members?)/.test(v) && v.length > 8;
    });
    expect(same).toEqual([]);
  });

  test('placeholders match between locales', () => {
    const names = (s: string) => [...s.matchAll(/\{([a-z]\w*)[,}]/g)].map((m) => m[1]).sort();
    for (const key of leaves(en)) {
      const get = (tree: object) => key.split('.').reduce<any>((o, p) => o[p], tree) as string;
      expect(names(get(fr)), key).toEqual(names(get(en)));
    }
  });
});
