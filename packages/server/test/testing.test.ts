import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type Database, type DemoSeed, type SeatKitServer } from '@seatkit/server';
import { openSnapshot, takeSnapshot } from '../src/db/snapshot.js';
import { createTestServer, dumpTestDatabase, DEMO_USERS, type TestServer } from '../src/testing.js';
import { createTempPgDatabase, databaseTargets } from './helpers.js';

const DAY = 24 * 3600_000;

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

/** What a person sees of the seed: every org's members, invitations and subscriptions, and the mailbox. */
async function visibleSeed(server: TestServer) {
  const owner = server.clientFor(DEMO_USERS.owner.email);
  const lakeside = server.clientFor(DEMO_USERS.lakesideOwner.email);
  const orgs = [
    [owner, server.demo.northwind.orgId],
    [lakeside, server.demo.lakeside.orgId],
  ] as const;
  const seen = [];
  for (const [client, orgId] of orgs) {
    const members = await client.members.list({ orgId, limit: 100 });
    const invitations = await client.invitations.list({ orgId, limit: 100 });
    const subscriptions = await client.subscriptions.list({ orgId });
    seen.push({
      members: members.items.map((m) => [m.email, m.role]).sort(),
      invitations: invitations.items.map((i) => [i.email, i.status]).sort(),
      subscriptions: subscriptions.items.map((s) => [s.product.key, s.seats]).sort(),
    });
  }
  const mailbox = (await server.server.mailbox()).map((m) => [m.to, m.subject]);
  return { seen, mailbox };
}

describe('dumpTestDatabase and createTestServer({ dump })', () => {
  let dump: Blob;
  let fromDump: TestServer;
  beforeAll(async () => {
    await testServer.reset();
    dump = await dumpTestDatabase();
    fromDump = await createTestServer({ dump });
  }, 180_000);
  afterAll(() => fromDump?.close());

  it('opens a server that answers like a freshly seeded one', async () => {
    await testServer.reset();
    expect(await visibleSeed(fromDump)).toEqual(await visibleSeed(testServer));
    // The seed's invitation email opens (the dump was sealed with the same secret) and its link works.
    const [email] = await fromDump.server.mailbox();
    const token = /token=([\w-]+)/.exec(email!.text)?.[1];
    expect(token).toBeTruthy();
    const preview = await fromDump.clientFor(null).invitations.preview({ token: token! });
    expect(preview.email).toBe(DEMO_USERS.invitee.email);
  });

  it('reset() brings the dump\'s seed back after writes, and after changes made straight to the database', async () => {
    const before = await visibleSeed(fromDump);
    const owner = fromDump.clientFor(DEMO_USERS.owner.email);
    await owner.members.add({ orgId: fromDump.demo.northwind.orgId, email: 'after.dump@northwind.test', firstName: 'After', lastName: 'Dump', role: 'member' });
    expect((await visibleSeed(fromDump)).seen[0]!.members).toContainEqual(['after.dump@northwind.test', 'member']);
    await fromDump.reset();
    expect(await visibleSeed(fromDump)).toEqual(before);

    // A write outside the API, and a sequence moved without any row written (nextval hands out cached values
    // without a transaction id): reset() notices both.
    const { database } = fromDump.server;
    const seq = `pg_get_serial_sequence('audit_events', 'seq')`;
    const next = async () => (await database.query<{ n: string }>(`select nextval(${seq}) as n`)).rows[0]!.n;
    const seeded = await next();
    await fromDump.reset();
    await database.query(`update members set first_name = 'Changed' where email = $1`, [DEMO_USERS.member.email]);
    await next();
    await fromDump.reset();
    expect(await visibleSeed(fromDump)).toEqual(before);
    expect((await owner.members.list({ orgId: fromDump.demo.northwind.orgId, query: 'mia', limit: 5 })).items[0]!.firstName).toBe('Mia');
    expect(await next()).toBe(seeded);
    await next();
    await fromDump.reset();
    expect(await next()).toBe(seeded);
    await fromDump.reset();
  });

  it('moves the dump\'s dates to the day it is opened: the demo invitation expires 7 days after, however old the dump', async () => {
    const later = new Date(Date.now() + 30 * DAY);
    vi.useFakeTimers({ toFake: ['Date'], now: later });
    let aged: TestServer | undefined;
    try {
      aged = await createTestServer({ dump });
      const owner = aged.clientFor(DEMO_USERS.owner.email);
      const { items } = await owner.invitations.list({ orgId: aged.demo.northwind.orgId, status: 'pending', limit: 10 });
      expect(items.map((i) => i.email)).toEqual([DEMO_USERS.invitee.email]);
      const invitation = items[0]!;
      // Opened 30 days after the dump: created "now" (within the minutes this test may take), expiring 7 days later.
      expect(Math.abs(new Date(invitation.createdAt).getTime() - later.getTime())).toBeLessThan(10 * 60_000);
      expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).toBe(7 * DAY);
      // reset() returns to the moved dates, not the dump's.
      await owner.invitations.revoke({ orgId: aged.demo.northwind.orgId, invitationId: aged.demo.northwind.pendingInvitationId });
      await aged.reset();
      const again = await owner.invitations.list({ orgId: aged.demo.northwind.orgId, status: 'pending', limit: 10 });
      expect(again.items.map((i) => [i.id, i.expiresAt])).toEqual([[invitation.id, invitation.expiresAt]]);
    } finally {
      vi.useRealTimers();
      await aged?.close();
    }
  });

  it('refuses what is not a dump with an error that says what `dump` must be', async () => {
    await expect(createTestServer({ dump: new Blob(['not a database dump']) })).rejects.toThrow(/could not open its `dump`.*dumpTestDatabase\(\)/);
  });
});

// The copy behind reset() works on any SeatKit database, real Postgres included.
for (const kind of databaseTargets()) {
  describe(`${kind}: takeSnapshot, openSnapshot, shift`, () => {
    let database: Database;
    let server: SeatKitServer;
    let demo: DemoSeed;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      if (kind === 'pglite') database = await createPGliteDatabase();
      else ({ database, drop } = await createTempPgDatabase());
      server = await createSeatKitServer({ database, auth: { mode: 'dev', secret: 'test-secret' }, logger: silentLogger, awaitEmails: true });
      demo = await server.seedDemo();
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await drop?.();
    });

    const expiry = async () =>
      new Date((await database.query<{ expires_at: Date | string }>(`select expires_at from invitations where id = $1`, [demo.northwind.pendingInvitationId])).rows[0]!.expires_at).getTime();
    const members = async () => Number((await database.query<{ n: string }>(`select count(*) as n from members`)).rows[0]!.n);

    it('finds the copy left in the database again, restores it, and moves its dates', async () => {
      expect(await openSnapshot(database, 'absent')).toBeUndefined();
      const taken = await takeSnapshot(database, 'kept');
      const count = await members();
      const expiresAt = await expiry();
      await database.query(`delete from members where id = $1`, [demo.northwind.memberMemberId]);
      expect(await members()).toBe(count - 1);

      // As a server opening a dump does: the copy and when it was taken come from the database, not from memory.
      const opened = (await openSnapshot(database, 'kept'))!;
      expect(opened.takenAt.getTime()).toBe(taken.takenAt.getTime());
      await opened.restore();
      expect(await members()).toBe(count);

      await opened.shift(3 * DAY);
      expect(await expiry()).toBe(expiresAt);
      await opened.restore();
      expect(await expiry()).toBe(expiresAt + 3 * DAY);
      expect(opened.takenAt.getTime()).toBe(taken.takenAt.getTime() + 3 * DAY);
      expect((await openSnapshot(database, 'kept'))!.takenAt.getTime()).toBe(taken.takenAt.getTime() + 3 * DAY);
    });

    it('is taken again from the current data when migrations ran after it', async () => {
      await takeSnapshot(database, 'older');
      await database.query(`insert into seatkit_migrations (name) values ('9999_after_the_snapshot')`);
      try {
        await database.query(`delete from members where id = $1`, [demo.northwind.adminMemberId]);
        const count = await members();
        const reopened = (await openSnapshot(database, 'older'))!;
        await database.query(`delete from members where id = $1`, [demo.northwind.ownerMemberId]);
        await reopened.restore();
        // The copy holds the data as it was when opened (the member deleted before is not back).
        expect(await members()).toBe(count);
      } finally {
        await database.query(`delete from seatkit_migrations where name = '9999_after_the_snapshot'`);
      }
    });
  });
}
