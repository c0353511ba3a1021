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
const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));

/** Compiles zod schemas to `Shape` source, hoisting every exported schema it meets into a named constant. */
class ShapeWriter {
  /** Exported schemas of the contract by identity: `MemberSchema` is written once as `Member` and referenced. */
  private readonly names = new Map<ZodLike, string>();
  private readonly written = new Set<ZodLike>();
  readonly constants: string[] = [];

  constructor(modules: Record<string, unknown>[]) {
    for (const module of modules) {
      for (const [name, value] of Object.entries(module)) {
        if (name.endsWith('Schema') && isZod(value) && !this.names.has(value)) this.names.set(value, name.slice(0, -'Schema'.length));
      }
    }
  }

  /** The source of a reference to `schema`: a constant's name, or an inline shape. */
  ref(schema: ZodLike, where: string): string {
    const name = this.names.get(schema);
    if (name === undefined) return this.shape(schema, where);
    if (!this.written.has(schema)) {
      this.written.add(schema);
      // Dependencies are written first (inside `shape`), so every constant is declared before use.
      const source = this.shape(schema, name);
      this.constants.push(`const ${name}: Shape = ${source};`);
    }
    return name;
  }

  private shape(schema: ZodLike, where: string): string {
    const def = schema._zod.def;
    const checks = (def.checks ?? []).map((check) => check._zod.def as unknown as Check);
    const unsupported = (what: string): never => {
      throw new Error(`generate-client-routes: ${where} uses ${what}, which the client's checkShape does not support`);
    };
    const noChecks = (): void => {
      if (checks.length) unsupported(`a ${checks[0]!.check} check on a ${def.type}`);
    };
    if (def.coerce) unsupported('coercion');
    switch (def.type) {
      case 'string': {
        const parts = [`type: 'string'`];
        for (const check of checks) {
          if (check.check === 'min_length') parts.push(`min: ${check.minimum as number}`);
          else if (check.check === 'max_length') parts.push(`max: ${check.maximum as number}`);
          else if (check.check === 'string_format' && check.pattern instanceof RegExp && !/[gy]/.test(check.pattern.flags)) {
            parts.push(`format: ${quote(check.format as string)}`, `pattern: ${check.pattern.toString()}`);
          } else unsupported(`a ${check.check}${check.format ? ` (${check.format as string})` : ''} check`);
        }
        return `{ ${parts.join(', ')} }`;
      }
      case 'number': {
        const int = checks.length === 1 && checks[0]!.check === 'number_format' && checks[0]!.format === 'safeint';
        if (checks.length && !int) unsupported(`a ${checks[0]!.check} check on a number`);
        return int ? `{ type: 'int' }` : `{ type: 'number' }`;
      }
      case 'boolean':
      case 'unknown':
        noChecks();
        return `{ type: '${def.type}' }`;
      case 'enum':
        noChecks();
        return `{ type: 'value', values: [${Object.values(def.entries as Record<string, unknown>).map(literal).join(', ')}] }`;
      case 'literal':
        noChecks();
        return `{ type: 'value', values: [${(def.values as unknown[]).map(literal).join(', ')}] }`;
      case 'optional':
      case 'nullable':
        return `{ type: '${def.type}', of: ${this.ref(def.innerType as ZodLike, where)} }`;
      case 'array':
        noChecks();
        return `{ type: 'array', of: ${this.ref(def.element as ZodLike, `${where}[]`)} }`;
      case 'record': {
        noChecks();
        const keyDef = (def.keyType as ZodLike)._zod.def;
        if (keyDef.type !== 'string' || keyDef.checks?.length) unsupported('a record whose keys are not plain strings');
        return `{ type: 'record', of: ${this.ref(def.valueType as ZodLike, `${where}{}`)} }`;
      }
      case 'object': {
        noChecks();
        // A strict object (unknown keys refused) or a catchall would need more than dropping unknown keys.
        if (def.catchall !== undefined) unsupported('a strict object or a catchall');
        const fields = Object.entries(def.shape as Record<string, ZodLike>).map(
          ([name, field]) => `${key(name)}: ${this.ref(field, `${where}.${name}`)}`,
        );
        return `{ type: 'object', shape: { ${fields.join(', ')} } }`;
      }
      case 'union': {
        noChecks();
        const options = (def.options as ZodLike[]).map((option, i) => this.ref(option, `${where}|${i}`));
        const discriminator = typeof def.discriminator === 'string' ? `, key: ${quote(def.discriminator)}` : '';
        return `{ type: 'union', options: [${options.join(', ')}]${discriminator} }`;
      }
      default:
        return unsupported(`a ${def.type} schema`);
    }
  }
}

/** The generated module's source. Pure: the staleness test compares it with the file on disk. */
export function generateClientRoutes(): string {
  const writer = new ShapeWriter([schemas, errors]);
  const table = Object.entries(routes).map(([name, route]) => {
    const response = route.response === null ? 'null' : writer.ref(route.response as unknown as ZodLike, name);
    // Only the presence of a body matters to the client: the server validates what it receives.
    const body = 'body' in route && route.body !== undefined;
    return `  ${name}: { method: '${route.method}', path: ${quote(route.path)}, auth: '${route.auth}', body: ${body}, response: ${response} },`;
  });
  const errorBody = writer.ref(errors.ErrorBodySchema as unknown as ZodLike, 'ErrorBody');
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
    '  /** The response\'s shape, or `null` for a 204. */',
    '  readonly response: Shape | null;',
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
    `export const batchSize = ${schemas.LIMITS.batchSize};`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_FILE, generateClientRoutes());
  console.log(`wrote ${GENERATED_FILE}`);
}
