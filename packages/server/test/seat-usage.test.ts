import { expect, it } from 'vitest';
import { ADMIN, forEachDatabase, LAKESIDE_OWNER, MEMBER, OWNER } from './helpers.js';

const DAY = 24 * 3600_000;
const TEN_AM_TODAY = Date.parse(`${new Date().toISOString().slice(0, 10)}T10:00:00Z`);

forEachDatabase((h) => {
  // A token minted at the server's (moved) clock: one cached from an earlier test would have expired.
  const as = async (email: string) => ({ token: await h().server.devToken(email) });
  const usage = async (query = '', email = ADMIN) => h().call('GET', h().nw(`/seat-usage${query}`), await as(email));
  const subs = async () => (await h().call('GET', h().nw('/subscriptions'), await as(MEMBER))).body.items as any[];
  const access = async (email: string) => h().call('GET', h().nw('/access?product=imaging-app'), await as(email));
  // Moves the server's clock to 10:00 UTC of today's date (as of loading this file) + days and minutes: a test that
  // moves an hour on must not cross midnight, whatever the time it runs at.
  const at = (days: number, minutes = 0) => (h().clock.offsetMs = TEN_AM_TODAY + days * DAY + minutes * 60_000 - Date.now());
  const today = () => new Date(Date.now() + h().clock.offsetMs).toISOString().slice(0, 10);
  const points = (body: any, key: string) => body.items.find((i: any) => i.product.key === key).days;

  it('subscriptions carry seats.idle (by the policy, else 30 days) and seats.requested (pending requests)', async () => {
    expect((await subs()).map((s) => [s.product.key, s.seats.idle, s.seats.requested])).toEqual([
      ['imaging-app', 0, 0],
      ['imaging-cloud', 0, 1],
    ]);
    at(31);
    await access(MEMBER);
    expect((await subs())[0].seats.idle).toBe(1);
    const app = h().demo.northwind.subscriptions.imagingApp;
    await h().call('PATCH', h().nw(`/subscriptions/${app}/reclaim-policy`), { ...(await as(ADMIN)), body: { reclaimPolicy: { idleDays: 40, warnDays: 0 } } });
    expect((await subs())[0].seats.idle).toBe(0);
    await h().call('POST', h().nw('/seat-requests'), { ...(await as(OWNER)), body: { product: 'imaging-cloud' } });
    expect((await subs())[1].seats.requested).toBe(2);
  });

  it('the report has today as it stands, per subscription, before any scheduler run', async () => {
    const res = await usage();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ days: 90, to: today() });
    expect(res.body.from).toBe(new Date(Date.parse(`${today()}T00:00:00Z`) - 89 * DAY).toISOString().slice(0, 10));
    expect(res.body.items.map((i: any) => [i.product.key, i.seatLimit])).toEqual([
      ['imaging-app', 5],
      ['imaging-cloud', 2],
    ]);
    expect(points(res.body, 'imaging-app')).toEqual([{ day: today(), assigned: 2, used: 0, requested: 0 }]);
    expect(points(res.body, 'imaging-cloud')).toEqual([{ day: today(), assigned: 0, used: 0, requested: 1 }]);
    await access(MEMBER);
    expect(points((await usage()).body, 'imaging-app')).toEqual([{ day: today(), assigned: 2, used: 1, requested: 0 }]);
  });

  it('the scheduler records each day; used only grows within a day; days bounds the report', async () => {
    const { imagingApp } = h().demo.northwind.subscriptions;
    at(-2);
    await access(MEMBER);
    await h().server.runJobs();
    const first = today();
    // The member's seat goes in the afternoon: the day still counts it as used.
    at(-2, 60);
    await h().call('DELETE', h().nw(`/subscriptions/${imagingApp}/seats/${h().demo.northwind.memberMemberId}`), await as(ADMIN));
    await h().server.runJobs();
    at(-1);
    await h().server.runJobs();
    const second = today();
    at(0);
    await access(OWNER);
    const res = await usage('?days=3');
    expect(points(res.body, 'imaging-app')).toEqual([
      { day: first, assigned: 1, used: 1, requested: 0 },
      { day: second, assigned: 1, used: 0, requested: 0 },
      { day: today(), assigned: 1, used: 1, requested: 0 },
    ]);
    expect(points((await usage('?days=1')).body, 'imaging-app')).toEqual([{ day: today(), assigned: 1, used: 1, requested: 0 }]);
    // Today's row is written again at most every five minutes.
    const stored = async () =>
      (await h().server.database.query<{ used: number }>(`select used from seat_usage_days where subscription_id = $1 and day = $2::date`, [imagingApp, today()])).rows[0]?.used;
    expect(await stored()).toBeUndefined();
    await h().server.runJobs();
    expect(await stored()).toBe(1);
    await h().call('POST', h().nw(`/subscriptions/${imagingApp}/seats`), { ...(await as(ADMIN)), body: { memberIds: [h().demo.northwind.memberMemberId] } });
    at(0, 2);
    await access(MEMBER);
    await h().server.runJobs();
    expect(await stored()).toBe(1);
    at(0, 6);
    await h().server.runJobs();
    expect(await stored()).toBe(2);
  });

  it('bad input is 400; seats:read is needed; another organization is 404', async () => {
    for (const q of ['?days=0', '?days=367', '?days=abc', '?days=-1', '?days=1.5', '?from=2020-01-01']) {
      const res = await usage(q);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    await h().call('POST', h().nw('/roles'), { ...(await as(OWNER)), body: { key: 'viewer', name: 'Viewer', permissions: ['members:read'] } });
    await h().call('POST', h().nw('/members'), { ...(await as(OWNER)), body: { email: 'viewer@example.com', firstName: 'Vi', lastName: 'Ewer', role: 'viewer' } });
    const denied = await usage('', 'viewer@example.com');
    expect(denied.status).toBe(403);
    expect(denied.body.error.details).toEqual({ permission: 'seats:read' });
    expect((await usage('', LAKESIDE_OWNER)).status).toBe(404);
    const lakeside = await h().call('GET', `/v1/orgs/${h().demo.lakeside.orgId}/seat-usage`, await as(LAKESIDE_OWNER));
    expect(lakeside.body.items.map((i: any) => i.product.key)).toEqual(['imaging-app']);
  });
});
