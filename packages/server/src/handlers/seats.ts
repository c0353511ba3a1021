import {
  canHandOutSeats,
  subscriptionUsability,
  type AssignSeatsItemResult,
  type Invitation,
  type Seat,
  type SubscriptionStatus,
} from '@seatkit/core/contract';
import { defineHandler, requireMemberCtx, requireOrgCtx, type HandlerContext, type TenancyOptions } from '../context.js';
import { ApiError, forbidden, itemError, notFound, validationFailed } from '../errors.js';
import { seatAssignedEmail } from '../mail.js';
import {
  invitationStatus,
  loadInvitation,
  loadSubscription,
  memberPermissions,
  SUBSCRIPTION_SELECT,
  toInvitation,
  toSubscription,
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

export const listSeats = defineHandler('listSeats', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const sub = await loadSubscription(ctx.db, org.id, ctx.params.subscriptionId, ctx.now);
  if (!sub) throw notFound('Subscription');
  const q = ctx.query;
  const limit = pageLimit(q.limit);
  const params: unknown[] = [sub.id];
  let where = 'sa.subscription_id = $1';
  const after = cursorValues(q.cursor, 'nameId');
  if (after) {
    params.push(String(after[0]), String(after[1]));
    where += ` and (m.sort_name, m.id) > ($2, $3)`;
  }
  params.push(limit + 1);
  const { rows } = await ctx.db.query<SeatRow>(`${SEAT_SELECT} where ${where} order by m.sort_name, m.id limit $${params.length}`, params);
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
 * Round trips, whatever the number of members: one call of `seatkit_claim_seats` (migration 007) takes the
 * subscription's lock, counts its seats, checks the members and inserts the seats that fit and their audit events;
 * then one outbox insert per seat given, and the commit. The lock serializes every assignment to the subscription (it
 * is what keeps the cap exact); no client round trip sits between taking it and inserting the seats.
 */
export const assignSeats = defineHandler('assignSeats', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const memberIds = ctx.body.memberIds ?? [];
  const invitationIds = ctx.body.invitationIds ?? [];
  // Invitations first, then the subscription: the order acceptance, resend and revoke take them in, so none of them
  // can wait on this request while it waits on them. Only live pending ones are locked (the others are refused below).
  if (invitationIds.length) {
    await ctx.db.query(
      `select id from invitations where org_id = $1 and id = any($2::text[]) and status = 'pending' and expires_at > $3 order by id for update`,
      [org.id, [...new Set(invitationIds)], ctx.now],
    );
  }
  const claimed = await claimSeats(ctx, ctx.params.subscriptionId, memberIds);
  const { sub } = claimed;
  const taken = { count: claimed.given.length };
  for (const seat of claimed.given) {
    await ctx.email(
      'seat_assigned',
      seatAssignedEmail({ to: seat.member.email, orgName: org.name, productName: sub.product_name, firstName: seat.member.firstName, appUrl: ctx.settings.appUrl }),
    );
  }

  const results: AssignSeatsItemResult[] = [...claimed.results];
  for (const invitationId of invitationIds) {
    try {
      results.push({ ok: true, invitationId, invitation: await reserveOne(ctx, sub, invitationId, taken) });
    } catch (error) {
      results.push({ ok: false, invitationId, error: itemError(error) });
    }
  }
  return { results };
});

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
 * The statuses whose subscriptions hand out seats, as core's policy (`canHandOutSeats`) has them: `seatkit_claim_seats`
 * takes them as data, so the rule stays in one place. (Expiry is the function's `expires_at > now`, the policy's too;
 * `claimSeats` checks every outcome against the policy afterwards.)
 */
const liveStatuses = (now: Date) =>
  (['active', 'past_due', 'canceled'] as const satisfies readonly SubscriptionRow['status'][]).filter((status) => canHandOutSeats({ status, expiresAt: null }, now).allowed);

/**
 * Seats of the subscription `subscriptionId` for `memberIds`, in one round trip (`seatkit_claim_seats`): the
 * subscription as locked, with its counts before; the per-item results; the seats given, in order. The audit events
 * are those `ctx.audit` would write (`seat.assigned`, the same actor, request and time), one per seat.
 */
async function claimSeats(ctx: HandlerContext, subscriptionId: string, memberIds: readonly string[]) {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  // Each member once, in order of first mention; an empty id is refused below without reaching SQL.
  const unique = [...new Set(memberIds.filter((id) => id))];
  const { rows } = await ctx.db.query<ClaimRow>(`select * from seatkit_claim_seats($1, $2, $3, $4, $5, $6, $7, $8)`, [
    subscriptionId,
    org.id,
    ctx.now,
    unique,
    caller.id,
    ctx.user?.email ?? null,
    ctx.requestId,
    liveStatuses(ctx.now),
  ]);
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
      }
    }
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

/** Reserves a seat for a live pending invitation (locked by the caller). No email: the invitation's own is the news. */
async function reserveOne(ctx: HandlerContext, sub: SubscriptionRow, invitationId: string, taken: { count: number }): Promise<Invitation> {
  const org = requireOrgCtx(ctx);
  if (!invitationId) throw validationFailed([{ path: ['invitationIds'], message: 'An invitation id is required', code: 'too_small' }], 'An invitation id is required');
  const row = await loadInvitation(ctx.db, org.id, invitationId);
  if (!row) throw notFound('Invitation');
  const status = invitationStatus(row, ctx.now);
  if (status === 'expired') throw new ApiError('invitation_expired', `The invitation to ${row.email} has expired; resend it first`, { status });
  if (status !== 'pending') throw new ApiError('invitation_not_pending', `The invitation to ${row.email} was ${status}`, { status });
  if (row.subscription_ids.includes(sub.id)) {
    throw new ApiError('already_assigned', `A seat of ${sub.product_name} is already reserved for ${row.email}`);
  }
  const refusal = seatRefusal(sub, ctx.now, taken.count);
  if (refusal) throw refusal;
  await reserveSeat(ctx, sub, row.id);
  taken.count++;
  await ctx.audit({ action: 'seat.reserved', targetType: 'invitation', targetId: row.id, data: { subscriptionId: sub.id, product: sub.product_key, email: row.email } });
  return toInvitation((await loadInvitation(ctx.db, org.id, row.id))!, ctx.now);
}

export const unassignSeat = defineHandler('unassignSeat', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const sub = await loadSubscription(ctx.db, org.id, ctx.params.subscriptionId, ctx.now);
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
