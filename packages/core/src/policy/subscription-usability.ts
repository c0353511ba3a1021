import type { SubscriptionStatus } from '../contract/schemas.js';

/** Why a subscription hands out no seat (and, for all but `full`, grants no access). */
export type SubscriptionUnusableReason = 'expired' | 'canceled' | 'past_due' | 'full';

export type SubscriptionUsability = { allowed: true } | { allowed: false; reason: SubscriptionUnusableReason };

/** A subscription as the rule needs it: a `Subscription`, or a server row mapped to these names. */
export interface UsabilityInput {
  status: SubscriptionStatus;
  expiresAt: string | Date | null;
  /** When given, a subscription without a free seat is `full`. */
  seats?: { available: number };
}

/**
 * Whether a subscription is live: `active` and not past its expiry (an expiry at `now` has passed). Expiry is
 * checked first, so an expired, canceled subscription reads `expired` — the access check's
 * `subscription_expired` versus `subscription_inactive`. With `seats`, a live one with no free seat is `full`.
 *
 * @example
 * subscriptionUsability({ status: 'active', expiresAt: '2020-01-01T00:00:00Z' }, new Date()) // { allowed: false, reason: 'expired' }
 * subscriptionUsability(subscription, new Date()) // { allowed: false, reason: 'full' } when seats.available is 0
 */
export function subscriptionUsability(subscription: UsabilityInput, now: Date): SubscriptionUsability {
  const { expiresAt, status, seats } = subscription;
  if (expiresAt !== null && new Date(expiresAt).getTime() <= now.getTime()) return { allowed: false, reason: 'expired' };
  if (status !== 'active') return { allowed: false, reason: status };
  if (seats && seats.available <= 0) return { allowed: false, reason: 'full' };
  return { allowed: true };
}

/** Why no seat of a subscription may be handed out: it is dead (`expired`, `canceled`) or, with `seats`, `full`. */
export type SeatHandOutRefusal = 'expired' | 'canceled' | 'full';

export type SeatHandOutDecision =
  /** `pastDue`: the seat is handed out, but grants no access until the subscription is active again. */
  | { allowed: true; pastDue: boolean }
  | { allowed: false; reason: SeatHandOutRefusal };

/**
 * Whether seats of a subscription may be handed out — assigned to a member, or reserved by an invitation (and turned
 * into a seat when it is accepted). A dead subscription (canceled, or past its expiry) hands out nothing: the server
 * refuses with `subscription_inactive`. A `past_due` one still does, because what an overdue payment means is the
 * host's call (it cancels the subscription to stop it); such a seat grants access once the subscription is active
 * again. Built on {@link subscriptionUsability}, so "dead" means what it means for the access check.
 *
 * @example
 * canHandOutSeats({ status: 'canceled', expiresAt: null }, new Date())  // { allowed: false, reason: 'canceled' }
 * canHandOutSeats({ status: 'past_due', expiresAt: null }, new Date())  // { allowed: true, pastDue: true }
 * canHandOutSeats(subscription, new Date())                             // { allowed: false, reason: 'full' } when seats.available is 0
 */
export function canHandOutSeats(subscription: UsabilityInput, now: Date): SeatHandOutDecision {
  // Without `seats`: fullness is judged below, after a past-due status (which would hide it).
  const usability = subscriptionUsability({ status: subscription.status, expiresAt: subscription.expiresAt }, now);
  if (!usability.allowed && usability.reason !== 'past_due') return { allowed: false, reason: usability.reason as 'expired' | 'canceled' };
  if (subscription.seats && subscription.seats.available <= 0) return { allowed: false, reason: 'full' };
  return { allowed: true, pastDue: !usability.allowed };
}

/** Every status, checked against the contract's list by the compiler (a new status must be added here). */
const STATUSES = { active: true, past_due: true, canceled: true } satisfies Record<SubscriptionStatus, true>;

/**
 * The statuses whose subscriptions hand out seats until they expire, by {@link canHandOutSeats}. For code that
 * decides in bulk, where the rule cannot be called per row: the server's seat claim, one SQL statement, takes them
 * as data.
 *
 * @example
 * seatGivingStatuses() // ['active', 'past_due']
 */
export function seatGivingStatuses(): SubscriptionStatus[] {
  return (Object.keys(STATUSES) as SubscriptionStatus[]).filter((status) => canHandOutSeats({ status, expiresAt: null }, new Date(0)).allowed);
}
