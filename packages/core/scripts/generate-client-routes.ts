/**
 * Writes src/client-routes.generated.ts: what the client needs of the contract at runtime — per
 * route its method, path, auth, whether it sends a body, and its response as a `Shape` for
 * `checkShape` — plus the error codes and the batch size. The contract stays written once, in zod;
 * this file is its compiled form for the browser, where zod's runtime would be most of the bundle.
 *
 * Run: `npm run generate -w @seatkit/core` (the build runs it too). A test fails when the checked-in
 * file differs from what this produces. A zod construct the walker does not know (a transform, a
 * refinement, a strict object, a coercion…) throws here rather than being checked loosely.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as errors from '../src/contract/errors.js';
import { routes } from '../src/contract/routes.js';
import * as schemas from '../src/contract/schemas.js';
import { LIMITS } from '../src/contract/limits.js';
import type * as z from 'zod/mini';
import type { Shape } from '../src/check-shape.js';

export const GENERATED_FILE = fileURLToPath(new URL('../src/client-routes.generated.ts', import.meta.url));

interface ZodLike {
  _zod: { def: Def };
}
interface Def {
  type: string;
  checks?: ZodLike[];
  [key: string]: unknown;
}
type Check = { check: string; [key: string]: unknown };

const isZod = (value: unknown): value is ZodLike =>
  typeof value === 'object' && value !== null && '_zod' in value && typeof (value as ZodLike)._zod?.def?.type === 'string';

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const literal = (value: unknown): string => (typeof value === 'string' ? quote(value) : String(value));
const propertyKey = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));

/**
 * Compiles a zod schema of the contract into a `Shape`. `cache` maps each schema to its shape, so a
 * schema used in many places (`MemberSchema`) becomes one shared object, written once as a constant.
 * Throws on any construct `checkShape` cannot reproduce exactly.
 */
export function compileShape(zodSchema: z.core.$ZodType, where = 'schema', cache = new Map<ZodLike, Shape>()): Shape {
  const schema = zodSchema as unknown as ZodLike;
  const cached = cache.get(schema);
  if (cached) return cached;
  const def = schema._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def as unknown as Check);
  const unsupported = (what: string): never => {
    throw new Error(`generate-client-routes: ${where} uses ${what}, which the client's checkShape does not support`);
  };
  const noChecks = (): void => {
    if (checks.length) unsupported(`a ${checks[0]!.check} check on a ${def.type}`);
  };
  const inner = (child: unknown, at: string): Shape => compileShape(child as z.core.$ZodType, at, cache);
  let shape: Shape;
  if (def.coerce) unsupported('coercion');
  switch (def.type) {
    case 'string': {
      const string: { type: 'string'; min?: number; max?: number; format?: string; pattern?: RegExp } = { type: 'string' };
      for (const check of checks) {
        if (check.check === 'min_length') string.min = check.minimum as number;
        else if (check.check === 'max_length') string.max = check.maximum as number;
        // A global or sticky pattern keeps state between tests; zod resets it, checkShape does not.
        else if (check.check === 'string_format' && check.pattern instanceof RegExp && !/[gy]/.test(check.pattern.flags)) {
          string.format = check.format as string;
          string.pattern = check.pattern;
        } else unsupported(`a ${check.check}${check.format ? ` (${check.format as string})` : ''} check`);
      }
      shape = string;
      break;
    }
    case 'number': {
      const int = checks.length === 1 && checks[0]!.check === 'number_format' && checks[0]!.format === 'safeint';
      if (checks.length && !int) unsupported(`a ${checks[0]!.check} check on a number`);
      shape = { type: int ? 'int' : 'number' };
      break;
    }
    case 'boolean':
    case 'unknown':
      noChecks();
      shape = { type: def.type };
      break;
    case 'enum':
      noChecks();
      shape = { type: 'value', values: Object.values(def.entries as Record<string, string | number>) };
      break;
    case 'literal':
      noChecks();
      shape = { type: 'value', values: def.values as (string | number | boolean | null)[] };
      break;
    case 'optional':
    case 'nullable':
      shape = { type: def.type, of: inner(def.innerType, where) };
      break;
    case 'array':
      noChecks();
      shape = { type: 'array', of: inner(def.element, `${where}[]`) };
      break;
    case 'record': {
      noChecks();
      const keyDef = (def.keyType as ZodLike)._zod.def;
      if (keyDef.type !== 'string' || keyDef.checks?.length) unsupported('a record whose keys are not plain strings');
      shape = { type: 'record', of: inner(def.valueType, `${where}{}`) };
      break;
    }
    case 'object': {
      noChecks();
      // A strict object (unknown keys refused) or a catchall would need more than dropping unknown keys.
      if (def.catchall !== undefined) unsupported('a strict object or a catchall');
      const fields = Object.entries(def.shape as Record<string, unknown>).map(([name, field]) => [name, inner(field, `${where}.${name}`)]);
      shape = { type: 'object', shape: Object.fromEntries(fields) as Record<string, Shape> };
      break;
    }
    case 'union': {
      noChecks();
      const options = (def.options as unknown[]).map((option, i) => inner(option, `${where}|${i}`));
      shape = typeof def.discriminator === 'string' ? { type: 'union', options, key: def.discriminator } : { type: 'union', options };
      break;
    }
    default:
      return unsupported(`a ${def.type} schema`);
  }
  cache.set(schema, shape);
  return shape;
}

/** Writes shapes as source, declaring every named shape once as a constant before its first use. */
class ShapeWriter {
  private readonly written = new Set<Shape>();
  readonly constants: string[] = [];

  constructor(private readonly names: Map<Shape, string>) {}

  ref(shape: Shape): string {
    const name = this.names.get(shape);
    if (name === undefined) return this.source(shape);
    if (!this.written.has(shape)) {
      this.written.add(shape);
      // `source` writes the dependencies' constants first.
      const source = this.source(shape);
      this.constants.push(`const ${name}: Shape = ${source};`);
    }
    return name;
  }

  private source(shape: Shape): string {
    switch (shape.type) {
      case 'string': {
        const parts = [`type: 'string'`];
        if (shape.min !== undefined) parts.push(`min: ${shape.min}`);
        if (shape.max !== undefined) parts.push(`max: ${shape.max}`);
        if (shape.pattern) parts.push(`format: ${quote(shape.format ?? 'format')}`, `pattern: ${shape.pattern.toString()}`);
        return `{ ${parts.join(', ')} }`;
      }
      case 'value':
        return `{ type: 'value', values: [${shape.values.map(literal).join(', ')}] }`;
      case 'object': {
        const fields = Object.entries(shape.shape).map(([name, field]) => `${propertyKey(name)}: ${this.ref(field)}`);
        return `{ type: 'object', shape: { ${fields.join(', ')} } }`;
      }
      case 'optional':
      case 'nullable':
      case 'array':
      case 'record':
        return `{ type: '${shape.type}', of: ${this.ref(shape.of)} }`;
      case 'union': {
        const key = shape.key === undefined ? '' : `, key: ${quote(shape.key)}`;
        return `{ type: 'union', options: [${shape.options.map((option) => this.ref(option)).join(', ')}]${key} }`;
      }
      default:
        return `{ type: '${shape.type}' }`;
    }
  }
}

/** The generated module's source. Pure: the staleness test compares it with the file on disk. */
export function generateClientRoutes(): string {
  // Exported schemas become named constants (`MemberSchema` → `Member`); the rest is written inline.
  const cache = new Map<ZodLike, Shape>();
  const names = new Map<Shape, string>();
  for (const module of [schemas, errors] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('Schema') || !isZod(value)) continue;
      try {
        const shape = compileShape(value as unknown as z.core.$ZodType, name, cache);
        if (!names.has(shape)) names.set(shape, name.slice(0, -'Schema'.length));
      } catch {
        // A request schema the client never checks (refinements, strict objects): not needed here.
      }
    }
  }
  const writer = new ShapeWriter(names);
  const table = Object.entries(routes).map(([name, route]) => {
    const response = route.response === null ? 'null' : writer.ref(compileShape(route.response, name, cache));
    // Only the presence of a body matters to the client: the server validates what it receives.
    const body = 'body' in route && route.body !== undefined;
    const produces = 'produces' in route && route.produces ? `, produces: ${quote(route.produces)}` : '';
    return `  ${name}: { method: '${route.method}', path: ${quote(route.path)}, auth: '${route.auth}', body: ${body}, response: ${response}${produces} },`;
  });
  const errorBody = writer.ref(compileShape(errors.ErrorBodySchema, 'ErrorBodySchema', cache));
  const status = Object.entries(errors.ERROR_STATUS).map(([code, value]) => `  ${code}: ${value},`);

  return [
    '// Generated by scripts/generate-client-routes.ts from the contract (src/contract): do not edit.',
    '// Run `npm run generate -w @seatkit/core` after changing the contract; a test fails while this file is stale.',
    "import type { Shape } from './check-shape.js';",
    "import type { ErrorCode, ServerErrorCode } from './contract/errors.js';",
    "import type { RouteName } from './contract/routes.js';",
    '',
    '/** What the client needs of one route at runtime. */',
    'export interface ClientRoute {',
    "  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';",
    '  readonly path: string;',
    "  readonly auth: 'user' | 'server' | 'none';",
    '  /** Whether the route takes a JSON body (the call\'s parameters outside the path). */',
    '  readonly body: boolean;',
    '  /** The response\'s shape, or `null` for a 204 or a file. */',
    '  readonly response: Shape | null;',
    '  /** A file instead of JSON: the call resolves to a `Blob`. */',
    "  readonly produces?: 'text/csv';",
    '}',
    '',
    ...writer.constants,
    '',
    '/** The route table for the client: no zod schema, only what checks a response. */',
    'export const clientRoutes: Readonly<Record<RouteName, ClientRoute>> = {',
    ...table,
    '};',
    '',
    '/** `ErrorBodySchema`: the body of every error answer. */',
    `export const errorBodyShape: Shape = ${errorBody};`,
    '',
    '/** `ERROR_CODES`: every code a `SeatKitError` may carry. */',
    `export const errorCodes: readonly ErrorCode[] = [${errors.ERROR_CODES.map(quote).join(', ')}];`,
    '',
    '/** `ERROR_STATUS`: the HTTP status of each server code. */',
    'export const errorStatus: Readonly<Record<ServerErrorCode, number>> = {',
    ...status,
    '};',
    '',
    '/** `LIMITS.batchSize`: items per bulk request. */',
    `export const batchSize = ${LIMITS.batchSize};`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_FILE, generateClientRoutes());
  console.log(`wrote ${GENERATED_FILE}`);
}
