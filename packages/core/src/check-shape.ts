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

/** Issues of a check on a value of the right type (too_small, too_big, invalid_format): zod goes on after them. */
const CHECK_CODE = /^too_|_format$/;

const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Checks `value` against `shape`, pushing every mismatch to `issues`. Returns the output zod would
 * return (objects without unknown keys); it is meaningful only when no issue was added.
 * `path` is where `value` sits; it is used as a stack (pushed and popped), and copied into issues.
 */
export function checkShape(shape: Shape, value: unknown, issues: ShapeIssue[], path: (string | number)[] = []): unknown {
  // Plain functions and one mutable path: a page of members is thousands of calls, so nothing is allocated unless it fails.
  const fail = (code: string, message: string, key?: string): unknown => {
    issues.push({ code, path: key === undefined ? [...path] : [...path, key], message });
    return value;
  };
  const record = value as Record<string, unknown>;
  switch (shape.type) {
    case 'unknown':
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('invalid_type', `Expected boolean, received ${kind(value)}`);
    case 'number':
    case 'int':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('invalid_type', `Expected number, received ${kind(value)}`);
      if (shape.type === 'int' && !Number.isInteger(value)) return fail('invalid_type', 'Expected int, received a fraction');
      // zod's `z.int()` means a safe integer; larger ones are out of range, not of the wrong type.
      return shape.type === 'int' && !Number.isSafeInteger(value) ? fail(value > 0 ? 'too_big' : 'too_small', 'Expected a safe integer') : value;
    case 'string':
      if (typeof value !== 'string') return fail('invalid_type', `Expected string, received ${kind(value)}`);
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
    case 'array': {
      if (!Array.isArray(value)) return fail('invalid_type', `Expected array, received ${kind(value)}`);
      const output: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        output.push(checkShape(shape.of, value[i], issues, path));
        path.pop();
      }
      return output;
    }
    case 'record':
    case 'object': {
      if (kind(value) !== 'object') return fail('invalid_type', `Expected ${shape.type}, received ${kind(value)}`);
      // A record keeps every key; a `__proto__` key is defined as data, so it cannot become the prototype.
      const output: Record<string, unknown> = {};
      const fields = shape.type === 'object' ? shape.shape : undefined;
      const of = shape.type === 'record' ? shape.of : undefined;
      for (const key in fields ?? record) {
        const has = Object.hasOwn(record, key);
        // A record checks the body's own keys; an object checks its declared keys, present or not.
        if (!has && of) continue;
        path.push(key);
        const result = checkShape(of ?? fields![key]!, has ? record[key] : undefined, issues, path);
        path.pop();
        if (!has) continue;
        if (key === '__proto__') Object.defineProperty(output, key, { value: result, enumerable: true, writable: true, configurable: true });
        else output[key] = result;
      }
      return output;
    }
    case 'union': {
      const { key } = shape;
      if (key !== undefined && kind(value) !== 'object') return fail('invalid_type', `Expected object, received ${kind(value)}`);
      // zod's rule for a plain union that no option accepts: when exactly one option failed only on checks (a length,
      // a format) and not on a type, that option's issues are the answer; otherwise `invalid_union`.
      const near: { output: unknown; issues: ShapeIssue[] }[] = [];
      for (const option of shape.options) {
        const optionIssues: ShapeIssue[] = [];
        if (key !== undefined) {
          // The discriminator picks the option; its other fields are then reported as that option's issues.
          checkShape((option as Extract<Shape, { type: 'object' }>).shape[key]!, Object.hasOwn(record, key) ? record[key] : undefined, optionIssues);
          if (!optionIssues.length) return checkShape(option, value, issues, path);
        } else {
          const output = checkShape(option, value, optionIssues, path);
          if (!optionIssues.length) return output;
          if (optionIssues.every((issue) => CHECK_CODE.test(issue.code))) near.push({ output, issues: optionIssues });
        }
      }
      if (near.length === 1) {
        issues.push(...near[0]!.issues);
        return near[0]!.output;
      }
      return key === undefined ? fail('invalid_union', 'Matches none of the allowed shapes') : fail('invalid_union', `No option has this "${key}"`, key);
    }
  }
}
