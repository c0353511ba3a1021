/**
 * Checks of client input made before any schema or SQL sees it.
 *
 * Postgres `text` holds neither U+0000 nor a lone UTF-16 surrogate (half of a pair, as in JSON's "\ud800"):
 * a NUL fails with "invalid byte sequence", and a lone surrogate cannot be encoded as UTF-8 — both were 500s.
 * Input is checked here, before any SQL, so such values are rejected like any other bad input.
 *
 * JSON nested thousands of levels deep is valid, parses, and then overflows the stack of whatever walks it
 * recursively (a 500 after seconds of work): its depth is measured on the text, before it is parsed.
 */

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a client is told when `findUnstorable` finds something. */
export const UNSTORABLE_MESSAGE = 'Must not contain NUL characters or unpaired surrogates';

/** The deepest a body's arrays and objects may nest; the deepest body of the contract nests 3 levels. */
export const MAX_JSON_DEPTH = 32;

/** What a client is told when `jsonDeeperThan` finds a body too deep. */
export const TOO_DEEP_MESSAGE = `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`;

/** A step of a path, linked to its parent: a walk shares the path of a parent with its children instead of copying it. */
interface Step {
  key: string | number;
  parent: Step | null;
}

const pathOf = (prefix: (string | number)[], step: Step | null): (string | number)[] => {
  const keys: (string | number)[] = [];
  for (let s = step; s; s = s.parent) keys.push(s.key);
  return [...prefix, ...keys.reverse()];
};

/**
 * The path (keys and indexes) of the first string Postgres cannot store, or `null` when there is none.
 * Walks with a stack of its own and linked paths, so any nesting takes time in proportion to its size and never
 * overflows the call stack.
 */
export function findUnstorable(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  const pending: [unknown, Step | null][] = [[value, null]];
  while (pending.length) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return pathOf(path, at);
    } else if (Array.isArray(item)) {
      // Pushed last to first, so the first offending string in document order is the one found.
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], { key: i, parent: at }]);
    } else if (item && typeof item === 'object') {
      const entries = Object.entries(item);
      for (const [key] of entries) if (UNSTORABLE.test(key)) return pathOf(path, { key, parent: at });
      for (let i = entries.length - 1; i >= 0; i--) pending.push([entries[i]![1], { key: entries[i]![0], parent: at }]);
    }
  }
  return null;
}

/**
 * Whether JSON text nests arrays and objects deeper than `max` levels: one pass over the characters, brackets inside
 * strings skipped. Meant for text about to be parsed; on text that is not JSON the answer means nothing (the parser
 * refuses it next).
 *
 * @example
 * jsonDeeperThan('{"a":[[1]]}', 2); // true: three levels
 */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
