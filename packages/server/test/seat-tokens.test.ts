import { seatGivingStatuses } from '@seatkit/core/contract';
import { expect, it } from 'vitest';
import { ADMIN, addNorthwindMembers, forEachDatabase, OWNER } from './helpers.js';

const DAY = 24 * 3600 * 1000;

/**
 * Seat tokens (migration 019): a subscription keeps up to 256 free seats set aside, and an assignment alone takes
 * tokens instead of the subscription's row lock, so assignments into one subscription do not wait for each other.
 * What must hold whatever happens: tokens + seats assigned + live reservations <= seat limit.
 */
forEachDatabase((h) => {
  const db = () => h().server.database;
  const provision = async (seatLimit: number, productKey = 'tokens') => {
    await h().call('POST', '/v1/products', { serverKey: true, body: { key: productKey, name: 'Tokens' } });
    const res = await h().call('POST', h().nw('/subscriptions'), { serverKey: true, body: { productKey, seatLimit } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const assign = (subscriptionId: string, body: Record<string, unknown>, as = ADMIN) =>
    h().call('POST', h().nw(`/subscriptions/${subscriptionId}/seats`), { as, body });
  const codes = (res: { status: number; body: any }) =>
    res.status === 200 ? res.body.results.map((r: any) => (r.ok ? 'ok' : r.error.code)) : [`http_${res.status}:${res.body?.error?.code}`];
  /** Tokens, seats and live reservations of a subscription, from the tables. */
  const state = async (subscriptionId: string) => {
    const { rows } = await db().query<{ tokens: number; assigned: number; reserved: number; seat_limit: number }>(
      `select (select count(*)::int from seat_tokens where subscription_id = s.id) as tokens,
              (select count(*)::int from seat_assignments where subscription_id = s.id) as assigned,
              (select count(*)::int from seat_reservations r join invitations i on i.id = r.invitation_id
                where r.subscription_id = s.id and i.status = 'pending' and i.expires_at > $2) as reserved,
              s.seat_limit
         from subscriptions s where s.id = $1`,
      [subscriptionId, new Date(Date.now() + h().clock.offsetMs)],
    );
    const row = rows[0]!;
    expect(row.tokens + row.assigned + row.reserved, `tokens ${row.tokens} + assigned ${row.assigned} + reserved ${row.reserved}`).toBeLessThanOrEqual(row.seat_limit);
    return row;
  };

  it('a new subscription sets aside its free seats as tokens (at most 256); an assignment alone spends one per seat', async () => {
    const small = await provision(5);
    expect(await state(small)).toMatchObject({ tokens: 5, assigned: 0 });
    const big = await provision(10_000, 'big');
    expect(await state(big)).toMatchObject({ tokens: 256 });
    const ids = await addNorthwindMembers(h(), 3);
    expect(codes(await assign(small, { memberIds: ids.slice(0, 2) }))).toEqual(['ok', 'ok']);
    expect(await state(small)).toMatchObject({ tokens: 3, assigned: 2 });
  });

  it('every path keeps tokens + seats within the limit: reservations, unassign, resize, cancel, and claims in a transaction', async () => {
    const sub = await provision(6);
    const ids = await addNorthwindMembers(h(), 6);
    const invited = await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'tok1@example.com', role: 'member', subscriptionIds: [sub] }] } });
    expect(invited.body.results.map((r: any) => r.ok)).toEqual([true]);
    // The invitation's reservation took its seat under the lock, and voided the tokens.
    expect(await state(sub)).toMatchObject({ tokens: 0, reserved: 1 });
    // The next assignment finds no token: it takes the lock, gives the seat and sets the tokens again.
    expect(codes(await assign(sub, { memberIds: [ids[0]!] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 4, assigned: 1, reserved: 1 });
    // Members and invitations together run in a transaction, under the lock: tokens voided again.
    const [other] = (await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'tok2@example.com', role: 'member' }] } })).body.results.map(
      (r: any) => r.invitation.id,
    );
    expect(codes(await assign(sub, { memberIds: [ids[1]!], invitationIds: [other] }))).toEqual(['ok', 'ok']);
    expect(await state(sub)).toMatchObject({ tokens: 0, assigned: 2, reserved: 2 });
    // An Idempotency-Key runs the claim in a transaction too, under the lock: it sets the tokens from the counts.
    const keyed = await h().call('POST', h().nw(`/subscriptions/${sub}/seats`), { as: ADMIN, body: { memberIds: [ids[2]!] }, headers: { 'idempotency-key': 'tok-key' } });
    expect(codes(keyed)).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 1, assigned: 3, reserved: 2 });
    expect(codes(await assign(sub, { memberIds: [ids[3]!] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 0, assigned: 4, reserved: 2 });
    // Freeing a seat makes no token; the next claim, short of tokens, takes the lock and sets them.
    expect((await h().call('DELETE', h().nw(`/subscriptions/${sub}/seats/${ids[0]}`), { as: ADMIN })).status).toBe(204);
    expect(await state(sub)).toMatchObject({ tokens: 0, assigned: 3 });
    expect((await h().call('DELETE', h().nw(`/subscriptions/${sub}/seats/${ids[1]}`), { as: ADMIN })).status).toBe(204);
    expect(codes(await assign(sub, { memberIds: [ids[0]!] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 1, assigned: 3, reserved: 2 });
    // Growing the subscription sets its tokens from the new limit; shrinking to what is used leaves none.
    expect((await h().call('PATCH', h().nw(`/subscriptions/${sub}`), { serverKey: true, body: { seatLimit: 9 } })).status).toBe(200);
    expect(await state(sub)).toMatchObject({ tokens: 4 });
    expect((await h().call('PATCH', h().nw(`/subscriptions/${sub}`), { serverKey: true, body: { seatLimit: 5 } })).status).toBe(200);
    expect(await state(sub)).toMatchObject({ tokens: 0 });
    expect(codes(await assign(sub, { memberIds: [ids[4]!] }))).toEqual(['seats_exhausted']);
    // A reservation that expires frees its seat by the clock alone: the next claim takes the lock and finds it.
    h().clock.offsetMs += 8 * DAY;
    expect(await state(sub)).toMatchObject({ tokens: 0, reserved: 0 });
    expect(codes(await assign(sub, { memberIds: [ids[4]!] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 1, assigned: 4 });
    // A canceled subscription keeps no token, and a claim alone cannot spend one left behind.
    expect((await h().call('PATCH', h().nw(`/subscriptions/${sub}`), { serverKey: true, body: { status: 'canceled' } })).status).toBe(200);
    expect(await state(sub)).toMatchObject({ tokens: 0 });
    await db().query(`insert into seat_tokens (subscription_id, n) values ($1, 1)`, [sub]);
    expect(codes(await assign(sub, { memberIds: [ids[5]!] }))).toEqual(['subscription_inactive']);
    expect(await state(sub)).toMatchObject({ assigned: 4 });
  });

  it('a reservation, a seat or a change of limit, status or expiry written by other code (an earlier release) voids the tokens too', async () => {
    const sub = await provision(8);
    expect(await state(sub)).toMatchObject({ tokens: 8 });
    const invited = await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email: 'tok3@example.com', role: 'member' }] } });
    const invitationId = invited.body.results[0].invitation.id;
    // As code that knows nothing of tokens would: under the lock, but without voiding them.
    await db().transaction(async (tx) => {
      await tx.query(`select id from subscriptions where id = $1 for update`, [sub]);
      await tx.query(`insert into seat_reservations (subscription_id, invitation_id) values ($1, $2)`, [sub, invitationId]);
    });
    expect(await state(sub)).toMatchObject({ tokens: 0, reserved: 1 });
    const ids = await addNorthwindMembers(h(), 2);
    expect(codes(await assign(sub, { memberIds: [ids[0]!] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 6 });
    await db().query(`update subscriptions set seat_limit = 20 where id = $1`, [sub]);
    expect(await state(sub)).toMatchObject({ tokens: 0 });
    expect(codes(await assign(sub, { memberIds: [ids[1]!] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 17 });
    // A seat given by the counts, as an earlier release's approval would.
    await db().query(`insert into seat_assignments (subscription_id, member_id, assigned_by) values ($1, $2, null)`, [sub, h().demo.northwind.memberMemberId]);
    expect(await state(sub)).toMatchObject({ tokens: 0, assigned: 3 });
    expect(codes(await assign(sub, { memberIds: [h().demo.northwind.ownerMemberId] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 15 });
    // A change that is not of the limit, status or expiry leaves them.
    await db().query(`update subscriptions set reclaim_idle_days = 30, reclaim_warn_days = 0 where id = $1`, [sub]);
    expect(await state(sub)).toMatchObject({ tokens: 15 });
    await db().query(`update subscriptions set expires_at = now() + interval '1 day' where id = $1`, [sub]);
    expect(await state(sub)).toMatchObject({ tokens: 0 });
  });

  it('an invitation that counts again (a resend after it expired, by this release or an earlier one) voids the tokens of its reservations', async () => {
    const sub = await provision(3);
    const ids = await addNorthwindMembers(h(), 1);
    const invite = async (email: string) => {
      const res = await h().call('POST', h().nw('/invitations'), { as: ADMIN, body: { invitations: [{ email, role: 'member', subscriptionIds: [sub] }] } });
      expect(res.body.results.map((r: any) => r.ok)).toEqual([true]);
      return res.body.results[0].invitation.id as string;
    };
    const first = await invite('revive1@example.com');
    const second = await invite('revive2@example.com');
    expect(await state(sub)).toMatchObject({ tokens: 0, reserved: 2 });
    // Both expire by the clock; the next assignment finds their seats free and sets the tokens from the counts.
    h().clock.offsetMs += 8 * DAY;
    expect(codes(await assign(sub, { memberIds: [ids[0]!] }))).toEqual(['ok']);
    expect(await state(sub)).toMatchObject({ tokens: 2, assigned: 1, reserved: 0 });
    // This release's resend takes the lock and voids them (the state check fails if tokens + seats + reservations > 3).
    expect((await h().call('POST', h().nw(`/invitations/${first}/resend`), { as: ADMIN })).status).toBe(200);
    expect(await state(sub)).toMatchObject({ tokens: 0, reserved: 1 });
    // More seats: provisioning sets the tokens from the counts, the revived reservation counted.
    expect((await h().call('PATCH', h().nw(`/subscriptions/${sub}`), { serverKey: true, body: { seatLimit: 5 } })).status).toBe(200);
    expect(await state(sub)).toMatchObject({ tokens: 3, assigned: 1, reserved: 1 });
    // As an earlier release's resend would: the invitation pending again with a later expiry, no reservation written.
    await db().query(`update invitations set expires_at = $2 where id = $1`, [second, new Date(Date.now() + h().clock.offsetMs + 7 * DAY)]);
    expect(await state(sub)).toMatchObject({ tokens: 0, reserved: 2 });
  });

  it('a claim reads no other seat of its subscription: spending tokens, under the lock, refilling, refusing (migration 023)', { timeout: 60_000 }, async () => {
    // Before, a claim counted every seat held wherever it counted: 7–12 ms of each at 50,000 seats on Postgres. Rows
    // read are counted (the transaction's own statistics), not timed.
    const orgId = h().demo.northwind.orgId;
    const sub = await provision(3_000);
    const full = await provision(2_000, 'tokens-full');
    await h().server.seedMembers(orgId, 2_100);
    for (const id of [sub, full]) {
      await db().query(
        `insert into seat_assignments (subscription_id, member_id, assigned_by) select $1, id, null from members where org_id = $2 order by id limit 2000`,
        [id, orgId],
      );
    }
    const { rows: free } = await db().query<{ id: string }>(
      `select id from members m where org_id = $1 and not exists (select 1 from seat_assignments sa where sa.subscription_id = $2 and sa.member_id = m.id) order by id limit 2`,
      [orgId, sub],
    );
    /** One claim of `memberId` in a transaction: whether it gave the seat, and the rows of seat_assignments it read. */
    const claim = (subscriptionId: string, memberId: string) =>
      db().transaction(async (tx) => {
        // The transaction's counters include what the connection did before and has not reported yet: the difference.
        const rowsRead = async () => {
          const { rows } = await tx.query<{ n: string }>(
            `select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) as n from pg_stat_xact_user_tables where relname = 'seat_assignments'`,
          );
          return Number(rows[0]!.n);
        };
        const before = await rowsRead();
        const { rows } = await tx.query<{ assigned_at: Date | null }>(
          `select assigned_at from seatkit_claim_seats($1, $2, now(), $3, null, null, 'test', $4, true)`,
          [subscriptionId, orgId, [memberId], seatGivingStatuses()],
        );
        return { given: rows[0]!.assigned_at !== null, read: (await rowsRead()) - before };
      });
    // The seats written directly voided the tokens: the claim takes the lock, counts, gives the seat and refills.
    const locked = await claim(sub, free[0]!.id);
    expect(locked.given).toBe(true);
    expect(locked.read, 'rows of seat_assignments the claim under the lock read').toBeLessThan(100);
    expect(await state(sub)).toMatchObject({ tokens: 256, assigned: 2001 });
    const shared = await claim(sub, free[1]!.id);
    expect(shared.given).toBe(true);
    expect(shared.read, 'rows of seat_assignments the claim with tokens read').toBeLessThan(100);
    expect(await state(sub)).toMatchObject({ tokens: 255, assigned: 2002 });
    // A full subscription refuses at once, from the counts.
    const refused = await claim(full, free[0]!.id);
    expect(refused.given).toBe(false);
    expect(refused.read, 'rows of seat_assignments the refusal read').toBeLessThan(100);
  });

  it('holds the cap exactly when 24 assignments race with fewer tokens than seats (the shared path, then the lock)', async () => {
    const sub = await provision(10);
    // 3 tokens for 10 free seats: the first claims spend them, the others fall back to the lock and refill.
    await db().query(`delete from seat_tokens where subscription_id = $1 and n > 3`, [sub]);
    const ids = await addNorthwindMembers(h(), 24);
    const results = await Promise.all(ids.map((id, i) => assign(sub, { memberIds: [id] }, i % 2 ? ADMIN : OWNER)));
    const all = results.flatMap(codes);
    expect(all.filter((c: string) => c === 'ok')).toHaveLength(10);
    expect(all.filter((c: string) => c !== 'ok')).toEqual(Array(14).fill('seats_exhausted'));
    expect(await state(sub)).toMatchObject({ assigned: 10, tokens: 0 });
    const events = await db().query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'seat.assigned' and data->>'subscriptionId' = $1`, [sub]);
    expect(events.rows[0]!.n).toBe(10);
  });

  it('an assignment into a subscription does not wait for another one in flight (no row lock between them)', { timeout: 30_000 }, async () => {
    // PGlite has one session: nothing else can be in flight there.
    if (h().kind !== 'postgres') return;
    const sub = await provision(10);
    const [first, second, third] = await addNorthwindMembers(h(), 3);
    const { orgId, adminMemberId } = h().demo.northwind;
    // Another session claims a seat as an assignment alone does and keeps its transaction open until the second
    // assignment has answered. With the subscription's row lock (before migration 019) the second one waited behind
    // it: lock_timeout, a retry, then 503 unavailable.
    const second_ = await db().transaction(async (tx) => {
      const { rows } = await tx.query<{ assigned_at: Date | null }>(
        `select assigned_at from seatkit_claim_seats($1, $2, now(), $3, $4, null, 'in-flight', array['active', 'past_due'], true)`,
        [sub, orgId, [first], adminMemberId],
      );
      expect(rows[0]!.assigned_at).not.toBeNull();
      // Alone (no Idempotency-Key), and in a transaction with one, as the client sends every mutation.
      const alone = await assign(sub, { memberIds: [second!] });
      const keyed = await h().call('POST', h().nw(`/subscriptions/${sub}/seats`), { as: ADMIN, body: { memberIds: [third!] }, headers: { 'idempotency-key': 'no-wait' } });
      return [alone, keyed];
    });
    expect(second_.map(codes)).toEqual([['ok'], ['ok']]);
    expect(await state(sub)).toMatchObject({ assigned: 3, tokens: 7 });
  });
});
