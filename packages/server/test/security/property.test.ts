import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routes, type RouteDef, type RouteName } from '@seatkit/core/contract';
import { REQUESTS } from './authorization-matrix.js';
import { expectContractError, forEachDatabase, OWNER, tableCounts, tokenFrom, type Harness } from './support.js';

/** Lone surrogates cannot be percent-encoded; a URL carries U+FFFD instead, as a browser would send. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * Property-based tests of the HTTP API: whatever arrives (random JSON bodies, query strings, headers, path ids),
 * the server never answers 500, every rejection is a contract error, a rejected request writes nothing, and every
 * success matches the route's response schema. Bounded: NUM_RUNS per route and a time limit per property.
 * A failure prints fast-check's seed and path; replay with `{ seed, path }` in fc.assert.
 */
const NUM_RUNS = Number(process.env.SEATKIT_PROPERTY_RUNS ?? 60);
const TIME_LIMIT_MS = 25_000;

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x'.repeat(300),
  '<img src=x onerror=alert(1)>',
  "' or 1=1 --",
  '%',
  '%00',
  '../../etc/passwd',
  '\u202Eevil',
  'null',
  'owner',
  'admin',
  'member',
  '__proto__',
  'constructor',
  '日本語',
  '🙂',
  'a@b.co',
  'OWNER@NORTHWIND.TEST ',
];

const nastyString = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY) }, fc.string(), fc.string({ unit: 'binary', maxLength: 40 }));

/** Keys a zod object schema declares (to aim random values at real fields, not only at unknown ones). */
function keysOf(schema: z.core.$ZodType | undefined): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function arbitraries(h: Harness) {
  const { northwind, lakeside } = h.demo;
  const realIds = [
    northwind.orgId,
    northwind.ownerMemberId,
    northwind.adminMemberId,
    northwind.memberMemberId,
    northwind.pendingInvitationId,
    northwind.subscriptions.imagingApp,
    northwind.subscriptions.imagingCloud,
    lakeside.orgId,
    lakeside.ownerMemberId,
    'imaging-app',
    'member',
  ];
  const idLike = fc.oneof(fc.constantFrom(...realIds), nastyString);
  const leaf = fc.oneof(
    { weight: 5, arbitrary: nastyString },
    { weight: 2, arbitrary: fc.constantFrom(...realIds) },
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(-1, 0, 1, 2 ** 53, 1e308, 100, 101),
    fc.constantFrom('members:read', 'seats:assign', 'roles:manage', 'active', 'suspended', 'pending', '2030-01-01T00:00:00Z'),
  );
  const value = fc.oneof({ weight: 3, arbitrary: leaf }, fc.array(leaf, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }));
  const item = fc.dictionary(fc.constantFrom('email', 'role', 'firstName', 'lastName', 'permissions', 'subscriptionIds', 'x'), value, { maxKeys: 6 });
  return { idLike, value, item, realIds };
}

interface RandomRequest {
  method: string;
  path: string;
  body: string | undefined;
  headers: Record<string, string>;
}

function requestArb(h: Harness, def: RouteDef, ownerToken: string, example: { path: string; body?: unknown }): fc.Arbitrary<RandomRequest> {
  const [examplePath, exampleSearch = ''] = example.path.split('?') as [string, string?];
  const templateParts = def.path.split('/');
  const exampleParts = examplePath.split('/');
  const correct = templateParts.flatMap((part, i) => (part.startsWith(':') ? [exampleParts[i]!] : []));
  const { idLike, value, item } = arbitraries(h);
  const params = [...def.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  // Mostly the right id (so the request reaches the handler), sometimes anything.
  const segmentAt = (i: number) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(correct[i]!) },
      { weight: 3, arbitrary: idLike.map((v) => encodeURIComponent(wellFormed(v))) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '..', '.', '%2F', '%00', 'a%2Fb') },
    );
  const bodyKeys = keysOf(def.body);
  const fieldValue = (key: string) =>
    key === 'invitations' ? fc.oneof(fc.array(item, { maxLength: 5 }), value) : key === 'owner' ? fc.oneof(item, value) : value;
  const knownBody = fc.record(Object.fromEntries(bodyKeys.map((k) => [k, fieldValue(k)])), { requiredKeys: [] });
  // A valid body of the route with one field (top level or inside the first item) replaced: reaches the handlers.
  // An example body with no fields (every field optional) is mutated by setting one of the schema's fields.
  const mutableKeys = example.body && typeof example.body === 'object' ? (Object.keys(example.body).length > 0 ? Object.keys(example.body) : bodyKeys) : [];
  const mutated =
    mutableKeys.length > 0
      ? fc.tuple(fc.constantFrom(...mutableKeys), value, fc.boolean(), fc.nat()).map(([key, v, deep, n]) => {
          const copy = structuredClone(example.body) as Record<string, any>;
          const inner = Array.isArray(copy[key]) && copy[key][0] && typeof copy[key][0] === 'object' ? copy[key][0] : null;
          if (deep && inner) inner[Object.keys(inner)[n % Object.keys(inner).length]!] = v;
          else if (deep && Array.isArray(copy[key])) copy[key][0] = v;
          else copy[key] = v;
          return JSON.stringify(copy);
        })
      : fc.constant(undefined);
  const body = fc.oneof(
    { weight: 4, arbitrary: mutated },
    fc.constant(undefined),
    fc.constantFrom('{', '[]', 'null', '"x"', '{"a":', '1e999', '{"__proto__":{"admin":true}}', ''),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    { weight: 4, arbitrary: fc.tuple(knownBody, fc.dictionary(nastyString, value, { maxKeys: 2 }), fc.boolean()).map(([known, extra, withExtra]) => JSON.stringify(withExtra ? { ...extra, ...known } : known)) },
  );
  const queryKeys = [...keysOf(def.query), 'limit', 'cursor', 'x'];
  const exampleQuery = Object.fromEntries(new URLSearchParams(exampleSearch));
  const randomQuery = fc.dictionary(fc.oneof(fc.constantFrom(...queryKeys), nastyString), fc.oneof(nastyString, fc.constantFrom('0', '1', '200', '201', '-1', '1.5', 'eyJ4IjoxfQ', 'WyJhIiwiYiJd')), { maxKeys: 4 });
  const query = Object.keys(exampleQuery).length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(exampleQuery), 'memberId', 'limit'), nastyString).map(([k, v]) => ({ ...exampleQuery, [k]: v })) },
        randomQuery,
      )
    : randomQuery;
  const printable = fc.stringMatching(/^[\x20-\x7e]{0,300}$/);
  const authorization = fc.oneof(
    { weight: 6, arbitrary: fc.constant(def.auth === 'server' ? 'Bearer sk_test' : `Bearer ${ownerToken}`) },
    fc.constant(def.auth === 'server' ? `Bearer ${ownerToken}` : 'Bearer sk_test'),
    fc.constantFrom('', 'Bearer', 'Bearer ', 'Basic b3duZXI6cHc=', `bearer ${ownerToken}`, `Bearer ${ownerToken}x`, `Bearer ${ownerToken} extra`),
    printable,
  );
  const headers = fc.record(
    {
      authorization,
      'idempotency-key': printable,
      'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
      'content-length': fc.constantFrom('0', '1', '999999999', 'abc', '-1'),
      origin: fc.constantFrom('https://evil.example', 'http://localhost:5173', 'null'),
      'x-request-id': printable,
    },
    { requiredKeys: ['authorization'] },
  );
  return fc.record({ segments: fc.tuple(...params.map((_, i) => segmentAt(i))), body, query, headers }).map(({ segments, body, query, headers }) => {
    let i = 0;
    const path = def.path.replace(/:([A-Za-z]+)/g, () => segments[i++]!);
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [wellFormed(k), wellFormed(v)])).toString();
    // A content-length that disagrees with the body is refused by fetch itself; keep it only without a body.
    const { 'content-length': contentLength, ...rest } = headers;
    const finalHeaders: Record<string, string> = { ...rest };
    if (body === undefined && contentLength !== undefined && def.method !== 'GET') finalHeaders['x-claimed-length'] = contentLength;
    return { method: def.method, path: search ? `${path}?${search}` : path, body: def.method === 'GET' ? undefined : body, headers: finalHeaders };
  });
}

async function send(h: Harness, req: RandomRequest) {
  const res = await h.server.fetch(new Request(`http://seatkit.test${req.path}`, { method: req.method, headers: req.headers, body: req.body }));
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, body, headers: res.headers };
}

forEachDatabase((h) => {
  describe('property: random requests never produce a 500, a non-contract error or a partial write', () => {
    for (const name of Object.keys(routes) as RouteName[]) {
      const def = routes[name] as RouteDef;
      it(`${name} (${def.method} ${def.path})`, async () => {
        const ownerToken = await h().server.devToken(OWNER);
        const invite = (await h().server.mailbox()).find((m) => m.to === 'new.hire@northwind.test')!;
        const example = REQUESTS[name](h(), { inviteToken: tokenFrom(invite.text), auth: {} as never });
        await h().call('GET', '/v1/me', { as: OWNER });
        const seen = new Set<number>();
        await fc.assert(
          fc.asyncProperty(requestArb(h(), def, ownerToken, example), async (req) => {
            const before = await tableCounts(h().server.database);
            const res = await send(h(), req);
            seen.add(res.status);
            const label = `${req.method} ${req.path} ${JSON.stringify(req.headers)} ${req.body ?? ''}`.slice(0, 600);
            expect(res.status, label).toBeLessThan(500);
            if (res.status >= 400) {
              expectContractError(res, label);
              expect(await tableCounts(h().server.database), `no partial write: ${label}`).toEqual(before);
            } else if (res.status !== 204 && def.response) {
              // A success matches the contract's response schema.
              expect(z.safeParse(def.response, res.body).success, label).toBe(true);
            }
          }),
          { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
        );
        // The generators reach past authentication: some answers are not 401.
        expect([...seen].some((s) => s !== 401), `statuses seen: ${[...seen]}`).toBe(true);
      }, 60_000);
    }
  });

  describe('property: any body to a bulk route gives one result per item, in order, or a 400 for the whole request', () => {
    it('createInvitations with 1–100 random items', async () => {
      const { item } = arbitraries(h());
      await fc.assert(
        fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 100 }), async (items) => {
          const before = await tableCounts(h().server.database);
          const res = await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations: items } });
          expect(res.status).toBeLessThan(500);
          if (res.status === 200) {
            expect(res.body.results).toHaveLength(items.length);
            const created = res.body.results.filter((r: any) => r.ok).length;
            for (const r of res.body.results) if (!r.ok) expect(typeof r.error.code).toBe('string');
            const after = await tableCounts(h().server.database);
            // Only the successes wrote anything: at most one invitation row per ok result.
            expect(after.invitations! - before.invitations!).toBeLessThanOrEqual(created);
          } else {
            expectContractError(res);
            expect(await tableCounts(h().server.database)).toEqual(before);
          }
        }),
        { numRuns: 30, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
    }, 60_000);
  });
});
