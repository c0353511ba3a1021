/**
 * The client's response check. The contract's zod schemas are compiled at build time
 * (scripts/generate-client-routes.ts) into these plain descriptors, so the browser bundle carries
 * this small walker instead of zod's runtime. It accepts and rejects what the zod schema does and
 * reports issues the way zod does (`code`, `path`); a test compares both on real and mutated responses.
 */
export type Shape =
  | { readonly type: 'string'; readonly min?: number; readonly max?: number; readonly format?: string; readonly pattern?: RegExp }
  | { readonly type: 'number' | 'int' | 'boolean' | 'unknown' }
  /** An enum or a literal: one of these exact values. */
  | { readonly type: 'value'; readonly values: readonly (string | number | boolean | null)[] }
  /** Unknown keys are dropped from the output, as zod's (non-strict) `z.object` does. */
  | { readonly type: 'object'; readonly shape: { readonly [key: string]: Shape } }
  | { readonly type: 'optional' | 'nullable' | 'array' | 'record'; readonly of: Shape }
  /** With `key`, a discriminated union: the option whose `key` property matches is checked. */
  | { readonly type: 'union'; readonly options: readonly Shape[]; readonly key?: string };

/** One mismatch, shaped like a zod issue. */
export interface ShapeIssue {
  /** zod's issue code: `invalid_type`, `invalid_value`, `too_small`, `too_big`, `invalid_format`, `invalid_union`. */
  code: string;
  /** Where in the body, e.g. `['items', 0, 'status']`. */
  path: (string | number)[];
  message: string;
}

const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Checks `value` against `shape`, pushing every mismatch to `issues`. Returns the output zod would
 * return (objects without unknown keys); it is meaningful only when no issue was added.
 */
export function checkShape(shape: Shape, value: unknown, issues: ShapeIssue[], path: (string | number)[] = []): unknown {
  const fail = (code: string, message: string, at = path): unknown => {
    issues.push({ code, path: at, message });
    return value;
  };
  const expected = (type: string): unknown => fail('invalid_type', `Expected ${type}, received ${kind(value)}`);
  const record = value as Record<string, unknown>;
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  switch (shape.type) {
    case 'unknown':
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : expected('boolean');
    case 'number':
    case 'int':
      if (typeof value !== 'number' || !Number.isFinite(value)) return expected('number');
      if (shape.type === 'int' && !Number.isInteger(value)) return expected('int');
      // zod's `z.int()` means a safe integer; larger ones are out of range, not of the wrong type.
      return shape.type === 'int' && !Number.isSafeInteger(value) ? fail(value > 0 ? 'too_big' : 'too_small', 'Expected a safe integer') : value;
    case 'string':
      if (typeof value !== 'string') return expected('string');
      // Like zod, every failing check is reported, not just the first.
      if (value.length < (shape.min ?? 0)) fail('too_small', `Expected at least ${shape.min} characters`);
      if (value.length > (shape.max ?? Infinity)) fail('too_big', `Expected at most ${shape.max} characters`);
      if (shape.pattern && !shape.pattern.test(value)) fail('invalid_format', `Invalid ${shape.format}`);
      return value;
    case 'value':
      return shape.values.includes(value as string)
        ? value
        : fail('invalid_value', `Expected ${shape.values.map((v) => JSON.stringify(v)).join(' | ')}`);
    case 'optional':
      return value === undefined ? value : checkShape(shape.of, value, issues, path);
    case 'nullable':
      return value === null ? value : checkShape(shape.of, value, issues, path);
    case 'array':
      return Array.isArray(value) ? value.map((item, i) => checkShape(shape.of, item, issues, [...path, i])) : expected('array');
    case 'record':
      if (kind(value) !== 'object') return expected('record');
      // fromEntries defines own properties, so a `__proto__` key stays data.
      return Object.fromEntries(Object.keys(record).map((key) => [key, checkShape(shape.of, record[key], issues, [...path, key])]));
    case 'object': {
      if (kind(value) !== 'object') return expected('object');
      const output: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(shape.shape)) {
        const result = checkShape(inner, own(key), issues, [...path, key]);
        if (Object.hasOwn(record, key)) output[key] = result;
      }
      return output;
    }
    case 'union': {
      const { key } = shape;
      if (key !== undefined && kind(value) !== 'object') return expected('object');
      for (const option of shape.options) {
        const optionIssues: ShapeIssue[] = [];
        if (key !== undefined) {
          // The discriminator picks the option; its other fields are then reported as that option's issues.
          checkShape((option as Extract<Shape, { type: 'object' }>).shape[key]!, own(key), optionIssues);
          if (!optionIssues.length) return checkShape(option, value, issues, path);
        } else {
          const output = checkShape(option, value, optionIssues, path);
          if (!optionIssues.length) return output;
        }
      }
      return key === undefined
        ? fail('invalid_union', 'Matches none of the allowed shapes')
        : fail('invalid_union', `No option has this "${key}"`, [...path, key]);
    }
  }
}
