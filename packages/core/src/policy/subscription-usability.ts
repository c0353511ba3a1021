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
