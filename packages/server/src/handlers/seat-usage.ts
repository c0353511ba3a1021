import { idleCutoff, idleDaysOf, type SeatUsageDay, type SubscriptionUsage } from '@seatkit/core/contract';
import { defineHandler, requireOrgCtx } from '../context.js';
import type { Queryable } from '../db/database.js';
import { seatsAssignedSql } from '../repo.js';
import { listSubscriptions as listSubscriptionsBase } from './seats.js';

const DAY_MS = 24 * 3600_000;

/** The UTC day of `at` as `YYYY-MM-DD`, and its first moment. */
const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const dayStart = (at: Date) => new Date(`${utcDay(at)}T00:00:00.000Z`);

/**
 * The idle seats and pending requests of each subscription of `subscriptions` (of the organization `orgId`), in one
 * statement: one select per subscription, its id and cutoff as parameters, so the planner reads the idle seats off
 * the idle index (migration 008) by the cutoff's value. With the cutoffs joined from an array it could not see them,
 * guessed a third of the seats idle, and read every seat of a subscription held by 50,000 members (8.7 ms each,
 * where none was idle; Postgres, 2026-12-06).
 */
export function idleAndRequestedQuery(orgId: string, subscriptions: readonly (Parameters<typeof idleDaysOf>[0] & { id: string })[], now: Date) {
  const params: unknown[] = [orgId];
  const selects = subscriptions.map((s) => {
    params.push(s.id, idleCutoff(now, idleDaysOf(s)));
    const id = `$${params.length - 1}::text`;
    return `select ${id} as id,
            (select count(*)::int from seat_assignments sa where sa.subscription_id = ${id} and coalesce(sa.last_used_at, sa.assigned_at) <= $${params.length}::timestamptz) as idle,
            (select count(*)::int from seat_requests r join subscriptions s on s.org_id = r.org_id and s.product_id = r.product_id
              where s.id = ${id} and r.org_id = $1 and r.status = 'pending') as requested`;
  });
  return { sql: selects.join('\nunion all\n'), params };
}

/**
 * `listSubscriptions` with each subscription's `seats.idle` (by its policy's `idleDays`, else 30) and `seats.requested`
 * (pending requests for its product), counted in one statement for the whole page. A layer over the seat handler's
 * list, so the subscription row every other handler loads (and locks) carries no extra counting.
 */
export const listSubscriptions = defineHandler('listSubscriptions', async (ctx) => {
  const result = await listSubscriptionsBase(ctx);
  if (!result.items.length) return result;
  const { sql, params } = idleAndRequestedQuery(requireOrgCtx(ctx).id, result.items, ctx.now);
  const { rows } = await ctx.db.query<{ id: string; idle: number; requested: number }>(sql, params);
  const counts = new Map(rows.map((r) => [r.id, r]));
  return {
    items: result.items.map((s) => ({ ...s, seats: { ...s.seats, idle: Number(counts.get(s.id)?.idle ?? 0), requested: Number(counts.get(s.id)?.requested ?? 0) } })),
  };
});

interface UsageRow {
  subscription_id: string;
  day: string;
  assigned: number;
  used: number;
  requested: number;
}

/**
 * Today's counts of every subscription (all organizations, or `orgId`'s): seats assigned (`seatsAssignedSql`), seats
 * used since the UTC day began, requests pending for the product. What the scheduler records and what the report
 * shows for today.
 */
function liveUsageSql(orgFilter: string) {
  return `
    select s.id as subscription_id, $1::date::text as day,
           ${seatsAssignedSql('s.id')} as assigned,
           (select count(*)::int from seat_assignments sa where sa.subscription_id = s.id and sa.last_used_at >= $2) as used,
           (select count(*)::int from seat_requests r where r.org_id = s.org_id and r.product_id = s.product_id and r.status = 'pending') as requested
      from subscriptions s ${orgFilter}`;
}

/**
 * The scheduler's daily record: today's row of every subscription, written again on each run (the last run of a day
 * leaves its final counts; `used` only grows within a day, so a seat released in the afternoon still counts as used).
 */
export async function recordSeatUsage(db: Queryable, at: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `with written as (
       insert into seat_usage_days (subscription_id, day, assigned, used, requested)
       select subscription_id, day::date, assigned, used, requested from (${liveUsageSql('')}) live
       on conflict (subscription_id, day) do update
         set assigned = excluded.assigned, used = greatest(seat_usage_days.used, excluded.used), requested = excluded.requested
       returning 1
     ) select count(*)::int as n from written`,
    [utcDay(at), dayStart(at)],
  );
  return Number(rows[0]!.n);
}

/**
 * Per subscription of the organization, per UTC day of the last `days` (today included): the recorded days, and
 * today as it stands now. Days nothing was recorded for (before the subscription, or while no scheduler ran) are left
 * out rather than drawn as zeros.
 */
export const getSeatUsage = defineHandler('getSeatUsage', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const days = ctx.query.days ? Number(ctx.query.days) : 90;
  const today = utcDay(ctx.now);
  const from = utcDay(new Date(dayStart(ctx.now).getTime() - (days - 1) * DAY_MS));
  const { rows: subs } = await ctx.db.query<{ id: string; product_key: string; product_name: string; seat_limit: number }>(
    `select s.id, p.key as product_key, p.name as product_name, s.seat_limit from subscriptions s join products p on p.id = s.product_id
      where s.org_id = $1 order by s.created_at, p.name, s.id`,
    [org.id],
  );
  const { rows: recorded } = await ctx.db.query<UsageRow>(
    `select d.subscription_id, d.day::text as day, d.assigned, d.used, d.requested
       from seat_usage_days d join subscriptions s on s.id = d.subscription_id
      where s.org_id = $1 and d.day >= $2::date and d.day < $3::date order by d.subscription_id, d.day`,
    [org.id, from, today],
  );
  const { rows: live } = await ctx.db.query<UsageRow>(liveUsageSql('where s.org_id = $3'), [today, dayStart(ctx.now), org.id]);
  const { rows: todayRecorded } = await ctx.db.query<{ subscription_id: string; used: number }>(
    `select d.subscription_id, d.used from seat_usage_days d join subscriptions s on s.id = d.subscription_id where s.org_id = $1 and d.day = $2::date`,
    [org.id, today],
  );
  const usedToday = new Map(todayRecorded.map((r) => [r.subscription_id, Number(r.used)]));
  const byId = new Map<string, SeatUsageDay[]>(subs.map((s) => [s.id, []]));
  const point = (r: UsageRow, used = Number(r.used)): SeatUsageDay => ({ day: r.day, assigned: Number(r.assigned), used, requested: Number(r.requested) });
  for (const r of recorded) byId.get(r.subscription_id)?.push(point(r));
  for (const r of live) byId.get(r.subscription_id)?.push(point(r, Math.max(Number(r.used), usedToday.get(r.subscription_id) ?? 0)));
  const items: SubscriptionUsage[] = subs.map((s) => ({
    subscriptionId: s.id,
    product: { key: s.product_key, name: s.product_name },
    seatLimit: Number(s.seat_limit),
    days: byId.get(s.id)!,
  }));
  return { days, from, to: today, items };
});
