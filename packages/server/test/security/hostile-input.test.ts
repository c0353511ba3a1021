import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routes, type RouteDef, type RouteName } from '@seatkit/core/contract';
import { MAX_JSON_DEPTH } from '../../src/input-guard.js';
import { REQUESTS } from './authorization-matrix.js';
import { expectContractError, forEachDatabase, OWNER, tokenFrom, type Harness } from './support.js';

/**
 * No input makes a 500: every list's query string (limits, cursors well-formed or not, filters) and every mutation's
 * body (any JSON value, deep nesting, numbers past a double, strange strings) gets a success or a contract error.
 * The requests aim at real ids with valid credentials, so they reach validation and the handlers. Bounded runs:
 * SEATKIT_PROPERTY_RUNS overrides the count per route.
 */
const RUNS = Number(process.env.SEATKIT_PROPERTY_RUNS ?? 20);
const TIME_LIMIT_MS = 8_000;

const ENTRIES = Object.entries(routes) as [RouteName, RouteDef][];
const shapeOf = (schema: z.core.$ZodType | undefined) => (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
const LISTS = ENTRIES.filter(([, def]) => def.method === 'GET' && shapeOf(def.query) && 'cursor' in shapeOf(def.query)!);
const MUTATIONS = ENTRIES.filter(([, def]) => def.method !== 'GET');

const base64url = (text: string) => Buffer.from(text).toString('base64url');

// ------------------------------------------------------------ JSON text, written out (so it can hold what JSON.stringify never writes)
const HUGE_NUMBERS = ['1e400', '-1e400', '1e-400', '123456789012345678901234567890', '9223372036854775808', '-9223372036854775809', '-0', '1e30', '9007199254740993', '0.000000000000000000001'];
const STRANGE_STRINGS = [
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udc00"',
  '"\\u202eevil"',
  '"🙂"',
  '"日本語"',
  '"<img src=x onerror=alert(1)>"',
  `"' or 1=1 --"`,
  '"%00"',
  '"__proto__"',
  '""',
  '"   "',
  `"${'x'.repeat(5_000)}"`,
  '"owner"',
  '"members:read"',
  '"2030-01-01T00:00:00Z"',
];
const leafText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...STRANGE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
  fc.string().map((s) => JSON.stringify(s)),
  fc.double().map((n) => (Number.isFinite(n) ? JSON.stringify(n) : '1e999')),
  fc.integer().map(String),
  fc.constantFrom('true', 'false', 'null'),
);
const { json: jsonText } = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leafText },
    fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom('email', 'role', '__proto__', 'constructor')), tie('json')), { maxLength: 4 }).map(
      (pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`,
    ),
  ),
}));
/** Arrays or objects nested from just past the cap to far beyond it, around any value. */
const deepText = fc.tuple(fc.integer({ min: MAX_JSON_DEPTH - 2, max: 12_000 }), fc.boolean(), leafText).map(([depth, arrays, leaf]) =>
  arrays ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`,
);
const anyText = fc.oneof({ weight: 4, arbitrary: jsonText }, deepText);

// ------------------------------------------------------------ requests
interface Target {
  path: string;
  body?: unknown;
  authorization: string;
}

async function targets(h: Harness): Promise<Record<RouteName, Target>> {
  const invite = (await h.server.mailbox()).find((m) => m.to === 'new.hire@northwind.test')!;
  const owner = `Bearer ${await h.server.devToken(OWNER)}`;
  return Object.fromEntries(
    ENTRIES.map(([name, def]) => {
      const example = REQUESTS[name](h, { inviteToken: tokenFrom(invite.text), auth: {} as never });
      return [name, { path: example.path.split('?')[0]!, body: example.body, authorization: def.auth === 'server' ? 'Bearer sk_test' : owner }];
    }),
  ) as Record<RouteName, Target>;
}

async function send(h: Harness, method: string, path: string, authorization: string, body?: string) {
  const headers: Record<string, string> = { authorization };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await h.server.fetch(new Request(`http://seatkit.test${path}`, { method, headers, body }));
  const text = await res.text();
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Never a 5xx; every refusal a contract error. */
function expectHandled(res: Awaited<ReturnType<typeof send>>, label: string) {
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 400) expectContractError(res, label);
}

const queryFor = (def: RouteDef) => {
  const filters = Object.keys(shapeOf(def.query)!).filter((k) => k !== 'limit' && k !== 'cursor');
  const validLimit = fc.integer({ min: 1, max: 200 }).map(String);
  const limit = fc.oneof(
    { weight: 2, arbitrary: validLimit },
    fc.integer({ min: -5, max: 300 }).map(String),
    fc.constantFrom('', '0', '1e3', '1.5', '99999999999999999999', 'abc', ' 5', '0x10', '-0'),
  );
  const cursor = fc.oneof(
    // An array of one to three values of any kind: a real cursor's shape, the values not. Short enough (a cursor
    // is at most 512 characters) to reach the list's own check.
    { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: leafText }, jsonText), { minLength: 1, maxLength: 3 }).map((values) => base64url(`[${values.join(',')}]`)) },
    jsonText.map(base64url),
    fc.string({ maxLength: 600 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
    fc.constantFrom('%%%', '====', 'a', '', 'WyJhIiwiYiJd', 'WzFlMzBd', base64url('["abc"]'), base64url('[1e30]'), base64url('["9223372036854775807"]')),
  );
  const filter = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('active', 'suspended', 'pending', 'expired', 'revoked', 'accepted', 'owner', 'admin', 'member', 'ann') },
    fc.constantFrom('\u0000', '%', '', 'x'.repeat(300)),
    fc.string({ maxLength: 300 }),
  );
  const wellFormed = (q: Record<string, string>) =>
    new URLSearchParams(Object.entries(q).map(([k, v]) => [k, v.replace(/[\uD800-\uDFFF]/g, '\uFFFD')])).toString();
  return fc.oneof(
    // Mostly a cursor with nothing else wrong, so the list itself judges it.
    { weight: 3, arbitrary: fc.record({ cursor, limit: validLimit }, { requiredKeys: ['cursor'] }) },
    fc.record({ limit, cursor, ...Object.fromEntries(filters.map((k) => [k, filter])) }, { requiredKeys: [] }),
  ).map((q) => wellFormed(q as Record<string, string>));
};

const bodyFor = (def: RouteDef, example: unknown) => {
  const keys = Object.keys(shapeOf(def.body) ?? {});
  const exampleKeys = example && typeof example === 'object' ? Object.keys(example) : [];
  const options = [
    anyText,
    // The route's own fields, each any value.
    fc.array(fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), anyText), { maxLength: 4 }).map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ];
  if (exampleKeys.length) {
    // A valid body with one field (or its first item) replaced: reaches the handler.
    options.push(
      fc.tuple(fc.constantFrom(...exampleKeys), anyText, fc.boolean()).map(([key, value, inside]) => {
        const rest = Object.fromEntries(Object.entries(example as object).filter(([k]) => k !== key));
        const original = (example as Record<string, unknown>)[key];
        const replaced = inside && Array.isArray(original) ? `[${value}${original.slice(1).map((v) => `,${JSON.stringify(v)}`).join('')}]` : value;
        const head = JSON.stringify(rest).slice(1, -1);
        return `{${head}${head ? ',' : ''}${JSON.stringify(key)}:${replaced}}`;
      }),
    );
  }
  return fc.oneof(...options);
};

forEachDatabase((h) => {
  // One test per kind, not per route: each test starts from a fresh seed, which costs more than the requests.
  describe('property: no query string of a list and no body of a mutation makes a 5xx', () => {
    it(`lists (${LISTS.map(([name]) => name).join(', ')}): any limit, cursor and filters`, async () => {
      const all = await targets(h());
      for (const [name, def] of LISTS) {
        const target = all[name];
        await fc.assert(
          fc.asyncProperty(queryFor(def), async (query) => {
            const path = `${target.path}?${query}`;
            expectHandled(await send(h(), 'GET', path, target.authorization), `GET ${path}`.slice(0, 500));
          }),
          { numRuns: RUNS * 2, interruptAfterTimeLimit: TIME_LIMIT_MS },
        );
      }
    }, 60_000);

    it(`every mutation (${MUTATIONS.length} routes): any JSON body`, async () => {
      const all = await targets(h());
      for (const [name, def] of MUTATIONS) {
        const target = all[name];
        await fc.assert(
          fc.asyncProperty(bodyFor(def, target.body), async (body) => {
            expectHandled(await send(h(), def.method, target.path, target.authorization, body), `${def.method} ${target.path} ${body}`.slice(0, 500));
          }),
          { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
        );
      }
    }, 90_000);
  });

  describe(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is 400 too_deep on every mutation, before any work`, () => {
    it('10,000 levels of arrays, and of objects inside a real field', async () => {
      const all = await targets(h());
      const arrays = `{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      const objects = (key: string) => `{${JSON.stringify(key)}:${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
      const slowest = { ms: 0, route: '' };
      for (const [name, def] of MUTATIONS) {
        const key = Object.keys(shapeOf(def.body) ?? {})[0] ?? 'x';
        for (const body of [arrays, objects(key)]) {
          const started = performance.now();
          const res = await send(h(), def.method, all[name].path, all[name].authorization, body);
          const ms = performance.now() - started;
          if (ms > slowest.ms) Object.assign(slowest, { ms, route: name });
          expect(res.status, name).toBe(400);
          expect(res.body.error.code, name).toBe('validation_failed');
          expect(res.body.error.details, name).toEqual([{ path: [], message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`), code: 'too_deep' }]);
        }
      }
      console.info(`[hostile-input] slowest 10,000-deep body: ${slowest.ms.toFixed(0)} ms (${slowest.route})`);
    });

    it(`${MAX_JSON_DEPTH} levels pass the depth check (the schema judges them)`, async () => {
      const target = (await targets(h())).updateMember;
      const body = `{"firstName":"Ann","x":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
      const res = await send(h(), 'PATCH', target.path, target.authorization, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['x'], code: 'unrecognized_keys' })]);
    });
  });
});
