import type { MemberStatus, ReclaimPolicy, SeatRequestStatus } from '../contract/schemas.js';

const DAY_MS = 24 * 3600_000;

/** Days without use after which a seat counts as idle when its subscription has no reclaim policy. */
export const DEFAULT_IDLE_DAYS = 30;

/** Why a member may not ask for a seat of a product. */
export type SeatRequestRefusal = 'member_suspended' | 'already_assigned';

export type SeatRequestDecision = { allowed: true } | { allowed: false; reason: SeatRequestRefusal };

/**
 * Whether a member may ask for a seat of a product: an active member who holds no usable seat of it (a seat of a
 * live subscription; see `subscriptionUsability`). A pending request of theirs is no refusal: asking again returns it.
 * The kit shows "Request a seat" from it; the server refuses with its reason as the error code.
 *
 * @example
 * seatRequestPolicy({ status: 'active', holdsUsableSeat: false }) // { allowed: true }
 * seatRequestPolicy({ status: 'active', holdsUsableSeat: true })  // { allowed: false, reason: 'already_assigned' }
 */
export function seatRequestPolicy(member: { status: MemberStatus; holdsUsableSeat: boolean }): SeatRequestDecision {
  if (member.status !== 'active') return { allowed: false, reason: 'member_suspended' };
  if (member.holdsUsableSeat) return { allowed: false, reason: 'already_assigned' };
  return { allowed: true };
}

/** Only a pending request can be approved or denied. */
export const canResolveSeatRequest = (request: { status: SeatRequestStatus }): boolean => request.status === 'pending';

/** The days of idleness that count for a subscription: its policy's `idleDays`, else {@link DEFAULT_IDLE_DAYS}. */
export const idleDaysOf = (subscription: { reclaimPolicy?: ReclaimPolicy | null }): number => subscription.reclaimPolicy?.idleDays ?? DEFAULT_IDLE_DAYS;

/** The moment a seat went quiet: its last use, or its assignment when never used. */
export function idleSince(seat: { assignedAt: string | Date; lastUsedAt: string | Date | null }): Date {
  return new Date(seat.lastUsedAt ?? seat.assignedAt);
}

/** When a seat quiet since its last use (or assignment) becomes idle for `idleDays`: the day a policy reclaims it. */
export const reclaimDate = (seat: { assignedAt: string | Date; lastUsedAt: string | Date | null }, idleDays: number): Date =>
  new Date(idleSince(seat).getTime() + idleDays * DAY_MS);

/** Seats quiet since before this moment are idle for `idleDays` at `now` (the server compares its rows with it). */
export const idleCutoff = (now: Date, idleDays: number): Date => new Date(now.getTime() - idleDays * DAY_MS);

/**
 * Whether a seat is idle: unused (or, never used, assigned) for at least `idleDays` days at `now`.
 *
 * @example
 * isSeatIdle({ assignedAt: '2026-01-01T00:00:00Z', lastUsedAt: null }, 30, new Date('2026-03-01')) // true
 */
export function isSeatIdle(seat: { assignedAt: string | Date; lastUsedAt: string | Date | null }, idleDays: number, now: Date): boolean {
  return reclaimDate(seat, idleDays).getTime() <= now.getTime();
}

/**
 * What a reclaim policy does to a seat at `now`: `reclaim` once it is idle for `idleDays`; `warn` from `warnDays`
 * before that (never with `warnDays` 0); else `none`. The scheduler acts on it once per seat and quiet spell.
 */
export function reclaimStage(
  seat: { assignedAt: string | Date; lastUsedAt: string | Date | null },
  policy: ReclaimPolicy,
  now: Date,
): 'none' | 'warn' | 'reclaim' {
  if (isSeatIdle(seat, policy.idleDays, now)) return 'reclaim';
  if (policy.warnDays > 0 && isSeatIdle(seat, policy.idleDays - policy.warnDays, now)) return 'warn';
  return 'none';
}

/**
 * The seat count a usage report suggests: the most seats used on one day plus the requests pending that day — "used at
 * most 7 of 12 in 90 days", no request, suggests 7. `null` without days to judge from.
 *
 * @example
 * suggestedSeatCount([{ used: 3, requested: 0 }, { used: 7, requested: 1 }]) // 8
 */
export function suggestedSeatCount(days: readonly { used: number; requested: number }[]): number | null {
  if (days.length === 0) return null;
  return Math.max(...days.map((d) => d.used + d.requested));
}

/** The most seats used on one day of a usage report (0 without days). */
export const peakSeatsUsed = (days: readonly { used: number }[]): number => days.reduce((max, d) => Math.max(max, d.used), 0);
