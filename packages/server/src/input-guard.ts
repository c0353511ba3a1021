/**
 * Postgres `text` holds neither U+0000 nor a lone UTF-16 surrogate (half of a pair, as in JSON's "\ud800"):
 * a NUL fails with "invalid byte sequence", and a lone surrogate cannot be encoded as UTF-8 — both were 500s.
 * Input is checked here, before any SQL, so such values are rejected like any other bad input.
 */

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a client is told when `findUnstorable` finds something. */
export const UNSTORABLE_MESSAGE = 'Must not contain NUL characters or unpaired surrogates';

/** The path (keys and indexes) of the first string Postgres cannot store, or `null` when there is none. */
export function findUnstorable(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key];
      const found = findUnstorable(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
