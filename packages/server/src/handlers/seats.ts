import {
  canHandOutSeats,
  seatGivingStatuses,
  subscriptionUsability,
  type AssignSeatsItemResult,
  type Invitation,
  type Seat,
  type SubscriptionStatus,
} from '@seatkit/core/contract';
import { defineHandler, requireMemberCtx, requireOrgCtx, type HandlerContext, type RouteContext, type TenancyOptions } from '../context.js';
import { databaseFault, markCommitFailure } from '../db/faults.js';
import { ApiError, forbidden, itemError, notFound, validationFailed } from '../errors.js';
import { outboxInsertSql, outboxRecords, seatAssignedEmail } from '../mail.js';
import {
  AUDIT_INSERT_COLUMNS,
  INVITATION_SELECT,
  invitationStatus,
  findSubscription,
  memberPermissions,
  SUBSCRIPTION_SELECT,
  toInvitation,
  toSubscription,
  type InvitationRow,
  type SubscriptionRow,
} from '../repo.js';
import { encodeCursor, isoRequired } from '../util.js';
import { latestSeatRequest } from './seat-requests.js';
import { stampSeatUse } from './idle-seats.js';
import { cursorValues, pageLimit } from './shared.js';

export const listSubscriptions = defineHandler('listSubscriptions', async (ctx) => {
  const { rows } = await ctx.db.query<SubscriptionRow>(`${SUBSCRIPTION_SELECT} where s.org_id = $2 order by s.created_at, p.name, s.id`, [ctx.now, requireOrgCtx(ctx).id]);
  return { items: rows.map(toSubscription) };
});

interface SeatRow {
  subscription_id: string;
  member_id: string;
  assigned_by: string | null;
  assigned_at: Date;
  email: string;
  first_name: string;
  last_name: string;
  sort_name: string;
}

const SEAT_SELECT = `
  select sa.subscription_id, sa.member_id, sa.assigned_by, sa.assigned_at, m.email, m.first_name, m.last_name, m.sort_name
    from seat_assignments sa join members m on m.id = sa.member_id`;

const toSeat = (r: SeatRow) => ({
  subscriptionId: r.subscription_id,
  memberId: r.member_id,
  assignedBy: r.assigned_by,
  assignedAt: isoRequired(r.assigned_at),
  member: { id: r.member_id, email: r.email, firstName: r.first_name, lastName: r.last_name },
});

/**
 * One page of a subscription's seats in the holders' name order, after the keyset position `after`. The organization's
 * condition on members lets the planner walk its name-order index and look each member up in the subscription's seats,
 * stopping at the page: for a subscription held by many members that replaced a sort of every member of the
 * organization (50,000 seats of 100,000 members: 126 ms, 0.9 ms with it; Postgres, 2026-12-06). A subscription of few
 * seats is still read through its own index and sorted.
 */
export function seatPageQuery(subscriptionId: string, orgId: string, after: readonly [string, string] | null, limit: number) {
  const params: unknown[] = [subscriptionId, orgId];
  let where = 'sa.subscription_id = $1 and m.org_id = $2';
  if (after) {
    params.push(after[0], after[1]);
    where += ` and (m.sort_name, m.id) > ($3, $4)`;
  }
  params.push(limit);
  return { sql: `${SEAT_SELECT} where ${where} order by m.sort_name, m.id limit $${params.length}`, params };
}

export const listSeats = defineHandler('listSeats', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const sub = await findSubscription(ctx.db, org.id, ctx.params.subscriptionId);
  if (!sub) throw notFound('Subscription');
  const q = ctx.query;
  const limit = pageLimit(q.limit);
  const after = cursorValues(q.cursor, 'nameId');
  const { sql, params } = seatPageQuery(sub.id, org.id, after ? [String(after[0]), String(after[1])] : null, limit + 1);
  const { rows } = await ctx.db.query<SeatRow>(sql, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toSeat), nextCursor: rows.length > limit && last ? encodeCursor([last.sort_name, last.member_id]) : null };
});

/**
 * Why no seat of `sub` can be handed out now — assigned to a member or reserved by an invitation — or `null`. Core's
 * policy decides (`canHandOutSeats`): a dead subscription (canceled, or past its expiry) is `subscription_inactive`;
 * one without a free seat, counting `taken` (handed out earlier in this request), is `seats_exhausted`. `sub` must be
 * locked (`lockSubscriptions`, or by `seatkit_claim_seats`), so the count cannot go stale before the seat is taken.
 */
export function seatRefusal(sub: SubscriptionRow, now: Date, taken = 0): ApiError | null {
  const available = Number(sub.seat_limit) - Number(sub.assigned) - Number(sub.reserved) - taken;
  const decision = canHandOutSeats({ status: sub.status, expiresAt: sub.expires_at, seats: { available } }, now);
  if (decision.allowed) return null;
  const details = { subscriptionId: sub.id, reason: decision.reason };
  switch (decision.reason) {
    case 'full':
      return new ApiError('seats_exhausted', `No seats left in ${sub.product_name}: all ${sub.seat_limit} are in use`, { subscriptionId: sub.id, seatLimit: sub.seat_limit });
    case 'canceled':
      return new ApiError('subscription_inactive', `${sub.product_name} is canceled: its seats cannot be handed out`, details);
    case 'expired':
      return new ApiError('subscription_inactive', `${sub.product_name} expired on ${isoRequired(sub.expires_at!)}: its seats cannot be handed out`, details);
  }
}

/** Reserves a seat of `sub` for a pending invitation (counted in `reserved`; it becomes a seat when the invitee accepts). */
export async function reserveSeat(ctx: HandlerContext, sub: Pick<SubscriptionRow, 'id'>, invitationId: string) {
  await ctx.db.query(`insert into seat_reservations (subscription_id, invitation_id) values ($1, $2)`, [sub.id, invitationId]);
}

/**
 * Seats for members (`memberIds`) and seats reserved for pending invitations (`invitationIds`); one result per item,
 * the members' first, each list in order. A reservation is what the invite flow's `subscriptionIds` makes: it counts
 * against the cap at once and becomes the invitee's seat when they accept.
 *
 * Round trips, whatever the number of items: a read of the members (their "seat assigned" emails are written and
 * sealed before the lock is taken), then one statement that calls `seatkit_claim_seats` (migration 007: the
 * subscription's lock, its seat counts, the member checks, the seats that fit and their audit events) and queues the
 * emails of the seats it gave. A subscription that can give nothing (full, canceled, expired) answers without a lock
 * (migration 016). For members only, the claim spends the subscription's seat tokens when it has enough (migration
 * 019), so such assignments into one subscription do not wait for each other; without enough it takes the
 * subscription's lock. Without an `Idempotency-Key` (`assignSeatsAlone`) that statement commits by itself; otherwise
 * it runs in the pipeline's transaction, and its locks last to the commit. With invitations, the claim takes the
 * lock (the reservations count under it), and they take a fixed number of statements more: read, reservations,
 * audit events, read back.
 */
export const assignSeats = Object.assign(
  defineHandler('assignSeats', async (ctx) => {
    const memberIds = ctx.body.memberIds ?? [];
    const invitationIds = ctx.body.invitationIds ?? [];
    // Invitations first, then the subscription: the order acceptance, resend and revoke take them in, so none of them
    // can wait on this request while it waits on them. Only live pending ones are locked (the others are refused below).
    if (invitationIds.length) {
      await ctx.db.query(
        `select id from invitations where org_id = $1 and id = any($2::text[]) and status = 'pending' and expires_at > $3 order by id for update`,
        [requireOrgCtx(ctx).id, [...new Set(invitationIds)], ctx.now],
      );
    }
    // Reservations follow under the subscription's lock: with invitations the claim takes it, not seat tokens.
    const claimed = (await claimSeats(ctx, ctx.params.subscriptionId, memberIds, 'transaction', invitationIds.length === 0))!;
    const reserved = await reserveSeats(ctx, claimed.sub, invitationIds, claimed.given.length);
    return { results: [...claimed.results, ...reserved] };
  }),
  { autocommit: assignSeatsAlone },
);

/**
 * The common assignment — members only, no `Idempotency-Key` — as one autocommit statement (`ctx.db` is the database,
 * not a transaction): the claim, its audit events (and the webhooks their trigger derives) and its emails commit
 * together. The claim spends seat tokens (migration 019) or, short of them, takes the subscription's lock, which then
 * ends with the statement instead of waiting for a COMMIT sent through a busy event loop.
 * `undefined` (the pipeline then runs `assignSeats` in its transaction) for invitations, which take the lock across
 * several statements, and when the statement found an email stale and gave nothing.
 */
async function assignSeatsAlone(ctx: RouteContext<'assignSeats'>): Promise<{ results: AssignSeatsItemResult[] } | undefined> {
  if (ctx.body.invitationIds?.length) return undefined;
  const claimed = await claimSeats(ctx, ctx.params.subscriptionId, ctx.body.memberIds ?? [], 'alone', true);
  return claimed ? { results: claimed.results } : undefined;
}

/** The SQLSTATE of `seatkit_refuse` (migration 017) when an assignment's emails went stale before its claim. */
const STALE_EMAILS = 'SK001';

interface ClaimRow {
  member_id: string | null;
  found: boolean;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  held: boolean;
  assigned_at: Date | null;
  assigned: number;
  reserved: number;
  status: SubscriptionRow['status'];
  expires_at: Date | null;
  seat_limit: number;
  product_id: string;
  product_key: string;
  product_name: string;
}

/**
 * The "seat assigned" email of each member of `memberIds` of the organization, sealed, with what it was written from
 * (the member's address and first name, the product's name): read before the lock, so the claim can queue them.
 */
async function sealSeatEmails(ctx: HandlerContext, subscriptionId: string, memberIds: readonly string[]) {
  const org = requireOrgCtx(ctx);
  if (!memberIds.length) return [];
  const { rows } = await ctx.db.query<{ id: string; email: string; first_name: string; product_name: string | null }>(
    `select m.id, m.email, m.first_name,
            (select p.name from subscriptions s join products p on p.id = s.product_id where s.org_id = $1 and s.id = $3) as product_name
       from members m where m.org_id = $1 and m.id = any($2::text[])`,
    [org.id, memberIds, subscriptionId],
  );
  const order = new Map(memberIds.map((id, i) => [id, i]));
  return Promise.all(
    rows
      .filter((r) => r.product_name !== null)
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map(async (r) => ({
        memberId: r.id,
        firstName: r.first_name,
        productName: r.product_name!,
        email: await ctx.sealEmail(
          'seat_assigned',
          seatAssignedEmail({ to: r.email, locale: org.locale, orgName: org.name, productName: r.product_name!, firstName: r.first_name, appUrl: ctx.settings.appUrl }),
        ),
      })),
  );
}

/**
 * Seats of the subscription `subscriptionId` for `memberIds`, and their emails, in one round trip: the subscription
 * as locked, with its counts before; the per-item results; the seats given, in order. The audit events are those
 * `ctx.audit` would write (`seat.assigned`, the same actor, request and time), one per seat. An email goes in with its
 * seat only if what it was written from is still what the claim read under the lock. Otherwise (a member renamed in
 * between), in a `transaction`, it is written again and queued after; `alone` (the statement commits by itself), the
 * statement refuses as a whole (`seatkit_refuse`) and this resolves `null`, nothing written.
 */
async function claimSeats(ctx: HandlerContext, subscriptionId: string, memberIds: readonly string[], mode: 'transaction' | 'alone', tokens: boolean) {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  // Each member once, in order of first mention; an empty id is refused below without reaching SQL.
  const unique = [...new Set(memberIds.filter((id) => id))];
  const sealed = await sealSeatEmails(ctx, subscriptionId, unique);
  // Alone, every seat given must have taken its email: else nothing is written (the request runs in a transaction).
  const refuseStale = `select case when (select count(*) from queued) = (select count(*) from claimed where assigned_at is not null) then true
              else seatkit_refuse('${STALE_EMAILS}', 'seat emails went stale before the claim') end as ok`;
  let rows: ClaimRow[];
  try {
    ({ rows } = await ctx.db.query<ClaimRow>(
      `with claimed as materialized (select * from seatkit_claim_seats($1, $2, $3, $4, $5, $6, $7, $8, $10)),
       queued as (
         ${outboxInsertSql('$9', '$3', 'member_id text, first_name text, product_name text', `exists (select 1 from claimed c where c.member_id = e.member_id and c.assigned_at is not null and c.email = e.to_email and c.first_name = e.first_name and c.product_name = e.product_name)`)}
         returning 1
       )${mode === 'alone' ? `,
       checked as materialized (${refuseStale})` : ''}
       select claimed.* from claimed${mode === 'alone' ? ' cross join checked' : ''}`,
      [
        subscriptionId,
        org.id,
        ctx.now,
        unique,
        caller.id,
        ctx.user?.email ?? null,
        ctx.requestId,
        // The statuses that hand out seats, as core's policy has them: the statement takes them as data, so the rule
        // stays in one place. (Expiry is the function's `expires_at > now`, the policy's too; `claimSeats` checks every
        // outcome against the policy afterwards.)
        seatGivingStatuses(),
        outboxRecords(
          sealed.map((s) => s.email),
          (i) => ({ member_id: sealed[i]!.memberId, first_name: sealed[i]!.firstName, product_name: sealed[i]!.productName }),
        ),
        // Whether the claim may spend seat tokens instead of taking the subscription's lock (migration 019).
        tokens,
      ],
    ));
  } catch (error) {
    if (mode === 'alone') {
      const code = (error as { code?: unknown }).code;
      if (code === STALE_EMAILS) return null;
      // The statement commits by itself: a connection lost under it leaves its outcome unknown, as a lost COMMIT does.
      const fault = databaseFault(error);
      if (fault === 'connection_lost' || fault === 'unreachable') markCommitFailure(error);
    }
    throw error;
  }
  const head = rows[0];
  if (!head) throw notFound('Subscription');
  const sub: SubscriptionRow = {
    id: subscriptionId,
    org_id: org.id,
    product_id: head.product_id,
    product_key: head.product_key,
    product_name: head.product_name,
    seat_limit: Number(head.seat_limit),
    status: head.status,
    expires_at: head.expires_at,
    assigned: Number(head.assigned),
    reserved: Number(head.reserved),
  };
  const outcome = new Map<string, { ok: true; seat: Seat } | { ok: false; error: ApiError }>();
  const given: Seat[] = [];
  const late: Seat[] = [];
  const sealedFor = new Map(sealed.map((s) => [s.memberId, s]));
  let rank = 0;
  for (const row of rows) {
    if (row.member_id === null) continue;
    if (!row.found) outcome.set(row.member_id, { ok: false, error: notFound('Member') });
    else if (row.held) outcome.set(row.member_id, { ok: false, error: new ApiError('already_assigned', `${row.first_name} ${row.last_name} already has a seat of ${sub.product_name}`.replace(/\s+/g, ' ')) });
    else {
      const refusal = seatRefusal(sub, ctx.now, rank++);
      // The statement and the policy must agree; a disagreement is a bug, not a client error.
      if ((refusal === null) !== (row.assigned_at !== null)) throw new Error(`claimSeats: the seat of ${row.member_id} disagrees with the policy`);
      if (refusal) outcome.set(row.member_id, { ok: false, error: refusal });
      else {
        const seat = toSeat({ subscription_id: sub.id, member_id: row.member_id, assigned_by: caller.id, assigned_at: row.assigned_at!, email: row.email!, first_name: row.first_name!, last_name: row.last_name!, sort_name: '' });
        outcome.set(row.member_id, { ok: true, seat });
        given.push(seat);
        const mail = sealedFor.get(row.member_id);
        if (!mail || mail.email.to !== row.email || mail.firstName !== row.first_name || mail.productName !== sub.product_name) late.push(seat);
      }
    }
  }
  // Alone the statement refused stale emails itself; a late one here would be a bug, and a write of its own.
  if (mode === 'alone' && late.length) throw new Error('claimSeats: the statement and the handler disagree on a stale email');
  for (const seat of late) {
    await ctx.email(
      'seat_assigned',
      seatAssignedEmail({ to: seat.member.email, locale: org.locale, orgName: org.name, productName: sub.product_name, firstName: seat.member.firstName, appUrl: ctx.settings.appUrl }),
    );
  }
  const seen = new Set<string>();
  const results: AssignSeatsItemResult[] = memberIds.map((memberId) => {
    if (!memberId) {
      const error = validationFailed([{ path: ['memberIds'], message: 'A member id is required', code: 'too_small' }], 'A member id is required');
      return { ok: false, memberId, error: itemError(error) };
    }
    const first = outcome.get(memberId)!;
    const repeat = seen.has(memberId);
    seen.add(memberId);
    // A member named twice: the second mention finds the seat the first one gave (or the first one's refusal).
    if (first.ok && repeat) {
      const { firstName, lastName } = first.seat.member;
      return { ok: false, memberId, error: itemError(new ApiError('already_assigned', `${firstName} ${lastName} already has a seat of ${sub.product_name}`.replace(/\s+/g, ' '))) };
    }
    return first.ok ? { ok: true, memberId, seat: first.seat } : { ok: false, memberId, error: itemError(first.error) };
  });
  return { sub, results, given };
}

/**
 * Seats of `sub` (locked by the claim) reserved for live pending invitations (locked by the caller), in order, after
 * the `taken` seats this request gave: one statement each reads the invitations, inserts the reservations and their
 * audit events (`seat.reserved`, as `ctx.audit` writes them) and reads the invitations back, whatever their number.
 * No email: the invitation's own is the news.
 */
async function reserveSeats(ctx: HandlerContext, sub: SubscriptionRow, invitationIds: readonly string[], taken: number): Promise<AssignSeatsItemResult[]> {
  if (!invitationIds.length) return [];
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const { rows } = await ctx.db.query<InvitationRow>(`${INVITATION_SELECT} where i.org_id = $1 and i.id = any($2::text[])`, [org.id, [...new Set(invitationIds)]]);
  const found = new Map(rows.map((r) => [r.id, r]));
  const reserving: InvitationRow[] = [];
  const decided = invitationIds.map((invitationId): { invitationId: string; error: ApiError } | { invitationId: string; row: InvitationRow } => {
    try {
      if (!invitationId) throw validationFailed([{ path: ['invitationIds'], message: 'An invitation id is required', code: 'too_small' }], 'An invitation id is required');
      const row = found.get(invitationId);
      if (!row) throw notFound('Invitation');
      const status = invitationStatus(row, ctx.now);
      if (status === 'expired') throw new ApiError('invitation_expired', `The invitation to ${row.email} has expired; resend it first`, { status });
      if (status !== 'pending') throw new ApiError('invitation_not_pending', `The invitation to ${row.email} was ${status}`, { status });
      // Named twice: the second mention finds the reservation the first one made.
      if (row.subscription_ids.includes(sub.id) || reserving.includes(row)) {
        throw new ApiError('already_assigned', `A seat of ${sub.product_name} is already reserved for ${row.email}`);
      }
      const refusal = seatRefusal(sub, ctx.now, taken + reserving.length);
      if (refusal) throw refusal;
      reserving.push(row);
      return { invitationId, row };
    } catch (error) {
      if (error instanceof ApiError) return { invitationId, error };
      throw error;
    }
  });
  let stored = new Map<string, InvitationRow>();
  if (reserving.length) {
    const ids = reserving.map((r) => r.id);
    await ctx.db.query(`insert into seat_reservations (subscription_id, invitation_id) select $1, unnest($2::text[])`, [sub.id, ids]);
    const events = reserving.map((r, ord) => ({ ord, target_id: r.id, data: { subscriptionId: sub.id, product: sub.product_key, email: r.email } }));
    await ctx.db.query(
      `insert into audit_events (${AUDIT_INSERT_COLUMNS})
       select $1, $2, $3, 'seat.reserved', 'invitation', e.target_id, e.data, $4, $5
         from jsonb_to_recordset($6::jsonb) as e(ord int, target_id text, data jsonb) order by e.ord`,
      [org.id, caller.id, ctx.user?.email ?? null, ctx.requestId, ctx.now, JSON.stringify(events)],
    );
    const again = await ctx.db.query<InvitationRow>(`${INVITATION_SELECT} where i.org_id = $1 and i.id = any($2::text[])`, [org.id, ids]);
    stored = new Map(again.rows.map((r) => [r.id, r]));
  }
  return decided.map((d) => ('error' in d ? { ok: false, invitationId: d.invitationId, error: itemError(d.error) } : { ok: true, invitationId: d.invitationId, invitation: toInvitation(stored.get(d.row.id)!, ctx.now) }));
}

export const unassignSeat = defineHandler('unassignSeat', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const sub = await findSubscription(ctx.db, org.id, ctx.params.subscriptionId);
  if (!sub) throw notFound('Subscription');
  const { rows } = await ctx.db.query(`delete from seat_assignments where subscription_id = $1 and member_id = $2 returning member_id`, [sub.id, ctx.params.memberId]);
  if (!rows.length) throw notFound('Seat');
  await ctx.audit({ action: 'seat.unassigned', targetType: 'member', targetId: ctx.params.memberId, data: { subscriptionId: sub.id, product: sub.product_key } });
  return null;
});

// Gates need the reason: a non-member hears `not_a_member` rather than a 404, and a suspended member reaches the handler
// to hear `member_suspended`.
const accessTenancy: TenancyOptions<'checkAccess'> = { notMemberAnswer: { allowed: false, reason: 'not_a_member' }, allowSuspended: true };

/**
 * Allowed iff the member holds a seat of an active, unexpired subscription of the product and is not suspended.
 * The reasons are checked from the most specific to the most general.
 */
export const checkAccess = defineHandler('checkAccess', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const q = ctx.query;
  let member = caller;
  if (q.memberId && q.memberId !== caller.id) {
    if (caller.status !== 'active') return { allowed: false, reason: 'member_suspended' };
    if (!memberPermissions(caller).includes('seats:read')) throw forbidden('seats:read');
    const { rows } = await ctx.db.query<typeof caller>(`select * from members where org_id = $1 and id = $2`, [org.id, q.memberId]);
    if (!rows[0]) return { allowed: false, reason: 'not_a_member' };
    member = rows[0];
  }
  const product = await ctx.db.query<{ id: string }>(`select id from products where key = $1`, [q.product]);
  if (!product.rows[0]) throw new ApiError('not_found', `Unknown product "${q.product}"`);
  if (member.status !== 'active') return { allowed: false, reason: 'member_suspended' };

  const { rows } = await ctx.db.query<{ id: string; status: SubscriptionStatus; expires_at: Date | null; last_used_at: Date | null }>(
    `select s.id, s.status, s.expires_at, sa.last_used_at from seat_assignments sa join subscriptions s on s.id = sa.subscription_id
      where sa.member_id = $1 and s.org_id = $2 and s.product_id = $3 order by s.created_at, s.id`,
    [member.id, org.id, product.rows[0].id],
  );
  const usability = (s: (typeof rows)[number]) => subscriptionUsability({ status: s.status, expiresAt: s.expires_at }, ctx.now);
  const good = rows.find((s) => usability(s).allowed);
  if (good) {
    await stampSeatUse(ctx, good.id, member.id, good.last_used_at);
    return { allowed: true, subscriptionId: good.id };
  }
  // Live but not active (past due, canceled): more specific than an expired one.
  const inactive = rows.find((s) => {
    const u = usability(s);
    return !u.allowed && u.reason !== 'expired';
  });
  if (inactive) return { allowed: false, reason: 'subscription_inactive', subscriptionId: inactive.id };
  if (rows[0]) return { allowed: false, reason: 'subscription_expired', subscriptionId: rows[0].id };

  const reserved = await ctx.db.query<{ subscription_id: string }>(
    `select sr.subscription_id from seat_reservations sr
       join invitations i on i.id = sr.invitation_id join subscriptions s on s.id = sr.subscription_id
      where i.org_id = $1 and i.email = $2 and i.status = 'pending' and i.expires_at > $3 and s.product_id = $4 limit 1`,
    [org.id, member.email, ctx.now, product.rows[0].id],
  );
  if (reserved.rows[0]) return { allowed: false, reason: 'seat_reserved', subscriptionId: reserved.rows[0].subscription_id };
  const request = await latestSeatRequest(ctx, member.id, product.rows[0].id);
  return request ? { allowed: false, reason: 'no_seat', request } : { allowed: false, reason: 'no_seat' };
}, accessTenancy);
