import { describe, expect, test } from 'vitest';
import { en } from './en/index.js';
import { format } from './format.js';

describe('format', () => {
  test('fills named placeholders and leaves unknown ones visible', () => {
    expect(format('Edit {name}', { name: 'Ann' })).toBe('Edit Ann');
    expect(format('Edit {name}', {})).toBe('Edit {name}');
  });

  test('writes a number placeholder the locale’s way, as it does `#`', () => {
    expect(format('{used} of {total} seats', { used: 1234, total: 5000 })).toBe('1,234 of 5,000 seats');
    expect(format('{used} von {total} Lizenzen', { used: 1234, total: 5000 }, 'de')).toBe('1.234 von 5.000 Lizenzen');
    // Strings stay as given: an id or a year passed as text is not grouped.
    expect(format('{id}', { id: '12345' }, 'de')).toBe('12345');
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

describe('plural categories', () => {
  test('uses every category Intl.PluralRules gives, Arabic’s six included', () => {
    const t = '{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => format(t, { n }, 'ar'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect([1, 2, 5, 22, 1.5].map((n) => format('{n, plural, one {one} few {few} many {many} other {other}}', { n }, 'pl'))).toEqual([
      'one',
      'few',
      'many',
      'few',
      'other',
    ]);
  });

  test('an exact =N branch wins over the category', () => {
    expect(format('{n, plural, =0 {none} zero {zero} other {#}}', { n: 0 }, 'ar')).toBe('none');
    expect(format('{n, plural, =2 {a pair} two {two} other {#}}', { n: 2 }, 'he')).toBe('a pair');
  });
});
