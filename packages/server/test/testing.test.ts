import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, DEMO_USERS, type TestServer } from '../src/testing.js';

let testServer: TestServer;
beforeAll(async () => {
  testServer = await createTestServer();
}, 120_000);
afterAll(() => testServer.close());

const owner = () => testServer.clientFor(DEMO_USERS.owner.email);
const orgId = () => testServer.demo.northwind.orgId;
const emails = async () => (await owner().members.list({ orgId: orgId(), limit: 100 })).items.map((m) => m.email).sort();
const count = async (table: string) => Number((await testServer.server.database.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);

describe('createTestServer: reset, snapshot, restore', () => {
  it('reset() drops what was written since and brings the demo seed back, ids and sequences included', async () => {
    const seeded = await emails();
    const audit = await count('audit_events');
    await owner().members.add({ orgId: orgId(), email: 'written.after@northwind.test', firstName: 'Written', lastName: 'After', role: 'member' });
    await owner().members.remove({ orgId: orgId(), memberId: testServer.demo.northwind.memberMemberId });
    await owner().invitations.revoke({ orgId: orgId(), invitationId: testServer.demo.northwind.pendingInvitationId });
    expect(await emails()).toContain('written.after@northwind.test');

    const demo = await testServer.reset();

    expect(demo).toEqual(testServer.demo);
    expect(await emails()).toEqual(seeded);
    expect(await emails()).toContain(DEMO_USERS.member.email);
    expect(await count('audit_events')).toBe(audit);
    const pending = await owner().invitations.list({ orgId: orgId(), status: 'pending', limit: 100 });
    expect(pending.items.map((i) => i.id)).toEqual([demo.northwind.pendingInvitationId]);
    // The seed's invitation email is in the mailbox again (its link works), and nothing sent after it.
    expect((await testServer.server.mailbox()).map((m) => m.to)).toEqual([DEMO_USERS.invitee.email]);
    // Generated columns are computed again: search finds the restored members.
    const found = await owner().members.list({ orgId: orgId(), query: 'mia', limit: 10 });
    expect(found.items.map((m) => m.email)).toEqual([DEMO_USERS.member.email]);
    // Writing after a reset works: the sequences carry on from the seed's values without collisions.
    await owner().members.add({ orgId: orgId(), email: 'again@northwind.test', firstName: 'Again', lastName: 'Later', role: 'member' });
    expect(await emails()).toContain('again@northwind.test');
  });

  it('restore() returns to the last snapshot(), and reset() still to the demo seed', async () => {
    await testServer.reset();
    await testServer.server.seedMembers(orgId(), 500);
    await testServer.snapshot();
    const members = await count('members');

    await owner().members.add({ orgId: orgId(), email: 'after.snapshot@northwind.test', firstName: 'After', lastName: 'Snapshot', role: 'member' });
    expect(await count('members')).toBe(members + 1);
    await testServer.restore();
    expect(await count('members')).toBe(members);
    expect(await emails()).not.toContain('after.snapshot@northwind.test');

    await testServer.reset();
    expect(await count('members')).toBe(members - 500);
  });
});
