'use client';

import type { SeatResult, Subscription } from '@seatkit/core';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { useSlots } from '../ui/class-names.js';
import { itemErrorText } from './member-helpers.js';

/** One assignment's outcome: a line per person, in the order sent. */
export type AssignResults = { items: Array<{ name: string; result: SeatResult }>; ok: number; failed: number };

/** The outcome of an assignment, announced: a summary, then a line per person (`already_assigned`, `seats_exhausted` explained). */
export function AssignSeatResults({ results }: { results: AssignResults }) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  return (
    <div {...slot('assign-seat-results')} role="status">
      <p {...slot('assign-seat-results-summary')}>{format(t.summary, { ok: results.ok, failed: results.failed }, locale)}</p>
      <ul {...slot('assign-seat-results-list')}>
        {results.items.map(({ name, result }) => (
          <li key={result.memberId} {...slot('assign-seat-result')} data-state={result.ok ? 'assigned' : 'failed'} data-code={result.ok ? undefined : result.error.code}>
            {result.ok
              ? format(t.resultAssigned, { name })
              : result.error.code === 'already_assigned'
                ? format(t.resultAlready, { name })
                : result.error.code === 'seats_exhausted'
                  ? format(t.resultExhausted, { name })
                  : format(t.resultFailed, { name, reason: itemErrorText(result.error.code, result.error.message, messages) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The subscription's seats left (live: here or elsewhere seats change) and why none can be handed out. */
export function AssignSeatUsage({ subscription, usable }: { subscription: Subscription; usable: boolean }) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const available = Math.max(0, subscription.seats.available);
  const full = available === 0;
  return (
    <div {...slot('assign-seat-usage')} data-state={full ? 'full' : 'available'}>
      <p role="status" {...slot('assign-seat-left')}>
        <strong>{format(t.seatsLeft, { count: available }, locale)}</strong>{' '}
        <span {...slot('assign-seat-counts')}>
          ({format(t.seatsSummary, { assigned: subscription.seats.assigned, reserved: subscription.seats.reserved, total: subscription.seats.total })})
        </span>
      </p>
      {!usable ? (
        <p data-tone="warning" {...slot('assign-seat-inactive', 'seatkit-notice')}>{t.inactiveNotice}</p>
      ) : full ? (
        <p data-tone="warning" {...slot('assign-seat-full', 'seatkit-notice')}>{t.exhaustedNotice}</p>
      ) : null}
    </div>
  );
}
