/**
 * Postgres `text` cannot hold U+0000: a NUL byte that reaches a query fails with "invalid byte sequence"
 * (a 500). Input is checked here, before any SQL, so such values are rejected like any other bad input.
 */

/** The path (keys and indexes) of the first string holding a NUL character, or `null` when there is none. */
export function findNul(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
