'use client';

import { canHandOutSeats, type AssignSeatsItemResult, type SeatHandOutDecision, type Subscription } from '@seatkit/core';
import { format } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';
import { useSlots } from '../ui/class-names.js';
import type { SelectOption } from '../ui/select.js';
import { itemErrorText } from './member-helpers.js';

/** One assignment's outcome: a line per person (members, then pending invitees), in the order sent. */
export type AssignResults = { items: Array<{ name: string; result: AssignSeatsItemResult }> };

/** One person's line, in the user's words: the codes the dialog can meet are explained, others named. */
function resultText({ name, result }: AssignResults['items'][number], messages: Messages): string {
  const t = messages.assignSeat;
  const invitee = 'invitationId' in result;
  if (result.ok) return format(invitee ? t.resultReserved : t.resultAssigned, { name });
  const { code, message } = result.error;
  switch (code) {
    case 'already_assigned':
      return format(invitee ? t.resultAlreadyReserved : t.resultAlready, { name });
    case 'seats_exhausted':
      return format(t.resultExhausted, { name });
    case 'subscription_inactive':
      return format(t.resultInactive, { name });
    case 'invitation_not_pending':
      return format(t.resultInvitationGone, { name });
    case 'invitation_expired':
      return format(t.resultInvitationExpired, { name });
    default:
      return format(t.resultFailed, { name, reason: itemErrorText(code, message, messages) });
  }
}

/**
 * The outcome of an assignment, announced: a summary, then a line per person (`already_assigned`, `seats_exhausted`,
 * `subscription_inactive` and a pending invitee's reservation explained).
 */
export function AssignSeatResults({ results }: { results: AssignResults }) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const done = results.items.filter((i) => i.result.ok);
  const reserved = done.filter((i) => 'invitationId' in i.result).length;
  const failed = results.items.length - done.length;
  // Invitees picked: say how many seats were reserved besides those assigned.
  const summary = results.items.some((i) => 'invitationId' in i.result)
    ? format(t.summaryReserved, { assigned: done.length - reserved, reserved, failed }, locale)
    : format(t.summary, { ok: done.length, failed }, locale);
  return (
    <div {...slot('assign-seat-results')} role="status">
      <p {...slot('assign-seat-results-summary')}>{summary}</p>
      <ul {...slot('assign-seat-results-list')}>
        {results.items.map((item) => {
          const { result } = item;
          const key = 'invitationId' in result ? `i-${result.invitationId}` : `m-${result.memberId}`;
          return (
            <li
              key={key}
              {...slot('assign-seat-result')}
              data-state={result.ok ? ('invitationId' in result ? 'reserved' : 'assigned') : 'failed'}
              data-code={result.ok ? undefined : result.error.code}
            >
              {resultText(item, messages)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The subscription's seats left (live: here or elsewhere seats change) and why none can be handed out: a dead
 * subscription's reason, no seat left — or, past due, that seats handed out give access only once it is paid.
 */
export function AssignSeatUsage({ subscription, decision }: { subscription: Subscription; decision: SeatHandOutDecision }) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const available = Math.max(0, subscription.seats.available);
  const full = available === 0;
  return (
    <div {...slot('assign-seat-usage')} data-state={!decision.allowed ? decision.reason : full ? 'full' : 'available'}>
      <p role="status" {...slot('assign-seat-left')}>
        <strong>{format(t.seatsLeft, { count: available }, locale)}</strong>{' '}
        <span {...slot('assign-seat-counts')}>
          ({format(t.seatsSummary, { assigned: subscription.seats.assigned, reserved: subscription.seats.reserved, total: subscription.seats.total }, locale)})
        </span>
      </p>
      {!decision.allowed && decision.reason !== 'full' ? (
        <p data-tone="warning" {...slot('assign-seat-inactive', 'seatkit-notice')}>{messages.subscriptions.refused[decision.reason]}</p>
      ) : full ? (
        <p data-tone="warning" {...slot('assign-seat-full', 'seatkit-notice')}>{t.exhaustedNotice}</p>
      ) : null}
      {decision.allowed && decision.pastDue ? (
        <p data-tone="warning" {...slot('assign-seat-past-due', 'seatkit-notice')}>{messages.subscriptions.pastDue}</p>
      ) : null}
    </div>
  );
}

/** The subscription picker's options: seats left of each, or — greyed out — why a dead one hands out none. */
export function subscriptionOptions(subscriptions: readonly Subscription[], messages: Messages, locale: string): SelectOption[] {
  const t = messages.assignSeat;
  const now = new Date();
  return subscriptions.map((s) => {
    const decision = canHandOutSeats({ status: s.status, expiresAt: s.expiresAt }, now);
    const product = s.product.name;
    if (decision.allowed) return { value: s.id, label: format(t.subscriptionOption, { product, available: s.seats.available }, locale) };
    const label = decision.reason === 'canceled' ? t.subscriptionOptionCanceled : t.subscriptionOptionExpired;
    return { value: s.id, label: format(label, { product }), disabled: true };
  });
}
