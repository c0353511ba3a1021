import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmailList } from '@seatkit/core';

describe('parseEmailList: pasted text', () => {
  it('splits on commas, semicolons, new lines and spaces, lower-cases and trims', () => {
    const { entries, invalid, duplicates } = parseEmailList(' Ann@Example.com, bob@example.com;carl@example.com\n\n dora@example.com  eve@example.com ');
    expect(entries.map((e) => [e.email, e.line])).toEqual([
      ['ann@example.com', 1],
      ['bob@example.com', 1],
      ['carl@example.com', 1],
      ['dora@example.com', 3],
      ['eve@example.com', 3],
    ]);
    expect(invalid).toEqual([]);
    expect(duplicates).toEqual([]);
  });

  it('reads "Name <email>" forms, quoted names with commas, and a name before an email', () => {
    const { entries } = parseEmailList('Ann Lee <ann@example.com>, "Doe, John" <JOHN@example.com>\nMaria de la Cruz maria@example.com\n<solo@example.com>');
    expect(entries).toEqual([
      { email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', line: 1 },
      { email: 'john@example.com', firstName: 'John', lastName: 'Doe', line: 1 },
      { email: 'maria@example.com', firstName: 'Maria', lastName: 'de la Cruz', line: 2 },
      { email: 'solo@example.com', line: 3 },
    ]);
  });

  it('reports invalid pieces with their line numbers', () => {
    const { entries, invalid } = parseEmailList('ann@example.com\nnot-an-email, bob@example.com\n\nJohn Smith\nx@y');
    expect(entries.map((e) => e.email)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(invalid).toEqual([
      { line: 2, text: 'not-an-email', reason: 'invalid_email' },
      { line: 4, text: 'John Smith', reason: 'invalid_email' },
      { line: 5, text: 'x@y', reason: 'invalid_email' },
    ]);
  });

  it('dedupes case-insensitively, keeping the first and reporting the repeats', () => {
    const { entries, duplicates } = parseEmailList('ann@example.com\nANN@example.com, Ann Lee <ann@EXAMPLE.com>');
    expect(entries).toEqual([{ email: 'ann@example.com', line: 1 }]);
    expect(duplicates).toEqual([
      { email: 'ann@example.com', line: 2 },
      { email: 'ann@example.com', line: 2 },
    ]);
  });

  it('handles Windows line endings and empty input', () => {
    expect(parseEmailList('a@example.com\r\nb@example.com').entries.map((e) => e.line)).toEqual([1, 2]);
    expect(parseEmailList('')).toEqual({ entries: [], invalid: [], duplicates: [] });
    expect(parseEmailList(' \n\n ')).toEqual({ entries: [], invalid: [], duplicates: [] });
  });
});

describe('parseEmailList: CSV with a header', () => {
  it('reads email and role columns, in any order, with names', () => {
    const csv = ['First name,Last name,Email,Role', 'Ann,Lee,ANN@example.com,Admin', '"Cruz, Jr.",Maria,maria@example.com,', 'Bob,,bob@example.com,member'].join('\n');
    expect(parseEmailList(csv)).toEqual({
      entries: [
        { email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', role: 'admin', line: 2 },
        { email: 'maria@example.com', firstName: 'Cruz, Jr.', lastName: 'Maria', line: 3 },
        { email: 'bob@example.com', firstName: 'Bob', role: 'member', line: 4 },
      ],
      invalid: [],
      duplicates: [],
    });
  });

  it('reads semicolon- and tab-separated files and a full-name column', () => {
    expect(parseEmailList('email;role\nann@example.com;admin').entries).toEqual([{ email: 'ann@example.com', role: 'admin', line: 2 }]);
    expect(parseEmailList('Name\tE-mail\nAnn Lee\tann@example.com').entries).toEqual([
      { email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', line: 2 },
    ]);
  });

  it('reports rows without a valid email with their line numbers, and dedupes', () => {
    const { entries, invalid, duplicates } = parseEmailList('email,role\nann@example.com,admin\nnope,member\n,admin\nANN@example.com,member');
    expect(entries).toEqual([{ email: 'ann@example.com', role: 'admin', line: 2 }]);
    expect(invalid).toEqual([
      { line: 3, text: 'nope', reason: 'invalid_email' },
      { line: 4, text: ',admin', reason: 'invalid_email' },
    ]);
    expect(duplicates).toEqual([{ email: 'ann@example.com', line: 5 }]);
  });

  it('treats a first line holding an address as data, not a header', () => {
    expect(parseEmailList('email@example.com, role@example.com').entries.map((e) => e.email)).toEqual([
      'email@example.com',
      'role@example.com',
    ]);
  });
});

describe('parseEmailList: properties', () => {
  // Plain addresses with random upper-casing: every one must be found, lower-cased, once.
  const email = fc
    .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/), fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), fc.constantFrom('com', 'org', 'io'), fc.boolean())
    .filter(([local]) => !local.includes('..') && !local.endsWith('.'))
    .map(([local, domain, tld, upper]) => {
      const address = `${local}@${domain}.${tld}`;
      return upper ? address.toUpperCase() : address;
    });

  it('finds every address of a list joined by any separator, lower-cased and unique, in order', () => {
    fc.assert(
      fc.property(fc.array(email, { maxLength: 30 }), fc.constantFrom(', ', ';', '\n', ' ', '\t', ' ;\r\n'), (emails, separator) => {
        const { entries, invalid, duplicates } = parseEmailList(emails.join(separator));
        const lower = emails.map((e) => e.toLowerCase());
        expect(entries.map((e) => e.email)).toEqual([...new Set(lower)]);
        expect(invalid).toEqual([]);
        expect(duplicates).toHaveLength(lower.length - new Set(lower).size);
      }),
    );
  });

  it('never throws on arbitrary text and numbers lines from 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const { entries, invalid } = parseEmailList(text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const item of [...entries, ...invalid]) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.line).toBeLessThanOrEqual(lineCount);
        }
      }),
    );
  });
});
