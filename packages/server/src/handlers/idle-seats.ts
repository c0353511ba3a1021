import { idleCutoff, idleDaysOf, isSeatIdle, reclaimDate, reclaimStage, type IdleSeat, type ReclaimResult } from '@seatkit/core/contract';
import { defineHandler, requireMemberCtx, requireOrgCtx, type HandlerContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { ApiError, itemError, notFound, validationFailed } from '../errors.js';
import { queueSealedEmails, requestSeatUrl, seatIdleWarningEmail, seatReclaimedEmail, type EmailKind, type MailMessage } from '../mail.js';
import { AUDIT_INSERT_COLUMNS, loadSubscription, lockSubscriptions, reclaimPolicyOf, SUBSCRIPTION_SELECT, toSubscription, type SubscriptionRow } from '../repo.js';
import { encodeCursor, iso, isoRequired } from '../util.js';
import { cursorValues, pageLimit } from './shared.js';

/** A seat's `last_used_at` is written at most this often: the access check stays a read almost every time. */
export const SEAT_USE_INTERVAL_MS = 5 * 60_000;

/**
 * Stage of the access check: notes that the holder used the seat, when its stamp is older than
 * {@link SEAT_USE_INTERVAL_MS} (so at most one write per seat every few minutes, and never for a seat used just now).
 * A seat idle long enough to be reclaimed always gets it, so a reclaim that runs after this sees the use. Best effort:
 * a failed stamp does not fail the check.
 */
export async function stampSeatUse(ctx: HandlerContext, subscriptionId: string, memberId: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && ctx.now.getTime() - new Date(lastUsedAt).getTime() < SEAT_USE_INTERVAL_MS) return;
  await ctx.db
    .query(`update seat_assignments set last_used_at = $3 where subscription_id = $1 and member_id = $2 and (last_used_at is null or last_used_at < $3)`, [
      subscriptionId,
      memberId,
      ctx.now,
    ])
    .catch(() => {});
}

interface IdleRow {
  member_id: string;
  assigned_at: Date;
  last_used_at: Date | null;
  since: Date;
  email: string;
  first_name: string;
  last_name: string;
}

const IDLE_SELECT = `
  select sa.member_id, sa.assigned_at, sa.last_used_at, coalesce(sa.last_used_at, sa.assigned_at) as since, m.email, m.first_name, m.last_name
    from seat_assignments sa join members m on m.id = sa.member_id`;

const toIdleSeat = (r: IdleRow): IdleSeat => ({
  memberId: r.member_id,
  member: { id: r.member_id, email: r.email, firstName: r.first_name, lastName: r.last_name },
  assignedAt: isoRequired(r.assigned_at),
  lastUsedAt: iso(r.last_used_at),
});

async function requireSubscription(ctx: HandlerContext, subscriptionId: string) {
  const sub = await loadSubscription(ctx.db, requireOrgCtx(ctx).id, subscriptionId, ctx.now);
  if (!sub) throw notFound('Subscription');
  return sub;
}

/** The dry run: the subscription's seats idle for `idleDays` (default: its policy's, else 30), oldest use first. */
export const listIdleSeats = defineHandler('listIdleSeats', async (ctx) => {
  const sub = await requireSubscription(ctx, ctx.params.subscriptionId);
  const q = ctx.query;
  const idleDays = q.idleDays ? Number(q.idleDays) : idleDaysOf({ reclaimPolicy: reclaimPolicyOf(sub) });
  const cutoff = idleCutoff(ctx.now, idleDays);
  const limit = pageLimit(q.limit);
  const params: unknown[] = [sub.id, cutoff];
  let where = 'sa.subscription_id = $1 and coalesce(sa.last_used_at, sa.assigned_at) <= $2';
  const after = cursorValues(q.cursor, 'nameId');
  if (after) {
    // The cursor's first value is a time here: one that is not is a tampered cursor, a 400 like any other.
    const [sinceText, memberId] = [String(after[0]), String(after[1])];
    const since = new Date(sinceText);
    if (Number.isNaN(since.getTime()) || !/^\d{4}-\d\d-\d\dT/.test(sinceText)) {
      throw validationFailed([{ path: ['cursor'], message: 'Invalid cursor', code: 'invalid_cursor' }]);
    }
    params.push(since, memberId);
    where += ` and (coalesce(sa.last_used_at, sa.assigned_at), sa.member_id) > ($3, $4)`;
  }
  params.push(limit + 1);
  const [{ rows }, total] = [
    await ctx.db.query<IdleRow>(`${IDLE_SELECT} where ${where} order by coalesce(sa.last_used_at, sa.assigned_at), sa.member_id limit $${params.length}`, params),
    await ctx.db.query<{ n: number }>(`select count(*)::int as n from seat_assignments sa where sa.subscription_id = $1 and coalesce(sa.last_used_at, sa.assigned_at) <= $2`, [sub.id, cutoff]),
  ];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    idleDays,
    items: page.map(toIdleSeat),
    count: Number(total.rows[0]!.n),
    nextCursor: rows.length > limit && last ? encodeCursor([isoRequired(last.since), last.member_id]) : null,
  };
});

/** A seat a reclaim released, with what its holder's email needs. */
export interface ReleasedSeat {
  memberId: string;
  email: string;
  firstName: string;
}

/** Who released seats, for the audit trail: a member through the API, or the scheduler (`null` member, `'scheduler'`). */
interface ReclaimActor {
  memberId: string | null;
  email: string | null;
  requestId: string | null;
}

/**
 * Releases the seats of a locked subscription that are idle for `idleDays` at `now`: every such seat, or those of
 * `memberIds` that are. The seats are locked and judged again here (core's `isSeatIdle`), so one used since a dry run
 * (its stamp committed meanwhile) is skipped with `seats_in_use`; one that is not held is `not_found`. Writes one
 * `seat.reclaimed` audit event per seat, in one statement; the caller emails the holders.
 */
export async function releaseIdleSeats(
  db: Queryable,
  input: { orgId: string; sub: SubscriptionRow; idleDays: number; now: Date; memberIds?: readonly string[]; actor: ReclaimActor; reason: 'manual' | 'policy' },
): Promise<{ results: ReclaimResult[]; released: ReleasedSeat[] }> {
  const { sub, idleDays, now } = input;
  const cutoff = idleCutoff(now, idleDays);
  // Locked in member order. Without memberIds the filter is re-checked on the latest row version after a wait, so a
  // seat stamped meanwhile drops out.
  const { rows } = input.memberIds
    ? await db.query<IdleRow>(`${IDLE_SELECT} where sa.subscription_id = $1 and sa.member_id = any($2::text[]) order by sa.member_id for update of sa`, [sub.id, [...new Set(input.memberIds)]])
    : await db.query<IdleRow>(
        `${IDLE_SELECT} where sa.subscription_id = $1 and coalesce(sa.last_used_at, sa.assigned_at) <= $2 order by sa.member_id for update of sa`,
        [sub.id, cutoff],
      );
  const byMember = new Map(rows.map((r) => [r.member_id, r]));
  const order = input.memberIds ?? [...rows].sort((a, b) => new Date(a.since).getTime() - new Date(b.since).getTime() || (a.member_id < b.member_id ? -1 : 1)).map((r) => r.member_id);
  const results: ReclaimResult[] = [];
  const released: (ReleasedSeat & { row: IdleRow })[] = [];
  const seen = new Set<string>();
  for (const memberId of order) {
    const row = seen.has(memberId) ? undefined : byMember.get(memberId);
    seen.add(memberId);
    if (!row) {
      results.push({ ok: false, memberId, error: itemError(notFound('Seat')) });
    } else if (!isSeatIdle({ assignedAt: row.assigned_at, lastUsedAt: row.last_used_at }, idleDays, now)) {
      const error = new ApiError('seats_in_use', `${row.first_name} ${row.last_name} used ${sub.product_name} within the last ${idleDays} days`.replace(/\s+/g, ' '), {
        reason: 'not_idle',
        lastUsedAt: iso(row.last_used_at),
      });
      results.push({ ok: false, memberId, error: itemError(error) });
    } else {
      results.push({ ok: true, memberId, assignedAt: isoRequired(row.assigned_at), lastUsedAt: iso(row.last_used_at) });
      released.push({ memberId, email: row.email, firstName: row.first_name, row });
    }
  }
  if (released.length) {
    const ids = released.map((r) => r.memberId);
    await db.query(`delete from seat_assignments where subscription_id = $1 and member_id = any($2::text[])`, [sub.id, ids]);
    await db.query(
      `insert into audit_events (${AUDIT_INSERT_COLUMNS})
       select $1, $2, $3, 'seat.reclaimed', 'member', m.id,
              jsonb_build_object('subscriptionId', $4::text, 'product', $5::text, 'idleDays', $6::int, 'reason', $7::text, 'lastUsedAt', m.last_used_at),
              $8, $9
         from unnest($10::text[], $11::text[]) with ordinality as m(id, last_used_at, ord) order by m.ord`,
      [input.orgId, input.actor.memberId, input.actor.email, sub.id, sub.product_key, idleDays, input.reason, input.actor.requestId, now, ids, released.map((r) => iso(r.row.last_used_at))],
    );
  }
  return { results, released: released.map(({ row: _row, ...seat }) => seat) };
}

/** The email telling a holder their seat was released, with a link back to the request flow. */
export const reclaimedEmail = (seat: ReleasedSeat, context: { orgId: string; orgName: string; locale: string; sub: Pick<SubscriptionRow, 'product_key' | 'product_name'>; idleDays: number; appUrl: string }): MailMessage =>
  seatReclaimedEmail({
    to: seat.email,
    locale: context.locale,
    orgName: context.orgName,
    productName: context.sub.product_name,
    firstName: seat.firstName,
    idleDays: context.idleDays,
    requestUrl: requestSeatUrl(context.appUrl, context.orgId, context.sub.product_key),
  });

/** Releases the seats still idle (all, or those of `memberIds`); one result per seat; each holder emailed. */
export const reclaimSeats = defineHandler('reclaimSeats', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const sub = (await lockSubscriptions(ctx.db, org.id, [ctx.params.subscriptionId], ctx.now)).get(ctx.params.subscriptionId);
  if (!sub) throw notFound('Subscription');
  const { idleDays, memberIds } = ctx.body;
  if (memberIds?.some((id) => !id)) throw validationFailed([{ path: ['memberIds'], message: 'A member id is required', code: 'too_small' }]);
  const { results, released } = await releaseIdleSeats(ctx.db, {
    orgId: org.id,
    sub,
    idleDays,
    now: ctx.now,
    memberIds,
    actor: { memberId: caller.id, email: ctx.user?.email ?? null, requestId: ctx.requestId },
    reason: 'manual',
  });
  // Sealed here, queued in one statement: a reclaim of a thousand seats is one outbox insert, not a thousand.
  const emails = await Promise.all(
    released.map((seat) => ctx.sealEmail('seat_reclaimed', reclaimedEmail(seat, { orgId: org.id, orgName: org.name, locale: org.locale, sub, idleDays, appUrl: ctx.settings.appUrl }))),
  );
  await queueSealedEmails(ctx.db, emails, ctx.now);
  return { idleDays, results };
});

/** Sets or clears the subscription's reclaim policy (the server key sets it with the subscription's own PATCH). */
export const setReclaimPolicy = defineHandler('setReclaimPolicy', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const policy = ctx.body.reclaimPolicy;
  const { rows } = await ctx.db.query<{ id: string }>(
    `update subscriptions set reclaim_idle_days = $3, reclaim_warn_days = $4 where org_id = $1 and id = $2 returning id`,
    [org.id, ctx.params.subscriptionId, policy?.idleDays ?? null, policy?.warnDays ?? null],
  );
  if (!rows[0]) throw notFound('Subscription');
  await ctx.audit({ action: 'subscription.reclaim_policy_set', targetType: 'subscription', targetId: rows[0].id, data: { reclaimPolicy: policy } });
  return toSubscription((await loadSubscription(ctx.db, org.id, rows[0].id, ctx.now))!);
});

/** What one run of the reclaim policies did. */
export interface PolicyRunResult {
  warned: number;
  reclaimed: number;
}

/**
 * The scheduler's work for every subscription with a reclaim policy, inside the job's transaction: holders of seats
 * entering the warning window are warned once per quiet spell (`idle_warned_at`), and seats idle for the policy's days
 * are released (core's `reclaimStage` decides both). `email` queues in the same transaction.
 */
export async function applyReclaimPolicies(
  db: Queryable,
  at: Date,
  appUrl: string,
  email: (kind: EmailKind, message: MailMessage) => Promise<void>,
): Promise<PolicyRunResult> {
  const { rows: subs } = await db.query<{ id: string; org_id: string; org_name: string; org_locale: string; reclaim_idle_days: number; reclaim_warn_days: number }>(
    `select s.id, s.org_id, o.name as org_name, o.locale as org_locale, s.reclaim_idle_days, s.reclaim_warn_days
       from subscriptions s join organizations o on o.id = s.org_id where s.reclaim_idle_days is not null order by s.id`,
  );
  const result: PolicyRunResult = { warned: 0, reclaimed: 0 };
  for (const row of subs) {
    const policy = { idleDays: Number(row.reclaim_idle_days), warnDays: Number(row.reclaim_warn_days) };
    const sub = (await lockSubscriptions(db, row.org_id, [row.id], at)).get(row.id);
    if (!sub) continue;
    const { released } = await releaseIdleSeats(db, { orgId: row.org_id, sub, idleDays: policy.idleDays, now: at, actor: { memberId: null, email: 'scheduler', requestId: null }, reason: 'policy' });
    for (const seat of released) {
      await email('seat_reclaimed', reclaimedEmail(seat, { orgId: row.org_id, orgName: row.org_name, locale: row.org_locale, sub, idleDays: policy.idleDays, appUrl }));
    }
    result.reclaimed += released.length;
    if (policy.warnDays === 0) continue;
    // Entering the window: quiet since before the warning cutoff (not yet idle: those were just released), and not
    // warned since they were last used.
    const { rows: warned } = await db.query<IdleRow>(
      `with due as (
         select sa.member_id from seat_assignments sa
          where sa.subscription_id = $1 and coalesce(sa.last_used_at, sa.assigned_at) <= $2
            and (sa.idle_warned_at is null or sa.idle_warned_at < coalesce(sa.last_used_at, sa.assigned_at))
          for update of sa
       ), stamped as (
         update seat_assignments sa set idle_warned_at = $3 from due where sa.subscription_id = $1 and sa.member_id = due.member_id
         returning sa.member_id, sa.assigned_at, sa.last_used_at
       )
       select s.member_id, s.assigned_at, s.last_used_at, coalesce(s.last_used_at, s.assigned_at) as since, m.email, m.first_name, m.last_name
         from stamped s join members m on m.id = s.member_id order by since, s.member_id`,
      [sub.id, idleCutoff(at, policy.idleDays - policy.warnDays), at],
    );
    for (const seat of warned) {
      // The policy decides; the SQL above only narrowed the rows.
      if (reclaimStage({ assignedAt: seat.assigned_at, lastUsedAt: seat.last_used_at }, policy, at) !== 'warn') continue;
      const reclaimOn = reclaimDate({ assignedAt: seat.assigned_at, lastUsedAt: seat.last_used_at }, policy.idleDays);
      await email(
        'seat_idle_warning',
        seatIdleWarningEmail({ to: seat.email, locale: row.org_locale, orgName: row.org_name, productName: sub.product_name, firstName: seat.first_name, idleDays: policy.idleDays, reclaimOn, appUrl }),
      );
      result.warned++;
    }
  }
  return result;
}

/** One subscription's idle seats, as `seatkit-server reclaim` reports them. */
export interface IdleSeatReport {
  sub: SubscriptionRow;
  idleDays: number;
  seats: IdleSeat[];
}

/**
 * Every subscription of an organization with the seats idle for `idleDays` (default: each one's policy, else 30), oldest
 * use first — the dry run of `listIdleSeats`, for the whole organization at once. `null` when there is no such
 * organization.
 */
export async function idleSeatReport(db: Queryable, orgId: string, now: Date, idleDays?: number): Promise<{ orgName: string; orgLocale: string; items: IdleSeatReport[] } | null> {
  const org = await db.query<{ name: string; locale: string }>(`select name, locale from organizations where id = $1`, [orgId]);
  if (!org.rows[0]) return null;
  const { rows: subs } = await db.query<SubscriptionRow>(`${SUBSCRIPTION_SELECT} where s.org_id = $2 order by s.created_at, p.name, s.id`, [now, orgId]);
  const items: IdleSeatReport[] = [];
  for (const sub of subs) {
    const days = idleDays ?? idleDaysOf({ reclaimPolicy: reclaimPolicyOf(sub) });
    const { rows } = await db.query<IdleRow>(
      `${IDLE_SELECT} where sa.subscription_id = $1 and coalesce(sa.last_used_at, sa.assigned_at) <= $2 order by coalesce(sa.last_used_at, sa.assigned_at), sa.member_id`,
      [sub.id, idleCutoff(now, days)],
    );
    items.push({ sub, idleDays: days, seats: rows.map(toIdleSeat) });
  }
  return { orgName: org.rows[0].name, orgLocale: org.rows[0].locale, items };
}

/**
 * Releases the idle seats of every subscription of an organization (`idleDays` as in {@link idleSeatReport}), each
 * holder emailed through `email` (queued in the same transaction); audited as done by `actorEmail`.
 */
export async function reclaimOrganization(
  db: Queryable,
  input: { orgId: string; now: Date; idleDays?: number; appUrl: string; actorEmail: string; email: (kind: EmailKind, message: MailMessage) => Promise<void> },
): Promise<{ sub: SubscriptionRow; idleDays: number; results: ReclaimResult[] }[] | null> {
  const report = await idleSeatReport(db, input.orgId, input.now, input.idleDays);
  if (!report) return null;
  const done = [];
  for (const item of report.items) {
    const sub = (await lockSubscriptions(db, input.orgId, [item.sub.id], input.now)).get(item.sub.id)!;
    const { results, released } = await releaseIdleSeats(db, {
      orgId: input.orgId,
      sub,
      idleDays: item.idleDays,
      now: input.now,
      actor: { memberId: null, email: input.actorEmail, requestId: null },
      reason: 'manual',
    });
    for (const seat of released) {
      await input.email('seat_reclaimed', reclaimedEmail(seat, { orgId: input.orgId, orgName: report.orgName, locale: report.orgLocale, sub, idleDays: item.idleDays, appUrl: input.appUrl }));
    }
    done.push({ sub, idleDays: item.idleDays, results });
  }
  return done;
}
