import { subscriptionUsability, type SeatResult, type SubscriptionStatus } from '@seatkit/core/contract';
import { defineHandler, requireMemberCtx, requireOrgCtx, type TenancyOptions } from '../context.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import { seatAssignedEmail } from '../mail.js';
import { loadSubscription, lockSubscriptions, memberPermissions, SUBSCRIPTION_SELECT, toSubscription, type SubscriptionRow } from '../repo.js';
import { encodeCursor, isoRequired } from '../util.js';
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

export const assignSeats = defineHandler('assignSeats', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const { memberIds } = ctx.body;
  // The row lock serializes every assignment to this subscription: the count below cannot go stale.
  const locked = await lockSubscriptions(ctx.db, org.id, [ctx.params.subscriptionId], ctx.now);
  const sub = locked.get(ctx.params.subscriptionId);
  if (!sub) throw notFound('Subscription');
  let used = sub.assigned + sub.reserved;

  const results: SeatResult[] = [];
  for (const memberId of memberIds) {
    const fail = (code: ApiError['code'], message: string) => results.push({ ok: false, memberId, error: { code, message } });
    if (!memberId) {
      fail('validation_failed', 'A member id is required');
      continue;
    }
    // KEY SHARE waits for a concurrent removal of this member and then finds no row (not_found) instead of
    // failing the seat insert on its foreign key.
    const { rows } = await ctx.db.query<{ id: string; email: string; first_name: string; last_name: string; held: boolean }>(
      `select m.id, m.email, m.first_name, m.last_name,
              exists (select 1 from seat_assignments sa where sa.subscription_id = $3 and sa.member_id = m.id) as held
         from members m where m.org_id = $1 and m.id = $2
          for key share of m`,
      [org.id, memberId, sub.id],
    );
    const member = rows[0];
    if (!member) {
      fail('not_found', 'Member not found');
      continue;
    }
    if (member.held) {
      fail('already_assigned', `${member.first_name} ${member.last_name} already has a seat of ${sub.product_name}`.replace(/\s+/g, ' '));
      continue;
    }
    if (used + 1 > sub.seat_limit) {
      fail('seats_exhausted', `No seats left in ${sub.product_name}: all ${sub.seat_limit} are in use`);
      continue;
    }
    const inserted = await ctx.db.query<{ assigned_at: Date }>(
      `insert into seat_assignments (subscription_id, member_id, assigned_by, assigned_at) values ($1, $2, $3, $4) returning assigned_at`,
      [sub.id, member.id, caller.id, ctx.now],
    );
    used++;
    await ctx.audit({ action: 'seat.assigned', targetType: 'member', targetId: member.id, data: { subscriptionId: sub.id, product: sub.product_key } });
    await ctx.email(
      'seat_assigned',
      seatAssignedEmail({ to: member.email, orgName: org.name, productName: sub.product_name, firstName: member.first_name, appUrl: ctx.settings.appUrl }),
    );
    results.push({
      ok: true,
      memberId,
      seat: toSeat({ subscription_id: sub.id, member_id: member.id, assigned_by: caller.id, assigned_at: inserted.rows[0]!.assigned_at, email: member.email, first_name: member.first_name, last_name: member.last_name, sort_name: '' }),
    });
  }
  return { results };
});

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

  const { rows } = await ctx.db.query<{ id: string; status: SubscriptionStatus; expires_at: Date | null }>(
    `select s.id, s.status, s.expires_at from seat_assignments sa join subscriptions s on s.id = sa.subscription_id
      where sa.member_id = $1 and s.org_id = $2 and s.product_id = $3 order by s.created_at, s.id`,
    [member.id, org.id, product.rows[0].id],
  );
  const usability = (s: (typeof rows)[number]) => subscriptionUsability({ status: s.status, expiresAt: s.expires_at }, ctx.now);
  const good = rows.find((s) => usability(s).allowed);
  if (good) return { allowed: true, subscriptionId: good.id };
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
  return { allowed: false, reason: 'no_seat' };
}, accessTenancy);
