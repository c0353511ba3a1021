import { routes } from '@seatkit/core/contract';
import { createPGliteDatabase, type Database } from '@seatkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrations.js';
import { ApiError } from '../src/errors.js';
import { authorize } from '../src/pipeline/authorize.js';
import { idempotencyClaim, idempotent } from '../src/pipeline/idempotency.js';
import { checkParams, MAX_BODY_BYTES, readBody, validateQuery } from '../src/pipeline/validate.js';

// Each stage of the request pipeline, alone: plain values in, a value or an ApiError out.

const rejection = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected an ApiError');
};

const post = (body: string, headers: Record<string, string> = {}) => new Request('http://x/v1/orgs/o/roles', { method: 'POST', body, headers });

describe('validate', () => {
  it('passes ordinary path params and answers 404 for ones that name nothing', async () => {
    expect(checkParams({ orgId: 'o1' })).toEqual({ orgId: 'o1' });
    expect((await rejection(() => checkParams({ orgId: 'a\u0000' }))).code).toBe('not_found');
    expect((await rejection(() => checkParams({ orgId: 'a'.repeat(201) }))).code).toBe('not_found');
  });

  it("checks the query with the route's schema", async () => {
    expect(validateQuery(routes.me, 'http://x/v1/me?anything=1')).toEqual({});
    expect(validateQuery(routes.listMembers, 'http://x/v1/orgs/o/members?limit=10&status=active')).toEqual({ limit: '10', status: 'active' });
    const bad = await rejection(() => validateQuery(routes.listMembers, 'http://x/v1/orgs/o/members?limit=0&color=red'));
    expect(bad.code).toBe('validation_failed');
    expect((bad.details as { path: string[] }[]).map((i) => i.path.join('.')).sort()).toEqual(['color', 'limit']);
  });

  it("reads a JSON object body and checks it with the route's schema", async () => {
    const role = { key: 'editor', name: 'Editor', permissions: ['members:read'] };
    expect((await readBody(routes.createRole, post(JSON.stringify(role)))).value).toEqual(role);
    expect((await readBody(routes.removeMember, post(''))).value).toEqual({});
    expect((await rejection(() => readBody(routes.createRole, post('{nope')))).details).toEqual([{ path: [], message: 'The body is not valid JSON', code: 'invalid_json' }]);
    expect((await rejection(() => readBody(routes.createRole, post('[]')))).code).toBe('validation_failed');
    expect((await rejection(() => readBody(routes.removeMember, post('{"x":1}')))).code).toBe('validation_failed');
    expect((await rejection(() => readBody(routes.createRole, post('{}', { 'content-length': String(MAX_BODY_BYTES + 1) })))).code).toBe('payload_too_large');
  });
});

describe('authorize', () => {
  const member = (role: string) => ({ role, grants: [], role_permissions: null });

  it("needs the route's permission and nothing for a route without one", async () => {
    expect(() => authorize(routes.removeMember, member('admin'))).not.toThrow();
    expect(await rejection(() => authorize(routes.removeMember, member('member')))).toEqual({ code: 'forbidden', details: { permission: 'members:remove' } });
    expect((await rejection(() => authorize(routes.removeMember, null))).code).toBe('forbidden');
    expect(() => authorize(routes.getOrganization, null)).not.toThrow();
  });
});

describe('idempotent transaction', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createPGliteDatabase();
    await migrate(database);
  });
  afterAll(() => database.close());

  it('runs the work once per key, replays its answer and refuses the key for another request', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const claim = await idempotencyClaim('k1', 'user:u1', 'POST /v1/orgs/o/roles', '{"key":"a"}', now);
    let runs = 0;
    const work = async () => ({ status: 201, payload: { run: ++runs } });

    expect(await database.transaction((tx) => idempotent(tx, claim, work))).toEqual({ status: 201, payload: { run: 1 }, replayed: false });
    expect(await database.transaction((tx) => idempotent(tx, claim, work))).toEqual({ status: 201, payload: { run: 1 }, replayed: true });
    expect(runs).toBe(1);

    const other = await idempotencyClaim('k1', 'user:u1', 'POST /v1/orgs/o/roles', '{"key":"b"}', now);
    expect((await rejection(() => database.transaction((tx) => idempotent(tx, other, work)))).code).toBe('idempotency_conflict');
    // Another caller's key of the same name is its own.
    const theirs = await idempotencyClaim('k1', 'user:u2', 'POST /v1/orgs/o/roles', '{"key":"b"}', now);
    expect((await database.transaction((tx) => idempotent(tx, theirs, work))).replayed).toBe(false);
    // After a day the key starts a new request.
    const later = await idempotencyClaim('k1', 'user:u1', 'POST /v1/orgs/o/roles', '{"key":"b"}', new Date('2026-01-02T00:00:01Z'));
    expect(await database.transaction((tx) => idempotent(tx, later, work))).toEqual({ status: 201, payload: { run: 3 }, replayed: false });
  });

  it('runs the work without a key and refuses a malformed key', async () => {
    expect(await database.transaction((tx) => idempotent(tx, null, async () => ({ status: 200, payload: 1 })))).toEqual({ status: 200, payload: 1, replayed: false });
    expect(await idempotencyClaim(undefined, 'server', 'POST /v1/products', '', new Date())).toBeNull();
    expect((await rejection(() => idempotencyClaim('', 'server', 'POST /v1/products', '', new Date()))).code).toBe('validation_failed');
  });
});
