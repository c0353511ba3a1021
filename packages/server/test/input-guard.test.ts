import { describe, expect, it } from 'vitest';
import { findUnstorable, jsonDeeperThan } from '../src/input-guard.js';

describe('jsonDeeperThan', () => {
  it('counts the nesting of arrays and objects', () => {
    expect(jsonDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(jsonDeeperThan('{"a":[[1]]}', 2)).toBe(true);
    expect(jsonDeeperThan('[[],[],[]]', 2)).toBe(false);
    expect(jsonDeeperThan('"no nesting"', 0)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    expect(jsonDeeperThan(`{"a":"${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(jsonDeeperThan(`{"a":"\\"${'{'.repeat(100)}\\\\"}`, 1)).toBe(false);
    expect(jsonDeeperThan(`{"a\\"[[[":1}`, 1)).toBe(false);
  });

  it('reads 200,000 levels without recursion', () => {
    expect(jsonDeeperThan('['.repeat(200_000) + ']'.repeat(200_000), 32)).toBe(true);
  });
});

describe('findUnstorable', () => {
  it('finds the first unstorable string in document order, keys included', () => {
    expect(findUnstorable({ a: ['ok', 'x\u0000'], b: '\ud800' })).toEqual(['a', 1]);
    expect(findUnstorable({ ok: 1, ['k\u0000']: 1 })).toEqual(['k\u0000']);
    expect(findUnstorable(['fine', { nested: ['🙂'] }])).toBeNull();
  });

  it('walks a value nested 100,000 levels deep without overflowing the stack', () => {
    let value: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(findUnstorable(value)).toHaveLength(100_000);
  });
});
