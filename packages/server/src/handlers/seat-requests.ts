import {
  BUILT_IN_ROLE_PERMISSIONS,
  BUILT_IN_ROLES,
  canResolveSeatRequest,
  seatRequestPolicy,
  subscriptionUsability,
  type SeatRequest,
  type SeatRequestStatus,
  type SubscriptionStatus,
} from '@seatkit/core/contract';
import { defineHandler, requireMemberCtx, requireOrgCtx, type HandlerContext } from '../context.js';
import { ApiError, notFound, validationFailed } from '../errors.js';
import { seatRequestApprovedEmail, seatRequestDeniedEmail, seatRequestedEmail } from '../mail.js';
import { lockSubscriptions, MEMBER_SELECT, memberPermissions, type MemberRow, type SubscriptionRow } from '../repo.js';
import { encodeCursor, iso, isoRequired } from '../util.js';
import { seatRefusal } from './seats.js';
import { assertInvitationRate, cursorValues, fullName, pageLimit } from './shared.js';

interface SeatRequestRow {
  id: string;
  org_id: string;
  member_id: string;
  product_id: string;
  note: string | null;
  status: SeatRequestStatus;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  subscription_id: string | null;
  deny_reason: string | null;
  seq: string;
  email: string;
  first_name: string;
  last_name: string;
  product_key: string;
  product_name: string;
}

const REQUEST_SELECT = `
  select r.id, r.org_id, r.member_id, r.product_id, r.note, r.status, r.created_at, r.resolved_at, r.resolved_by,
         r.subscription_id, r.deny_reason, r.seq::text as seq, m.email, m.first_name, m.last_name,
         p.key as product_key, p.name as product_name
    from seat_requests r join members m on m.id = r.member_id join products p on p.id = r.product_id`;

const toSeatRequest = (r: SeatRequestRow): SeatRequest => ({
  id: r.id,
  orgId: r.org_id,
  memberId: r.member_id,
  member: { id: r.member_id, email: r.email, firstName: r.first_name, lastName: r.last_name },
  product: { key: r.product_key, name: r.product_name },
  note: r.note,
  status: r.status,
  createdAt: isoRequired(r.created_at),
  resolvedAt: iso(r.resolved_at),
  resolvedBy: r.resolved_by,
  subscriptionId: r.subscription_id,
  denyReason: r.deny_reason,
});

async function loadRequest(ctx: HandlerContext, id: string, lock = false): Promise<SeatRequestRow | null> {
  const { rows } = await ctx.db.query<SeatRequestRow>(`${REQUEST_SELECT} where r.org_id = $1 and r.id = $2${lock ? ' for update of r' : ''}`, [requireOrgCtx(ctx).id, id]);
  return rows[0] ?? null;
}

/** The product a request names, or `not_found` (as the access check answers an unknown product). */
async function requireProduct(ctx: HandlerContext, key: string) {
  const { rows } = await ctx.db.query<{ id: string; key: string; name: string }>(`select id, key, name from products where key = $1`, [key]);
  if (!rows[0]) throw new ApiError('not_found', `Unknown product "${key}"`);
  return rows[0];
}

/** The member's seats of a product in this organization, oldest subscription first. */
async function seatsOfProduct(ctx: HandlerContext, memberId: string, productId: string) {
  const { rows } = await ctx.db.query<{ subscription_id: string; status: SubscriptionStatus; expires_at: Date | null; assigned_by: string | null; assigned_at: Date }>(
    `select sa.subscription_id, s.status, s.expires_at, sa.assigned_by, sa.assigned_at from seat_assignments sa join subscriptions s on s.id = sa.subscription_id
      where sa.member_id = $1 and s.org_id = $2 and s.product_id = $3 order by s.created_at, s.id`,
    [memberId, requireOrgCtx(ctx).id, productId],
  );
  return rows;
}

// Built-in roles come from core's table; custom roles from their row. Narrowed in SQL, then checked with the same
// rule every route uses (`memberPermissions`).
const BUILT_IN_ASSIGNERS = BUILT_IN_ROLES.filter((role) => BUILT_IN_ROLE_PERMISSIONS[role].includes('seats:assign'));

/** Active members who may approve a request (`seats:assign`), to be told of it. */
async function seatAssigners(ctx: HandlerContext): Promise<MemberRow[]> {
  const { rows } = await ctx.db.query<MemberRow>(
    `${MEMBER_SELECT}
      where m.org_id = $1 and m.status = 'active'
        and (m.role = any($2::text[]) or 'seats:assign' = any(m.grants) or (not m.role = any($3::text[]) and 'seats:assign' = any(r.permissions)))
      order by m.id`,
    [requireOrgCtx(ctx).id, BUILT_IN_ASSIGNERS, [...BUILT_IN_ROLES]],
  );
  return rows.filter((m) => memberPermissions(m).includes('seats:assign'));
}

/**
 * A member asks for a seat of a product for themself. One pending request per member and product (a partial unique
 * index): asking again, even at the same moment, returns the pending one and tells nobody twice. Refused with
 * `already_assigned` when the caller already holds a usable seat of it. Each admin who can approve gets an email,
 * counted against the invitation rate limits.
 */
export const createSeatRequest = defineHandler('createSeatRequest', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const product = await requireProduct(ctx, ctx.body.product);
  const seats = await seatsOfProduct(ctx, caller.id, product.id);
  const holdsUsableSeat = seats.some((s) => subscriptionUsability({ status: s.status, expiresAt: s.expires_at }, ctx.now).allowed);
  const decision = seatRequestPolicy({ status: caller.status, holdsUsableSeat });
  // A suspended caller does not get this far (tenancy answers 404), so the refusal left is a seat already held.
  if (!decision.allowed) throw decision.reason === 'already_assigned' ? new ApiError('already_assigned', `You already have a seat of ${product.name}`) : notFound('Organization');
  const pending = async () => (await ctx.db.query<SeatRequestRow>(`${REQUEST_SELECT} where r.member_id = $1 and r.product_id = $2 and r.status = 'pending'`, [caller.id, product.id])).rows[0];
  const existing = await pending();
  if (existing) return toSeatRequest(existing);

  const assigners = await seatAssigners(ctx);
  await assertInvitationRate(ctx, Math.max(1, assigners.length));
  const note = ctx.body.note ? ctx.body.note : null;
  // A concurrent request of the same member and product waits on the unique index and then inserts nothing.
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into seat_requests (org_id, member_id, product_id, note, created_at) values ($1, $2, $3, $4, $5)
     on conflict (member_id, product_id) where status = 'pending' do nothing returning id`,
    [org.id, caller.id, product.id, note, ctx.now],
  );
  if (!rows[0]) return toSeatRequest((await pending())!);
  const id = rows[0].id;
  await ctx.audit({ action: 'seat_request.created', targetType: 'seat_request', targetId: id, data: { product: product.key, memberId: caller.id } });
  for (const admin of assigners) {
    await ctx.email(
      'seat_requested',
      seatRequestedEmail({
        to: admin.email,
        locale: org.locale,
        orgName: org.name,
        productName: product.name,
        requesterName: fullName(caller),
        requesterEmail: caller.email,
        note,
        reviewUrl: `${ctx.settings.appUrl}/?org=${encodeURIComponent(org.id)}&seatRequest=${encodeURIComponent(id)}`,
      }),
    );
  }
  return toSeatRequest((await loadRequest(ctx, id))!);
});

/** Newest first; `status` filters. A caller without `seats:read` sees only their own requests. */
export const listSeatRequests = defineHandler('listSeatRequests', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const q = ctx.query;
  const limit = pageLimit(q.limit);
  const params: unknown[] = [org.id];
  let where = 'r.org_id = $1';
  if (!memberPermissions(caller).includes('seats:read')) {
    params.push(caller.id);
    where += ` and r.member_id = $${params.length}`;
  }
  if (q.status) {
    params.push(q.status);
    where += ` and r.status = $${params.length}`;
  }
  const after = cursorValues(q.cursor, 'seq');
  if (after) {
    params.push(after[0]);
    where += ` and r.seq < $${params.length}::bigint`;
  }
  params.push(limit + 1);
  const { rows } = await ctx.db.query<SeatRequestRow>(`${REQUEST_SELECT} where ${where} order by r.seq desc limit $${params.length}`, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toSeatRequest), nextCursor: rows.length > limit && last ? encodeCursor([last.seq]) : null };
});

/** The request, locked, or `not_found`; one already approved or denied is refused (`validation_failed`, `request_resolved`). */
async function lockPendingRequest(ctx: HandlerContext, id: string): Promise<SeatRequestRow> {
  const request = await loadRequest(ctx, id, true);
  if (!request) throw notFound('Seat request');
  if (!canResolveSeatRequest(request)) {
    const message = `This request was already ${request.status}`;
    throw validationFailed([{ path: ['requestId'], message, code: 'request_resolved' }], message);
  }
  return request;
}

/**
 * Approves a pending request with a seat: of `subscriptionId` (which must be of the request's product), or of the
 * first usable subscription of the product with room. Every rule of a seat assignment holds: the subscription is
 * locked before its seats are counted, so of two approvals racing for the last seat one gets it and the other is
 * refused with `seats_exhausted`, its request left pending (the refusal rolls the transaction back).
 */
export const approveSeatRequest = defineHandler('approveSeatRequest', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const request = await lockPendingRequest(ctx, ctx.params.requestId);

  // A seat the member got meanwhile (assigned directly) answers the request.
  const held = (await seatsOfProduct(ctx, request.member_id, request.product_id)).find(
    (s) => (!ctx.body.subscriptionId || s.subscription_id === ctx.body.subscriptionId) && subscriptionUsability({ status: s.status, expiresAt: s.expires_at }, ctx.now).allowed,
  );
  let seat: { subscriptionId: string; assignedBy: string | null; assignedAt: Date };
  let sub: SubscriptionRow;
  if (held) {
    seat = { subscriptionId: held.subscription_id, assignedBy: held.assigned_by, assignedAt: held.assigned_at };
    sub = (await lockSubscriptions(ctx.db, org.id, [held.subscription_id], ctx.now)).get(held.subscription_id)!;
  } else {
    sub = await subscriptionWithRoom(ctx, request, ctx.body.subscriptionId);
    const { rows } = await ctx.db.query<{ assigned_at: Date }>(
      `insert into seat_assignments (subscription_id, member_id, assigned_by, assigned_at) values ($1, $2, $3, $4) returning assigned_at`,
      [sub.id, request.member_id, caller.id, ctx.now],
    );
    seat = { subscriptionId: sub.id, assignedBy: caller.id, assignedAt: rows[0]!.assigned_at };
    await ctx.audit({ action: 'seat.assigned', targetType: 'member', targetId: request.member_id, data: { subscriptionId: sub.id, product: sub.product_key, seatRequestId: request.id } });
  }
  await ctx.db.query(`update seat_requests set status = 'approved', resolved_at = $2, resolved_by = $3, subscription_id = $4 where id = $1`, [request.id, ctx.now, caller.id, seat.subscriptionId]);
  await ctx.audit({ action: 'seat_request.approved', targetType: 'seat_request', targetId: request.id, data: { product: request.product_key, memberId: request.member_id, subscriptionId: seat.subscriptionId } });
  await ctx.email(
    'seat_request_approved',
    seatRequestApprovedEmail({ to: request.email, locale: org.locale, orgName: org.name, productName: sub.product_name, firstName: request.first_name, appUrl: ctx.settings.appUrl }),
  );
  return {
    request: toSeatRequest((await loadRequest(ctx, request.id))!),
    seat: {
      subscriptionId: seat.subscriptionId,
      memberId: request.member_id,
      assignedBy: seat.assignedBy,
      assignedAt: isoRequired(seat.assignedAt),
      member: { id: request.member_id, email: request.email, firstName: request.first_name, lastName: request.last_name },
    },
  };
});

/**
 * The subscription whose seat approves `request`, locked: `subscriptionId` when given (refused as a seat assignment
 * would be), else the first of the product's subscriptions that hands out a seat now. With none, the refusal of the
 * first one (`seats_exhausted`, or `subscription_inactive` when none is live).
 */
async function subscriptionWithRoom(ctx: HandlerContext, request: SeatRequestRow, wanted: string | undefined): Promise<SubscriptionRow> {
  const org = requireOrgCtx(ctx);
  const { rows } = await ctx.db.query<{ id: string }>(
    `select id from subscriptions where org_id = $1 and product_id = $2 ${wanted ? 'and id = $3' : ''} order by created_at, id`,
    wanted ? [org.id, request.product_id, wanted] : [org.id, request.product_id],
  );
  if (wanted && !rows[0]) {
    // Another product's subscription of this organization is the caller's mistake; one of another organization does not exist.
    const other = await ctx.db.query(`select 1 from subscriptions where org_id = $1 and id = $2`, [org.id, wanted]);
    if (other.rows.length) {
      const message = `That subscription is not of ${request.product_name}`;
      throw validationFailed([{ path: ['subscriptionId'], message, code: 'wrong_product' }], message);
    }
    throw notFound('Subscription');
  }
  if (!rows[0]) throw new ApiError('seats_exhausted', `${request.product_name} has no subscription in this organization`, { product: request.product_key });
  // Locked in id order (`lockSubscriptions`), so two approvals never wait on each other in a cycle; tried in age order.
  const locked = await lockSubscriptions(ctx.db, org.id, rows.map((r) => r.id), ctx.now);
  let first: ApiError | null = null;
  for (const { id } of rows) {
    const sub = locked.get(id)!;
    const refusal = seatRefusal(sub, ctx.now);
    if (!refusal) return sub;
    first ??= refusal;
    // A live subscription without room says more than a dead one.
    if (first.code !== 'seats_exhausted' && refusal.code === 'seats_exhausted') first = refusal;
  }
  throw first!;
}

/** Denies a pending request; the requester is told, with the reason when one is given. */
export const denySeatRequest = defineHandler('denySeatRequest', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const request = await lockPendingRequest(ctx, ctx.params.requestId);
  const reason = ctx.body.reason ? ctx.body.reason : null;
  await ctx.db.query(`update seat_requests set status = 'denied', resolved_at = $2, resolved_by = $3, deny_reason = $4 where id = $1`, [request.id, ctx.now, caller.id, reason]);
  await ctx.audit({ action: 'seat_request.denied', targetType: 'seat_request', targetId: request.id, data: { product: request.product_key, memberId: request.member_id } });
  await ctx.email(
    'seat_request_denied',
    seatRequestDeniedEmail({ to: request.email, locale: org.locale, orgName: org.name, productName: request.product_name, firstName: request.first_name, reason }),
  );
  return toSeatRequest((await loadRequest(ctx, request.id))!);
});

/** The member's latest request for a product, as the access check names it. */
export async function latestSeatRequest(ctx: HandlerContext, memberId: string, productId: string) {
  const { rows } = await ctx.db.query<{ id: string; status: SeatRequestStatus; created_at: Date }>(
    `select id, status, created_at from seat_requests where member_id = $1 and product_id = $2 order by seq desc limit 1`,
    [memberId, productId],
  );
  return rows[0] ? { id: rows[0].id, status: rows[0].status, createdAt: isoRequired(rows[0].created_at) } : undefined;
}
