import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPGliteDatabase, createSeatKitServer, silentLogger } from '@seatkit/server';
import { describe, expect, it } from 'vitest';
import { ADMIN, forEachDatabase, LAKESIDE_OWNER, MEMBER, OWNER } from './helpers.js';

const DAY = 24 * 3600_000;

forEachDatabase((h) => {
  const app = () => h().demo.northwind.subscriptions.imagingApp;
  // A token minted at the server's (moved) clock: one cached from an earlier test would have expired days ago.
  const as = async (email: string) => ({ token: await h().server.devToken(email) });
  const idle = async (query = '', email = ADMIN) => h().call('GET', h().nw(`/subscriptions/${app()}/idle-seats${query}`), await as(email));
  const reclaim = async (body: unknown, email = ADMIN, headers?: Record<string, string>) =>
    h().call('POST', h().nw(`/subscriptions/${app()}/reclaim`), { ...(await as(email)), body, ...(headers ? { headers } : {}) });
  const access = async (email: string) => h().call('GET', h().nw('/access?product=imaging-app'), await as(email));
  const at = (days: number, minutes = 0) => (h().clock.offsetMs = days * DAY + minutes * 60_000);
  const seat = async (memberId: string) =>
    (await h().server.database.query<{ last_used_at: Date | null; idle_warned_at: Date | null }>(`select last_used_at, idle_warned_at from seat_assignments where subscription_id = $1 and member_id = $2`, [app(), memberId])).rows[0];
  const seatCount = async () => Number((await h().server.database.query<{ n: number }>(`select count(*)::int as n from seat_assignments where subscription_id = $1`, [app()])).rows[0]!.n);

  it('the access check stamps lastUsedAt at most once every five minutes', async () => {
    const { memberMemberId } = h().demo.northwind;
    expect((await seat(memberMemberId))!.last_used_at).toBeNull();
    expect((await access(MEMBER)).body.allowed).toBe(true);
    const first = (await seat(memberMemberId))!.last_used_at;
    expect(first).not.toBeNull();
    at(0, 2);
    await access(MEMBER);
    expect((await seat(memberMemberId))!.last_used_at).toEqual(first);
    at(0, 6);
    await access(MEMBER);
    expect(new Date((await seat(memberMemberId))!.last_used_at!).getTime()).toBeGreaterThan(new Date(first!).getTime());
  });

  it('the dry run lists seats unused for idleDays, oldest use first, with their count; never used counts from assignedAt', async () => {
    const { ownerMemberId, memberMemberId } = h().demo.northwind;
    at(10);
    await access(MEMBER);
    at(35);
    const one = await idle('?idleDays=30');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ idleDays: 30, count: 1, nextCursor: null });
    expect(one.body.items).toEqual([{ memberId: ownerMemberId, member: { id: ownerMemberId, email: OWNER, firstName: 'Olivia', lastName: 'Owner' }, assignedAt: expect.any(String), lastUsedAt: null }]);
    at(45);
    const page1 = await idle('?idleDays=30&limit=1');
    expect(page1.body).toMatchObject({ count: 2, items: [{ memberId: ownerMemberId }] });
    const page2 = await idle(`?idleDays=30&limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((s: any) => [s.memberId, s.lastUsedAt !== null])).toEqual([[memberMemberId, true]]);
    expect(page2.body.nextCursor).toBeNull();
    // Default: 30 days without a policy; the policy's idleDays with one.
    expect((await idle('')).body).toMatchObject({ idleDays: 30, count: 2 });
    await h().call('PATCH', h().nw(`/subscriptions/${app()}/reclaim-policy`), { ...(await as(ADMIN)), body: { reclaimPolicy: { idleDays: 40, warnDays: 0 } } });
    expect((await idle('')).body).toMatchObject({ idleDays: 40, count: 1 });
  });

  it('bad input is 400 validation_failed; another organization\'s subscription is 404; members may look, not reclaim', async () => {
    for (const q of ['?idleDays=0', '?idleDays=abc', '?idleDays=4000', '?idleDays=1.5', '?cursor=bm9wZQ', `?cursor=${Buffer.from(JSON.stringify(['not a time', 'x'])).toString('base64url')}`, '?extra=1']) {
      const res = await idle(q);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    for (const body of [{}, { idleDays: 0 }, { idleDays: 30, memberIds: [] }, { idleDays: 30, memberIds: Array(101).fill('m') }, { idleDays: 30, extra: true }, { idleDays: '30' }]) {
      const res = await reclaim(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const lakesideSub = (await h().call('GET', `/v1/orgs/${h().demo.lakeside.orgId}/subscriptions`, await as(LAKESIDE_OWNER))).body.items[0].id;
    expect((await h().call('GET', h().nw(`/subscriptions/${lakesideSub}/idle-seats`), await as(ADMIN))).status).toBe(404);
    expect((await h().call('POST', h().nw(`/subscriptions/${lakesideSub}/reclaim`), { ...(await as(ADMIN)), body: { idleDays: 1 } })).status).toBe(404);
    expect((await h().call('PATCH', h().nw(`/subscriptions/${lakesideSub}/reclaim-policy`), { ...(await as(ADMIN)), body: { reclaimPolicy: null } })).status).toBe(404);
    expect((await idle('', MEMBER)).status).toBe(200);
    const forbidden = await reclaim({ idleDays: 1 }, MEMBER);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.details).toEqual({ permission: 'seats:assign' });
    expect((await idle('', LAKESIDE_OWNER)).status).toBe(404);
    expect(await seatCount()).toBe(2);
  });

  it('reclaim releases the idle seats, one result each; holders are emailed with a way back; audited; replayed by its key', async () => {
    const { ownerMemberId, memberMemberId } = h().demo.northwind;
    at(31);
    const key = { 'idempotency-key': 'reclaim-1' };
    const res = await reclaim({ idleDays: 30 }, ADMIN, key);
    expect(res.status).toBe(200);
    expect(res.body.idleDays).toBe(30);
    expect(res.body.results.map((r: any) => r.ok)).toEqual([true, true]);
    expect(res.body.results.map((r: any) => r.memberId).sort()).toEqual([memberMemberId, ownerMemberId].sort());
    expect(await seatCount()).toBe(0);
    expect(h().mailer.sent.map((m) => [m.to, m.subject]).sort()).toEqual([
      [MEMBER, 'Your seat of Imaging App was released'],
      [OWNER, 'Your seat of Imaging App was released'],
    ]);
    const text = h().mailer.sent[0]!.text;
    expect(text).toContain('was released after 30 days without use');
    expect(text).toContain(`http://app.test/?org=${h().demo.northwind.orgId}&requestSeat=imaging-app`);
    const events = (await h().call('GET', h().nw('/audit-events'), await as(OWNER))).body.items.filter((e: any) => e.action === 'seat.reclaimed');
    expect(events).toHaveLength(2);
    expect(events[0].data).toMatchObject({ subscriptionId: app(), product: 'imaging-app', idleDays: 30, reason: 'manual' });
    expect(events[0].actorEmail).toBe(ADMIN);

    const replay = await reclaim({ idleDays: 30 }, ADMIN, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(res.body);
    expect(h().mailer.sent).toHaveLength(2);
    expect((await access(MEMBER)).body).toEqual({ allowed: false, reason: 'no_seat' });
  });

  it('a seat used since the dry run is skipped with its own result; a seat nobody holds is not_found', async () => {
    const { ownerMemberId, memberMemberId } = h().demo.northwind;
    at(31);
    expect((await idle('?idleDays=30')).body.count).toBe(2);
    // The member opens the product between the preview and the confirmation.
    expect((await access(MEMBER)).body.allowed).toBe(true);
    const res = await reclaim({ idleDays: 30, memberIds: [memberMemberId, ownerMemberId, h().demo.northwind.adminMemberId] });
    expect(res.body.results.map((r: any) => [r.memberId, r.ok ? 'ok' : r.error.code])).toEqual([
      [memberMemberId, 'seats_in_use'],
      [ownerMemberId, 'ok'],
      [h().demo.northwind.adminMemberId, 'not_found'],
    ]);
    expect(res.body.results[0].error.details).toEqual({ reason: 'not_idle', lastUsedAt: expect.any(String) });
    expect(await seat(memberMemberId)).toBeDefined();
    expect(await seat(ownerMemberId)).toBeUndefined();
    expect(h().mailer.sent.map((m) => m.to)).toEqual([OWNER]);
  });

  it('a reclaim racing an access check: the seat is either released (not used first) or kept with seats_in_use', async () => {
    const { memberMemberId } = h().demo.northwind;
    at(31);
    for (let round = 0; round < 5; round++) {
      if (round > 0) {
        // Put the seat back, idle again.
        await h().server.database.query(`insert into seat_assignments (subscription_id, member_id, assigned_at) values ($1, $2, $3) on conflict do nothing`, [app(), memberMemberId, new Date(Date.now() - 40 * DAY)]);
        await h().server.database.query(`update seat_assignments set last_used_at = null where subscription_id = $1 and member_id = $2`, [app(), memberMemberId]);
      }
      const [check, result] = await Promise.all([access(MEMBER), reclaim({ idleDays: 30, memberIds: [memberMemberId] })]);
      expect(check.status).toBe(200);
      const item = result.body.results[0];
      const row = await seat(memberMemberId);
      if (item.ok) {
        expect(row).toBeUndefined();
      } else {
        expect(item.error.code).toBe('seats_in_use');
        expect(check.body.allowed).toBe(true);
        expect(row!.last_used_at).not.toBeNull();
      }
    }
  });

  it('the reclaim policy: set by seats:assign or the server key, checked, cleared with null', async () => {
    const set = await h().call('PATCH', h().nw(`/subscriptions/${app()}/reclaim-policy`), { ...(await as(ADMIN)), body: { reclaimPolicy: { idleDays: 60, warnDays: 7 } } });
    expect(set.status).toBe(200);
    expect(set.body.reclaimPolicy).toEqual({ idleDays: 60, warnDays: 7 });
    expect((await h().call('GET', h().nw('/subscriptions'), await as(MEMBER))).body.items[0].reclaimPolicy).toEqual({ idleDays: 60, warnDays: 7 });
    for (const reclaimPolicy of [{ idleDays: 7, warnDays: 7 }, { idleDays: 0, warnDays: 0 }, { idleDays: 30 }, { idleDays: 30, warnDays: -1 }, { idleDays: 30.5, warnDays: 1 }]) {
      const res = await h().call('PATCH', h().nw(`/subscriptions/${app()}/reclaim-policy`), { ...(await as(ADMIN)), body: { reclaimPolicy } });
      expect(res.status, JSON.stringify(reclaimPolicy)).toBe(400);
    }
    expect((await h().call('PATCH', h().nw(`/subscriptions/${app()}/reclaim-policy`), { ...(await as(MEMBER)), body: { reclaimPolicy: null } })).status).toBe(403);
    const byKey = await h().call('PATCH', h().nw(`/subscriptions/${app()}`), { serverKey: true, body: { reclaimPolicy: { idleDays: 90, warnDays: 14 } } });
    expect(byKey.body.reclaimPolicy).toEqual({ idleDays: 90, warnDays: 14 });
    // A resize keeps the policy.
    expect((await h().call('PATCH', h().nw(`/subscriptions/${app()}`), { serverKey: true, body: { seatLimit: 6 } })).body.reclaimPolicy).toEqual({ idleDays: 90, warnDays: 14 });
    const cleared = await h().call('PATCH', h().nw(`/subscriptions/${app()}/reclaim-policy`), { ...(await as(ADMIN)), body: { reclaimPolicy: null } });
    expect(cleared.body.reclaimPolicy).toBeNull();
  });

  it('the scheduler warns warnDays before, once, then reclaims on the day, once — across two instances', async () => {
    const { ownerMemberId, memberMemberId } = h().demo.northwind;
    await h().call('PATCH', h().nw(`/subscriptions/${app()}/reclaim-policy`), { ...(await as(ADMIN)), body: { reclaimPolicy: { idleDays: 30, warnDays: 7 } } });
    // A second instance on the same database, with its own clock at the same time.
    const other = await createSeatKitServer({
      database: h().server.database,
      auth: { mode: 'dev', secret: 'test-secret' },
      appUrl: 'http://app.test',
      mailer: h().mailer,
      logger: silentLogger,
      now: () => new Date(Date.now() + h().clock.offsetMs),
      jobs: { intervalMs: 0 },
    });
    const both = async () => {
      await Promise.all([h().server.runJobs(), other.runJobs()]);
      await h().server.dispatchEmails();
    };

    at(20);
    await both();
    expect(h().mailer.sent).toEqual([]);
    at(24);
    await both();
    expect(h().mailer.sent.map((m) => [m.to, m.subject]).sort()).toEqual([
      [MEMBER, 'Your seat of Imaging App will be released soon'],
      [OWNER, 'Your seat of Imaging App will be released soon'],
    ]);
    expect(h().mailer.sent[0]!.text).toMatch(/will be on [A-Z][a-z]+ \d{1,2}, \d{4}\./);
    at(25);
    await both();
    expect(h().mailer.sent).toHaveLength(2);

    // The member comes back: no longer idle, and warned again only after a new quiet spell.
    await access(MEMBER);
    at(31);
    h().mailer.sent = [];
    await both();
    expect(h().mailer.sent.map((m) => [m.to, m.subject])).toEqual([[OWNER, 'Your seat of Imaging App was released']]);
    expect(await seat(ownerMemberId)).toBeUndefined();
    expect(await seat(memberMemberId)).toBeDefined();
    at(32);
    await both();
    expect(h().mailer.sent).toHaveLength(1);
    const events = (await h().call('GET', h().nw('/audit-events'), await as(OWNER))).body.items.filter((e: any) => e.action === 'seat.reclaimed');
    expect(events.map((e: any) => [e.targetId, e.actorEmail, e.data.reason])).toEqual([[ownerMemberId, 'scheduler', 'policy']]);
  });
});

describe('seatkit-server reclaim', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const run = (args: string[], dataDir: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SEATKIT_SECRET: 'cli-test-secret', SEATKIT_APP_URL: 'http://app.test' };
    delete env.DATABASE_URL;
    return spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'packages/server/src/cli.ts'), 'reclaim', ...args, '--data', dataDir], { cwd: root, env, encoding: 'utf8' });
  };

  it('prints the idle seats with --dry-run, releases them without it', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'seatkit-reclaim-'));
    try {
      // The demo seed, written 40 days ago: both Imaging App seats have been idle since.
      const seeding = await createSeatKitServer({
        database: await createPGliteDatabase({ dataDir: join(dataDir, 'pgdata') }),
        auth: { mode: 'dev', secret: 'cli-test-secret' },
        logger: silentLogger,
        now: () => new Date(Date.now() - 40 * DAY),
        jobs: { intervalMs: 0 },
      });
      const demo = await seeding.seedDemo();
      await seeding.close();

      const dry = run(['--org', demo.northwind.orgId, '--dry-run'], dataDir);
      expect(dry.stderr).toBe('');
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain('Northwind Dental');
      expect(dry.stdout).toContain('(dry run: nothing changed)');
      expect(dry.stdout).toMatch(/Imaging App \(sub_\w+\): 2 of 2 assigned seats unused for 30 days/);
      expect(dry.stdout).toMatch(/owner@northwind\.test {2}Olivia Owner {2}assigned \d{4}-\d\d-\d\d {2}last used never/);
      expect(dry.stdout).toContain('member@northwind.test');

      expect(run(['--org', 'org_nope', '--dry-run'], dataDir).stderr).toContain('no organization org_nope');
      expect(run(['--dry-run'], dataDir).stderr).toContain('--org is required');
      const help = run(['-h'], dataDir);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage: seatkit-server reclaim --org <id> \[--dry-run\]/);
      expect(run(['--org', demo.northwind.orgId, '--idle-days', '0'], dataDir).stderr).toContain('invalid --idle-days 0');

      const real = run(['--org', demo.northwind.orgId], dataDir);
      expect(real.status).toBe(0);
      expect(real.stdout).toContain('Released 2 seat(s).');

      const database = await createPGliteDatabase({ dataDir: join(dataDir, 'pgdata') });
      const queued = await database.query<{ to_email: string; subject: string }>(`select to_email, subject from outbox_emails where kind = 'seat_reclaimed' order by to_email`);
      expect(queued.rows.map((r) => [r.to_email, r.subject])).toEqual([
        ['member@northwind.test', 'Your seat of Imaging App was released'],
        ['owner@northwind.test', 'Your seat of Imaging App was released'],
      ]);
      expect((await database.query<{ n: number }>(`select count(*)::int as n from seat_assignments`)).rows[0]!.n).toBe(0);
      const audited = await database.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'seat.reclaimed' and actor_email = 'cli'`);
      expect(Number(audited.rows[0]!.n)).toBe(2);
      await database.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
