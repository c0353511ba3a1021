import { isDeepStrictEqual } from 'node:util';
import type { SeatKitServer } from '@seatkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ValidationIssueSchema, routes, type RouteName } from '@seatkit/core/contract';
import { compileShape } from '../scripts/generate-client-routes.js';
import { checkShape, type Shape, type ShapeIssue } from '../src/check-shape.js';
import { clientRoutes } from '../src/client-routes.generated.js';
import { member, organization } from './fake-fetch.js';
import { clientAs, invitationTokenFor, MEMBER, OWNER, startServer } from './real-server.js';

type Where = { code: string; path: PropertyKey[] };

/** Both verdicts on `value`: the issues (code and path) of zod and of checkShape, and whether their outputs agree. */
function judge(schema: z.core.$ZodType, shape: Shape, value: unknown) {
  const zod = z.safeParse(schema, value);
  const issues: ShapeIssue[] = [];
  const output = checkShape(shape, value, issues);
  return {
    zod: zod.success ? [] : zod.error.issues.map(({ code, path }): Where => ({ code, path })),
    ours: issues.map(({ code, path }): Where => ({ code, path })),
    sameOutput: !zod.success || isDeepStrictEqual(output, zod.data),
  };
}

const responseOf = (name: RouteName) => ({ schema: routes[name].response!, shape: clientRoutes[name].response! });

describe('checkShape agrees with zod on hand-made mismatches', () => {
  const page = { items: [member, { ...member, id: 'mem_3', permissions: ['members:read', 'root:all'] }], nextCursor: null };
  it.each([
    ['a missing field', 'getOrganization', { ...organization, ownerMemberId: undefined }, [{ code: 'invalid_type', path: ['ownerMemberId'] }]],
    ['a wrong type', 'getOrganization', { ...organization, name: 5 }, [{ code: 'invalid_type', path: ['name'] }]],
    ['a bad enum value', 'getMember', { ...member, status: 'deleted' }, [{ code: 'invalid_value', path: ['status'] }]],
    ['null where not nullable', 'getMember', { ...member, email: null }, [{ code: 'invalid_type', path: ['email'] }]],
    ['a wrong element of a nested array', 'listMembers', page, [{ code: 'invalid_value', path: ['items', 1, 'permissions', 1] }]],
    ['an empty id', 'getMember', { ...member, id: '' }, [{ code: 'too_small', path: ['id'] }]],
    ['a timestamp that is not ISO', 'getMember', { ...member, createdAt: 'yesterday' }, [{ code: 'invalid_format', path: ['createdAt'] }]],
    ['an unknown discriminator', 'createInvitations', { results: [{ ok: 'maybe', email: 'm' }] }, [{ code: 'invalid_union', path: ['results', 0, 'ok'] }]],
    // A bulk assignment's item is a member's result or an invitation's: a plain union of two discriminated ones.
    ['an item that is neither a seat nor a reservation', 'assignSeats', { results: [{ ok: 'maybe', memberId: 'm' }] }, [{ code: 'invalid_union', path: ['results', 0] }]],
    ['a reservation without its invitation', 'assignSeats', { results: [{ ok: true, invitationId: 'inv_1' }] }, [{ code: 'invalid_union', path: ['results', 0] }]],
    ['a list where a record belongs', 'listAuditEvents', { items: [{ id: 'a', orgId: 'o', actorMemberId: null, actorEmail: null, action: 'x', targetType: 't', targetId: null, data: [], requestId: null, createdAt: organization.createdAt }], nextCursor: null }, [{ code: 'invalid_type', path: ['items', 0, 'data'] }]],
    ['several mismatches at once', 'getOrganization', { id: 5, name: null }, [
      { code: 'invalid_type', path: ['id'] },
      { code: 'invalid_type', path: ['name'] },
      { code: 'invalid_type', path: ['ownerMemberId'] },
      { code: 'invalid_type', path: ['locale'] },
      { code: 'invalid_type', path: ['createdAt'] },
    ]],
  ] as const)('%s', (_, name, body, expected) => {
    const { schema, shape } = responseOf(name);
    const verdict = judge(schema, shape, body);
    expect(verdict.ours).toEqual(expected);
    expect(verdict.zod).toEqual(expected);
  });

  it('drops unknown keys from the output, as zod does', () => {
    const issues: ShapeIssue[] = [];
    const output = checkShape(responseOf('getOrganization').shape, { ...organization, addedLater: true }, issues);
    expect(issues).toEqual([]);
    expect(output).toEqual(organization);
    expect(output).not.toHaveProperty('addedLater');
  });

  it('keeps the keys of a record, even `__proto__`, as own data', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const output = checkShape({ type: 'record', of: { type: 'unknown' } }, data, []) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what it expected and what it got', () => {
    const issues: ShapeIssue[] = [];
    checkShape(responseOf('getMember').shape, { ...member, email: undefined, status: 'deleted' }, issues);
    expect(issues).toEqual([
      { code: 'invalid_type', path: ['email'], message: 'Expected string, received undefined' },
      { code: 'invalid_value', path: ['status'], message: 'Expected "active" | "suspended"' },
    ]);
  });

  it('checks a plain union (the contract’s validation issue path) like zod', () => {
    const shape = compileShape(ValidationIssueSchema);
    for (const value of [
      { path: ['a', 0], message: 'm' },
      { path: ['a', true], message: 'm' },
      { path: [null], message: 'm', code: 'x' },
      { path: 'a', message: 'm' },
      { path: [], message: 'm', code: 1 },
    ]) {
      const verdict = judge(ValidationIssueSchema, shape, value);
      expect(verdict.ours, JSON.stringify(value)).toEqual(verdict.zod);
      expect(verdict.sameOutput).toBe(true);
    }
  });

  it('checks integers like zod', () => {
    const schema = z.object({ n: z.number().check(z.int()) });
    const shape = compileShape(schema);
    for (const n of [1, -3, 1.5, 2 ** 53, -(2 ** 53), '1', null]) {
      const verdict = judge(schema, shape, { n });
      expect(verdict.ours, String(n)).toEqual(verdict.zod);
    }
  });
});

describe('checkShape agrees with zod on every response of the real server, and on mutations of them', () => {
  let server: SeatKitServer;
  const recorded: { name: RouteName; body: unknown }[] = [];

  /** Which route a request went to, by method and path pattern. */
  const routeOf = (method: string, pathname: string): RouteName | undefined =>
    (Object.keys(routes) as RouteName[]).find(
      (name) => routes[name].method === method && new RegExp(`^${routes[name].path.replace(/:[A-Za-z]+/g, '[^/]+')}$`).test(pathname),
    );

  afterAll(async () => {
    await server?.close();
  });

  // Recorded once for the whole block: the tests below only read `recorded`.
  beforeAll(async () => {
    server = await startServer();
    const demo = await server.seedDemo();
    // The client talks to the real app; every 2xx body is kept (before the client checks it) with its route.
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const response = await server.fetch(request);
      const name = routeOf(request.method, new URL(request.url).pathname);
      if (name && response.ok && response.status !== 204) recorded.push({ name, body: await response.clone().json() });
      return response;
    }) as typeof globalThis.fetch;
    const orgId = demo.northwind.orgId;
    const { imagingCloud } = demo.northwind.subscriptions;
    const owner = clientAs(server, OWNER, { fetch });
    const provisioning = clientAs(server, null, { serverKey: 'sk_test', fetch });

    await owner.me();
    // A webhook endpoint first, so that the changes below queue deliveries to it (nothing sends them: no jobs run here).
    const endpoint = await provisioning.webhookEndpoints.create({ url: 'https://93.184.215.14/hooks', description: 'Every event' });
    await owner.organizations.get({ orgId });
    await owner.members.list({ orgId, limit: 5 });
    await owner.members.get({ orgId, memberId: demo.northwind.memberMemberId });
    const added = await owner.members.add({ orgId, email: 'added@example.com', firstName: 'Ada', lastName: 'Added', role: 'member' });
    await owner.members.update({ orgId, memberId: added.id, lastName: 'Renamed', permissions: ['audit:read'] });
    // One ok and one failed item: both branches of the discriminated union.
    const { results } = await owner.invitations.create({
      orgId,
      invitations: [{ email: 'guest@example.com', role: 'member', firstName: 'Gus', subscriptionIds: [imagingCloud] }, { email: OWNER, role: 'member' }],
    });
    const invitation = results.find((result) => result.ok)!;
    await owner.invitations.resend({ orgId, invitationId: invitation.ok ? invitation.invitation.id : '' });
    const token = await invitationTokenFor(server, 'guest@example.com');
    await clientAs(server, null, { fetch }).invitations.preview({ token });
    await clientAs(server, 'guest@example.com', { fetch }).invitations.accept({ token });
    await owner.invitations.revoke({ orgId, invitationId: demo.northwind.pendingInvitationId });
    await owner.invitations.list({ orgId });
    await owner.roles.create({ orgId, key: 'auditor', name: 'Auditor', permissions: ['audit:read'] });
    await owner.roles.update({ orgId, roleKey: 'auditor', name: 'Auditors' });
    await owner.roles.list({ orgId });
    await owner.seats.assign({ orgId, subscriptionId: imagingCloud, memberIds: [added.id, 'mem_unknown'] });
    // The other branches of a bulk assignment's items: a reservation for a pending invitee, and a refused invitation.
    const later = (await owner.invitations.create({ orgId, invitations: [{ email: 'later@example.com', role: 'member' }] })).results[0]!;
    const reserved = await owner.seats.assign({
      orgId,
      subscriptionId: demo.northwind.subscriptions.imagingApp,
      invitationIds: [later.ok ? later.invitation.id : '', demo.northwind.pendingInvitationId],
    });
    expect(reserved.results.map((r) => r.ok)).toEqual([true, false]);
    await owner.seats.list({ orgId, subscriptionId: imagingCloud });
    await owner.subscriptions.list({ orgId });
    await owner.access.check({ orgId, product: 'imaging-cloud', memberId: added.id });
    await owner.access.check({ orgId, product: 'imaging-cloud', memberId: demo.northwind.memberMemberId });
    await owner.audit.list({ orgId, limit: 10 });
    await provisioning.products.create({ key: 'x-ray', name: 'X-Ray' });
    const harbor = await provisioning.organizations.create({ name: 'Harbor', owner: { email: 'boss@harbor.test', firstName: 'Hana', lastName: 'Harbor' } });
    const subscription = await provisioning.subscriptions.create({ orgId: harbor.organization.id, productKey: 'x-ray', seatLimit: 3 });
    await provisioning.subscriptions.update({ orgId: harbor.organization.id, subscriptionId: subscription.id, seatLimit: 5, status: 'past_due' });
    // Seat lifecycle: a request made, one denied, the seeded one approved (on the seat `added` gives back), idle seats, usage.
    const asked = await clientAs(server, MEMBER, { fetch }).seatRequests.create({ orgId, product: 'imaging-cloud', note: 'For the audit' });
    await owner.seatRequests.list({ orgId, status: 'pending' });
    await owner.seatRequests.deny({ orgId, requestId: asked.id, reason: 'Not this quarter' });
    await owner.seats.unassign({ orgId, subscriptionId: imagingCloud, memberId: added.id });
    await owner.seatRequests.approve({ orgId, requestId: demo.northwind.pendingSeatRequestId });
    await owner.seats.idle({ orgId, subscriptionId: demo.northwind.subscriptions.imagingApp, idleDays: 1 });
    await owner.seats.reclaim({ orgId, subscriptionId: demo.northwind.subscriptions.imagingApp, idleDays: 1, memberIds: ['mem_unknown'] });
    await owner.subscriptions.setReclaimPolicy({ orgId, subscriptionId: demo.northwind.subscriptions.imagingApp, reclaimPolicy: { idleDays: 60, warnDays: 7 } });
    await owner.subscriptions.usage({ orgId, days: 7 });
    await owner.organizations.update({ orgId, locale: 'fr' });
    await owner.organizations.transferOwnership({ orgId, memberId: demo.northwind.adminMemberId });
    // Webhooks: the endpoint read, changed, its secret rotated, its deliveries listed and one sent again.
    const endpointId = endpoint.id;
    await provisioning.webhookEndpoints.list({});
    await provisioning.webhookEndpoints.get({ endpointId });
    await provisioning.webhookEndpoints.update({ endpointId, description: 'All of them' });
    await provisioning.webhookEndpoints.rotateSecret({ endpointId });
    const deliveries = await provisioning.webhookEndpoints.deliveries({ endpointId, limit: 5 });
    expect(deliveries.items.length).toBeGreaterThan(0);
    await provisioning.webhookEndpoints.retryDelivery({ endpointId, deliveryId: deliveries.items[0]!.id });
  });

  it('saw a real response of every route that has a body', () => {
    const withBody = (Object.keys(routes) as RouteName[]).filter((name) => routes[name].response !== null);
    expect([...new Set(recorded.map((r) => r.name))].sort()).toEqual(withBody.sort());
    // Both union branches and an access denial with its reason were among them.
    expect(JSON.stringify(recorded)).toMatch(/"ok":false/);
    expect(JSON.stringify(recorded)).toMatch(/"reason":"no_seat"/);
  });

  it('accepts every real response with the same output as zod', () => {
    for (const { name, body } of recorded) {
      const { schema, shape } = responseOf(name);
      expect(judge(schema, shape, body), name).toEqual({ zod: [], ours: [], sameOutput: true });
    }
  });

  it('rejects and accepts the same mutated responses, with the same issue codes and paths', () => {
    let rejected = 0;
    let accepted = 0;
    const disagreements: unknown[] = [];
    for (const { name, body } of recorded) {
      const { schema, shape } = responseOf(name);
      for (const { what, value } of mutations(shorten(body))) {
        const verdict = judge(schema, shape, value);
        if (!isDeepStrictEqual(firstPerPath(verdict.zod), verdict.ours) || !verdict.sameOutput) disagreements.push({ name, what, ...verdict });
        if (verdict.zod.length) rejected++;
        else accepted++;
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // The mutations must exercise both verdicts, or the comparison proves nothing.
    expect(rejected).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(100);
  });
});

/**
 * The first issue at each path. zod also runs a string's length check on a non-string that has a
 * length (`[]` for an id: `invalid_type` and then `too_small`, both at the same path); checkShape
 * reports the type mismatch alone.
 */
function firstPerPath(issues: Where[]): Where[] {
  const seen = new Set<string>();
  return issues.filter(({ path }) => !seen.has(JSON.stringify(path)) && !!seen.add(JSON.stringify(path)));
}

/** The body with every array cut to its first two items: the same shapes, fewer mutations. */
function shorten(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(shorten);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  return value;
}

/** Values put in place of each node: together they break every kind of field the contract has, and fit some. */
const REPLACEMENTS: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a fraction', 1.5],
  ['a word', 'bogus'],
  ['an empty string', ''],
  ['65 characters', 'x'.repeat(65)],
  ['true', true],
  ['false', false],
  ['an empty array', []],
  ['an array of a word', ['bogus']],
  ['an empty object', {}],
];

/** Every single-point change of `body`: each node replaced, each object key removed, an unknown key added to each object. */
function* mutations(body: unknown): Generator<{ what: string; value: unknown }> {
  const at = (path: PropertyKey[], change: (parent: Record<PropertyKey, unknown>, key: PropertyKey) => void): unknown => {
    const copy = structuredClone(body);
    const parent = path.slice(0, -1).reduce<Record<PropertyKey, unknown>>((node, key) => node[key] as Record<PropertyKey, unknown>, copy as Record<PropertyKey, unknown>);
    change(parent, path.at(-1)!);
    return copy;
  };
  function* walk(node: unknown, path: PropertyKey[]): Generator<{ what: string; value: unknown }> {
    const where = path.join('.') || '(root)';
    for (const [label, replacement] of REPLACEMENTS) {
      yield { what: `${where} = ${label}`, value: path.length ? at(path, (parent, key) => (parent[key] = structuredClone(replacement))) : replacement };
    }
    if (node === null || typeof node !== 'object') return;
    if (!Array.isArray(node)) {
      const extraPath = [...path, 'unexpectedKey'];
      yield { what: `${where} + unknown key`, value: at(extraPath, (parent, key) => (parent[key] = 1)) };
      for (const key of Object.keys(node)) yield { what: `${where} - ${key}`, value: at([...path, key], (parent, k) => delete parent[k]) };
    }
    for (const [key, child] of Object.entries(node)) yield* walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
  }
  yield* walk(body, []);
}
