import { expect, it } from 'vitest';
import { ADMIN, addNorthwindMembers, forEachDatabase, OWNER } from './helpers.js';

/**
 * Seat counts (migration 022): triggers on seat_assignments keep each subscription's count, in rows per connection,
 * so reading a subscription reads a few counter rows instead of every seat it holds. What must hold whatever writes
 * the seats: the sum of a subscription's counter rows is its number of seats.
 */
forEachDatabase((h) => {
  const db = () => h().server.database;
  const provision = async (seatLimit: number, productKey: string) => {
    await h().call('POST', '/v1/products', { serverKey: true, body: { key: productKey, name: productKey } });
    const res = await h().call('POST', h().nw('/subscriptions'), { serverKey: true, body: { productKey, seatLimit } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** Every subscription's kept count against a count of its seats; and the count the API shows. */
  const expectCountsExact = async () => {
    const { rows } = await db().query<{ id: string; kept: number; actual: number }>(
      `select s.id, (select coalesce(sum(c.assigned), 0)::int from seat_counts c where c.subscription_id = s.id) as kept,
              (select count(*)::int from seat_assignments sa where sa.subscription_id = s.id) as actual
         from subscriptions s order by s.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.kept, `subscription ${row.id}`).toBe(row.actual);
    const listed = await h().call('GET', h().nw('/subscriptions'), { as: OWNER });
    for (const sub of listed.body.items) expect(sub.seats.assigned).toBe(rows.find((r) => r.id === sub.id)!.actual);
    return new Map(rows.map((r) => [r.id, r.actual]));
  };

  it('follow every way seats are given and taken back: assignments, unassign, removal of a member, direct writes', async () => {
    const a = await provision(40, 'counts-a');
    const b = await provision(40, 'counts-b');
    const ids = await addNorthwindMembers(h(), 8);
    // Assignments alone (seat tokens), then with an Idempotency-Key (in a transaction), then several at once.
    expect((await h().call('POST', h().nw(`/subscriptions/${a}/seats`), { as: ADMIN, body: { memberIds: [ids[0]] } })).status).toBe(200);
    expect(
      (await h().call('POST', h().nw(`/subscriptions/${a}/seats`), { as: ADMIN, body: { memberIds: [ids[1]] }, headers: { 'idempotency-key': 'counts-1' } })).status,
    ).toBe(200);
    expect((await h().call('POST', h().nw(`/subscriptions/${b}/seats`), { as: ADMIN, body: { memberIds: ids.slice(0, 6) } })).status).toBe(200);
    expect((await expectCountsExact()).get(a)).toBe(2);
    // A member already seated is refused and counts nothing more.
    expect((await h().call('POST', h().nw(`/subscriptions/${a}/seats`), { as: ADMIN, body: { memberIds: [ids[0]] } })).body.results[0].ok).toBe(false);
    expect((await expectCountsExact()).get(a)).toBe(2);
    // Unassign, and the removal of a member, whose seats go by cascade from every subscription.
    expect((await h().call('DELETE', h().nw(`/subscriptions/${b}/seats/${ids[5]}`), { as: ADMIN })).status).toBe(204);
    expect((await h().call('DELETE', h().nw(`/members/${ids[0]}`), { as: OWNER })).status).toBe(204);
    let counts = await expectCountsExact();
    expect([counts.get(a), counts.get(b)]).toEqual([1, 4]);
    // As code that knows nothing of the counts would write: many seats in one statement, a delete, a move.
    await db().query(
      `insert into seat_assignments (subscription_id, member_id, assigned_by) select $1, id, null from members where org_id = $2 and id <> all($3::text[])`,
      [a, h().demo.northwind.orgId, ids.slice(0, 2)],
    );
    await db().query(`delete from seat_assignments where subscription_id = $1 and member_id = any($2::text[])`, [a, ids.slice(2, 4)]);
    await db().query(`update seat_assignments set subscription_id = $1 where subscription_id = $2 and member_id = $3`, [a, b, ids[2]]);
    counts = await expectCountsExact();
    expect(counts.get(b)).toBe(3);
    // A subscription deleted takes its seats and its counts; the others keep theirs.
    await db().query(`delete from subscriptions where id = $1`, [a]);
    counts = await expectCountsExact();
    expect(counts.has(a)).toBe(false);
    const { rows } = await db().query(`select 1 from seat_counts where subscription_id = $1`, [a]);
    expect(rows).toEqual([]);
  });

  it('stay exact when 24 assignments race into one subscription, over the pool\'s connections', async () => {
    const sub = await provision(10, 'counts-race');
    const ids = await addNorthwindMembers(h(), 24);
    const results = await Promise.all(
      ids.map((id) => h().call('POST', h().nw(`/subscriptions/${sub}/seats`), { as: ADMIN, body: { memberIds: [id] } })),
    );
    const given = results.filter((r) => r.status === 200 && r.body.results[0].ok).length;
    expect(given).toBe(10);
    expect((await expectCountsExact()).get(sub)).toBe(10);
    // Taken back all at once, then given again: the rows of several connections sum to the count.
    await Promise.all(
      ids.map((id) => h().call('DELETE', h().nw(`/subscriptions/${sub}/seats/${id}`), { as: ADMIN })),
    );
    expect((await expectCountsExact()).get(sub)).toBe(0);
    await Promise.all(ids.slice(0, 5).map((id) => h().call('POST', h().nw(`/subscriptions/${sub}/seats`), { as: ADMIN, body: { memberIds: [id] } })));
    expect((await expectCountsExact()).get(sub)).toBe(5);
  });
});
