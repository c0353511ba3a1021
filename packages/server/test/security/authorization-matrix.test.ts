import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { routes, type RouteName } from '@seatkit/core/contract';
import { CALLERS, MATRIX, renderMatrixMarkdown, REQUESTS, type Caller, type World } from './authorization-matrix.js';
import { expectContractError, forEachDatabase, LAKESIDE_OWNER, MEMBER, OWNER, tableCounts, tokenFrom, type CallOptions, type Harness } from './support.js';

const DOC = new URL('../../../../docs/authorization-matrix.md', import.meta.url);

const EMAILS: Partial<Record<Caller, string>> = {
  owner: OWNER,
  admin: 'admin@northwind.test',
  member: MEMBER,
  custom: 'clerk@northwind.test',
  suspended: 'suspended@northwind.test',
  invitee: 'new.hire@northwind.test',
  outsider: 'outsider@example.com',
  otherOrg: LAKESIDE_OWNER,
};


/** The demo seed plus a custom-role member, a suspended member and an unused custom role; every caller's user row exists. */
async function prepare(h: Harness): Promise<World> {
  const owner = { as: OWNER };
  const endpoint = await h.call('POST', '/v1/webhook-endpoints', { serverKey: true, body: { url: 'https://93.184.215.14/hooks' } });
  expect(endpoint.status).toBe(201);
  await h.call('POST', h.nw('/roles'), { ...owner, body: { key: 'seat-clerk', name: 'Seat clerk', permissions: ['seats:read', 'seats:assign', 'audit:read'] } });
  await h.call('POST', h.nw('/roles'), { ...owner, body: { key: 'spare-role', name: 'Spare', permissions: ['members:read'] } });
  await h.call('POST', h.nw('/members'), { ...owner, body: { email: EMAILS.custom, firstName: 'Cleo', lastName: 'Clerk', role: 'seat-clerk' } });
  const suspended = await h.call('POST', h.nw('/members'), { ...owner, body: { email: EMAILS.suspended, firstName: 'Sam', lastName: 'Suspended', role: 'admin' } });
  const s = await h.call('PATCH', h.nw(`/members/${suspended.body.id}`), { ...owner, body: { status: 'suspended' } });
  expect(s.body.status).toBe('suspended');
  const invitation = (await h.server.mailbox()).find((m) => m.to === EMAILS.invitee)!;

  // Expired: signed 40 days ago, valid for 30.
  h.clock.offsetMs = -40 * 24 * 3600_000;
  const expired = await h.server.devToken(OWNER);
  h.clock.offsetMs = 0;
  const forged = await new SignJWT({ email: OWNER })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('not-the-server-secret'));

  const auth = {} as Record<Caller, CallOptions>;
  for (const caller of CALLERS) {
    const email = EMAILS[caller];
    if (email) auth[caller] = { as: email };
  }
  auth.noToken = {};
  auth.expired = { token: expired };
  auth.malformed = { token: 'not-a-jwt' };
  auth.forged = { token: forged };
  auth.serverKey = { serverKey: true };
  // Signing in creates the user row (just-in-time); do it now so denied calls below must leave every count unchanged.
  for (const caller of CALLERS) if (EMAILS[caller]) await h.call('GET', '/v1/me', auth[caller]);
  const deliveries = await h.call('GET', `/v1/webhook-endpoints/${endpoint.body.id}/deliveries`, { serverKey: true });
  expect(deliveries.body.items.length).toBeGreaterThan(0);
  return { inviteToken: tokenFrom(invitation.text), auth, webhookEndpointId: endpoint.body.id, webhookDeliveryId: deliveries.body.items[0].id };
}

describe('the matrix covers the contract', () => {
  it('has a row and a request for every route, and a cell for every caller', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(routes).sort());
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(routes).sort());
    for (const row of Object.values(MATRIX)) expect(Object.keys(row).sort()).toEqual([...CALLERS].sort());
  });

  it('docs/authorization-matrix.md is generated from it (UPDATE_DOCS=1 rewrites it)', () => {
    const markdown = renderMatrixMarkdown();
    if (process.env.UPDATE_DOCS === '1') {
      mkdirSync(new URL('.', DOC), { recursive: true });
      writeFileSync(DOC, markdown);
    }
    expect(existsSync(DOC), 'run with UPDATE_DOCS=1 to generate docs/authorization-matrix.md').toBe(true);
    expect(readFileSync(DOC, 'utf8')).toBe(markdown);
  });
});

forEachDatabase((h) => {
  describe('authorization matrix: every route × every caller', () => {
    for (const name of Object.keys(routes) as RouteName[]) {
      const def = routes[name];
      it(`${name} (${def.method} ${def.path})`, async () => {
        let world = await prepare(h());
        for (const caller of CALLERS) {
          const expected = MATRIX[name][caller];
          const req = REQUESTS[name](h(), world);
          const label = `${name} as ${caller}`;
          const before = await tableCounts(h().server.database);
          const res = await h().call(req.method, req.path, { ...world.auth[caller], ...(req.body !== undefined ? { body: req.body } : {}) });
          expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(expected.status);
          if (expected.code) {
            expect(expectContractError(res, label)).toBe(expected.code);
            if (expected.code === 'forbidden' && 'permission' in def && name !== 'acceptInvitation') {
              expect(res.body.error.details, label).toEqual({ permission: def.permission });
            }
            if (name === 'acceptInvitation' && expected.code === 'forbidden') expect(res.body.error.details).toEqual({ reason: 'email_mismatch' });
            // A denied call writes nothing.
            expect(await tableCounts(h().server.database), label).toEqual(before);
          }
          if (expected.note) expect(`allowed: ${res.body.allowed}, reason ${res.body.reason}`, label).toBe(expected.note);
          if (name === 'checkAccess' && !expected.note && expected.status === 200) expect(typeof res.body.allowed).toBe('boolean');
          if (res.status < 300 && def.method !== 'GET') {
            // A successful change: start the next caller from fresh data.
            await h().server.reset();
            h().demo = await h().server.seedDemo();
            world = await prepare(h());
          }
        }
      });
    }
  });

  describe('object ids of another organization are not found, even for a caller who belongs to both', () => {
    it('members, seats, invitations, subscriptions and reservations across the tenant boundary', async () => {
      // admin@northwind.test is an admin in Lakeside too: ids of one org must not work through the other's path.
      const admin = { as: 'admin@northwind.test' };
      const { northwind, lakeside } = h().demo;
      const before = await tableCounts(h().server.database);
      const lakesideSubs = await h().call('GET', `/v1/orgs/${lakeside.orgId}/subscriptions`, admin);
      const lakesideSub = lakesideSubs.body.items[0].id as string;
      const viaNorthwind = [
        ['GET', h().nw(`/members/${lakeside.ownerMemberId}`)],
        ['PATCH', h().nw(`/members/${lakeside.ownerMemberId}`), { firstName: 'X' }],
        ['DELETE', h().nw(`/members/${lakeside.ownerMemberId}`)],
        ['GET', h().nw(`/subscriptions/${lakesideSub}/seats`)],
        ['DELETE', h().nw(`/subscriptions/${lakesideSub}/seats/${lakeside.ownerMemberId}`)],
        ['POST', h().nw(`/subscriptions/${lakesideSub}/seats`), { memberIds: [northwind.memberMemberId] }],
        ['POST', h().nw('/ownership'), { memberId: lakeside.ownerMemberId }],
        ['POST', `/v1/orgs/${lakeside.orgId}/invitations/${northwind.pendingInvitationId}/resend`],
        ['DELETE', `/v1/orgs/${lakeside.orgId}/invitations/${northwind.pendingInvitationId}`],
      ] as const;
      for (const [method, path, body] of viaNorthwind) {
        const res = await h().call(method, path, { ...admin, ...(body ? { body } : {}) });
        // Transfer is owner-only, so the admin is stopped before the id is looked at.
        const expected = path.endsWith('/ownership') ? 403 : 404;
        expect(res.status, `${method} ${path}`).toBe(expected);
        expectContractError(res, `${method} ${path}`);
      }
      const owner = await h().call('POST', h().nw('/ownership'), { as: OWNER, body: { memberId: lakeside.ownerMemberId } });
      expect(owner.status).toBe(404);
      // Bulk items: a member of another org and a subscription of another org fail alone.
      const seats = await h().call('POST', h().nw(`/subscriptions/${northwind.subscriptions.imagingCloud}/seats`), { as: OWNER, body: { memberIds: [lakeside.ownerMemberId] } });
      expect(seats.body.results[0]).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const invite = await h().call('POST', h().nw('/invitations'), { as: OWNER, body: { invitations: [{ email: 'x@example.com', role: 'member', subscriptionIds: [lakesideSub] }] } });
      expect(invite.body.results[0]).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const access = await h().call('GET', h().nw(`/access?product=imaging-app&memberId=${lakeside.ownerMemberId}`), { as: OWNER });
      expect(access.body).toEqual({ allowed: false, reason: 'not_a_member' });
      expect(await tableCounts(h().server.database)).toEqual(before);
    });

    it('an unknown organization id answers exactly like an existing one the caller is not in', async () => {
      const known = await h().call('GET', `/v1/orgs/${h().demo.lakeside.orgId}/members`, { as: MEMBER });
      const unknown = await h().call('GET', '/v1/orgs/org_00000000000000000000000000000000/members', { as: MEMBER });
      expect([known.status, unknown.status]).toEqual([404, 404]);
      expect(known.body.error.message).toBe(unknown.body.error.message);
      const accessKnown = await h().call('GET', `/v1/orgs/${h().demo.lakeside.orgId}/access?product=imaging-app`, { as: MEMBER });
      const accessUnknown = await h().call('GET', '/v1/orgs/org_nope/access?product=imaging-app', { as: MEMBER });
      expect(accessKnown.body).toEqual(accessUnknown.body);
    });
  });
});
