'use client';

import { subscriptionUsability, type Subscription } from '@seatkit/core';
import { format } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';
import { useSlots } from '../ui/class-names.js';
import { formatDate } from './member-helpers.js';

/** How full a subscription is: `over` when more seats are out than it has (an over-allocation to fix). */
export type SeatMeterState = 'available' | 'full' | 'over';

/**
 * The meter's state and tone. Full is normal (every seat paid for is used), so it keeps the neutral tone; red
 * (`danger`) is kept for what needs fixing: more seats out than the subscription has, or a subscription that is
 * no longer live (canceled or expired), whose seats give no access.
 */
export function seatMeterState(subscription: Subscription, now: Date): { state: SeatMeterState; tone: 'neutral' | 'danger' } {
  const { seats } = subscription;
  const used = seats.assigned + seats.reserved;
  const state: SeatMeterState = used > seats.total ? 'over' : seats.available <= 0 ? 'full' : 'available';
  const usability = subscriptionUsability({ status: subscription.status, expiresAt: subscription.expiresAt }, now);
  const dead = !usability.allowed && (usability.reason === 'expired' || usability.reason === 'canceled');
  return { state, tone: state === 'over' || dead ? 'danger' : 'neutral' };
}

/**
 * The subscription's end date in words that say what happens then: a live one renews, a canceled one ends, and
 * a past date has expired.
 */
export function subscriptionEndText(subscription: Subscription, now: Date, locale: string, messages: Messages): string {
  const t = messages.subscriptions;
  if (!subscription.expiresAt) return t.noExpiry;
  const date = formatDate(subscription.expiresAt, locale, messages);
  if (new Date(subscription.expiresAt).getTime() <= now.getTime()) return format(t.expiredOn, { date });
  return format(subscription.status === 'canceled' ? t.ends : t.renews, { date });
}

export interface SeatMeterProps {
  subscription: Subscription;
  now: Date;
}

/** The accessible seat meter: assigned, then reserved, over the subscription's seats. */
export function SeatMeter({ subscription, now }: SeatMeterProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.subscriptions;
  const slot = useSlots();
  const { product, seats } = subscription;
  const used = seats.assigned + seats.reserved;
  const pct = (n: number) => (seats.total > 0 ? `${Math.min(100, (n / seats.total) * 100)}%` : '0%');
  const { state, tone } = seatMeterState(subscription, now);
  return (
    <div
      role="meter"
      aria-label={format(t.usageLabel, { product: product.name })}
      aria-valuemin={0}
      aria-valuemax={seats.total}
      aria-valuenow={used}
      aria-valuetext={format(t.usageText, { used, total: seats.total, assigned: seats.assigned, reserved: seats.reserved }, locale)}
      {...slot('seat-meter')}
      data-state={state}
      data-tone={tone}
    >
      <span {...slot('seat-meter-assigned')} style={{ inlineSize: pct(seats.assigned) }} />
      <span {...slot('seat-meter-reserved')} style={{ inlineSize: pct(seats.reserved) }} />
    </div>
  );
}
