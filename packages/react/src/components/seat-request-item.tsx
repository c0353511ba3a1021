'use client';

import { canHandOutSeats, type SeatRequest, type Subscription } from '@seatkit/core';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Badge, type BadgeTone } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { Checkbox } from '../ui/field.js';
import { Select } from '../ui/select.js';
import { formatDate, memberName } from './member-helpers.js';

const STATUS_TONE: Record<SeatRequest['status'], BadgeTone> = { pending: 'info', approved: 'success', denied: 'neutral' };

/** The subscriptions that could give this request its seat, live ones with room first; the first is the default pick. */
export function subscriptionChoices(request: SeatRequest, subscriptions: readonly Subscription[], now: Date) {
  const ofProduct = subscriptions.filter((s) => s.product.key === request.product.key);
  const choices = ofProduct.map((s) => {
    const decision = canHandOutSeats({ status: s.status, expiresAt: s.expiresAt, seats: s.seats }, now);
    return { subscription: s, usable: decision.allowed, reason: decision.allowed ? null : decision.reason };
  });
  return choices.sort((a, b) => Number(b.usable) - Number(a.usable));
}

export interface SeatRequestItemProps {
  request: SeatRequest;
  subscriptions: readonly Subscription[];
  /** The subscription picked for its approval (`''`: the server picks). */
  subscriptionId: string;
  onSubscriptionChange: (subscriptionId: string) => void;
  /** Approve and deny shown (`seats:assign`), and the row selectable while pending. */
  canResolve: boolean;
  selected: boolean;
  onSelectedChange: (selected: boolean) => void;
  busy: boolean;
  onApprove: () => void;
  onDeny: (trigger: HTMLButtonElement) => void;
}

/** One request as a card: who, what, when, their note; then the subscription picker, Approve and Deny while pending. */
export function SeatRequestItem({
  request,
  subscriptions,
  subscriptionId,
  onSubscriptionChange,
  canResolve,
  selected,
  onSelectedChange,
  busy,
  onApprove,
  onDeny,
}: SeatRequestItemProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.seatRequests;
  const slot = useSlots();
  const name = memberName(request.member);
  const pending = request.status === 'pending';
  const choices = subscriptionChoices(request, subscriptions, new Date());
  const options = choices.map(({ subscription: s, reason }) => ({
    value: s.id,
    label:
      reason === 'canceled' || reason === 'expired'
        ? format(reason === 'canceled' ? messages.assignSeat.subscriptionOptionCanceled : messages.assignSeat.subscriptionOptionExpired, { product: s.product.name })
        : format(messages.assignSeat.subscriptionOption, { product: s.product.name, available: s.seats.available }, locale),
    disabled: reason !== null,
  }));
  const resolvedOn = request.status === 'approved' ? t.approvedOn : t.deniedOn;

  return (
    <li {...slot('seat-request', 'seatkit-seat-request')} data-state={request.status}>
      {canResolve && pending ? (
        <Checkbox
          {...slot('seat-request-select')}
          aria-label={format(t.select, { name })}
          checked={selected}
          onChange={(event) => onSelectedChange(event.currentTarget.checked)}
        />
      ) : null}
      <div {...slot('seat-request-main')}>
        <p {...slot('seat-request-who')}>
          <span {...slot('seat-request-name')}>{name}</span> <span {...slot('seat-request-email')}>{request.member.email}</span>
        </p>
        <p {...slot('seat-request-what')}>
          {format(t.product, { product: request.product.name })} ·{' '}
          {format(pending ? t.requestedOn : resolvedOn, { date: formatDate(pending ? request.createdAt : request.resolvedAt, locale, messages) })}{' '}
          <Badge tone={STATUS_TONE[request.status]}>{t.status[request.status]}</Badge>
        </p>
        {request.note ? (
          <p {...slot('seat-request-note')}>
            <span {...slot('seat-request-label')}>{t.noteLabel}</span> {request.note}
          </p>
        ) : null}
        {request.denyReason ? (
          <p {...slot('seat-request-note')}>
            <span {...slot('seat-request-label')}>{t.denyReasonLabel}</span> {request.denyReason}
          </p>
        ) : null}
      </div>
      {canResolve && pending ? (
        <div {...slot('seat-request-actions')}>
          {options.length > 0 ? (
            <Select
              label={format(t.subscriptionLabel, { name })}
              hideLabel
              options={options}
              value={subscriptionId}
              onChange={(event) => onSubscriptionChange(event.currentTarget.value)}
            />
          ) : null}
          <Button variant="primary" size="sm" loading={busy} aria-label={format(t.approveLabel, { name })} onClick={onApprove}>
            {t.approve}
          </Button>
          <Button size="sm" variant="ghost" disabled={busy} aria-label={format(t.denyLabel, { name })} onClick={(event) => onDeny(event.currentTarget)}>
            {t.deny}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
