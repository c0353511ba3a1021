'use client';

import { describeError, type Seat } from '@seatkit/core';
import { forwardRef, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useUnassignSeat } from '../hooks/use-seat-mutations.js';
import { useSeats } from '../hooks/use-seats.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { LoadingState } from '../ui/spinner.js';
import { formatDate, memberName } from './member-helpers.js';

export interface SeatHolderListProps {
  /** The subscription whose holders are listed. */
  subscriptionId: string;
  /** Holders per page ("Load more" fetches the next). @default 50 */
  pageSize?: number;
  /** Shown in the empty state, e.g. an "Assign seat" button. */
  emptyAction?: ReactNode;
  /** The accessible name of the list. @default "Seat holders of {product}" */
  'aria-label'?: string;
  /** Class of the root (`seat-holder-list`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`seat-holder`, `seat-holder-name`, `seat-unassign-dialog`, `button`, …). */
  classNames?: SeatKitClassNames;
}

/**
 * The members holding a seat of one subscription, with "Unassign" (after a confirmation) for
 * callers holding `seats:assign`. Unassigning is optimistic: the row and the counts change at once
 * and come back if the server refuses.
 *
 * @example <SeatHolderList subscriptionId={subscription.id} />
 */
export const SeatHolderList = /* @__PURE__ */ withClassNames(forwardRef<HTMLDivElement, SeatHolderListProps>(function SeatHolderList(
  { subscriptionId, pageSize, emptyAction, 'aria-label': ariaLabel, className },
  ref,
) {
  const { messages, locale } = useSeatKit();
  const t = messages.subscriptions;
  const slot = useSlots();
  const { member: me } = useCurrentMember();
  const canUnassign = useCan('seats:assign');
  const seats = useSeats(subscriptionId, { limit: pageSize });
  const holders = useMemo(() => seats.data?.pages.flatMap((p) => p.items) ?? [], [seats.data]);
  const subscriptions = useSubscriptions();
  const product = subscriptions.data?.items.find((s) => s.id === subscriptionId)?.product.name ?? '';

  const unassign = useUnassignSeat();
  const [confirming, setConfirming] = useState<Seat | null>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; tone: 'success' | 'danger' } | null>(null);
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);

  async function onUnassign(seat: Seat) {
    const name = memberName(seat.member);
    setAnnouncement(null);
    try {
      await unassign.mutateAsync({ subscriptionId, memberId: seat.memberId });
      triggerRef.current = null;
      setAnnouncement({ tone: 'success', text: format(t.unassigned, { name }) });
    } catch (error) {
      setAnnouncement({ tone: 'danger', text: format(t.unassignFailed, { name, reason: describeError(error, messages.common.errors) }) });
    } finally {
      setConfirming(null);
    }
  }

  const label = ariaLabel ?? (product ? format(t.holdersTitle, { product }) : t.holdersLabel);
  let body: ReactNode;
  if (seats.isPending) {
    body = <LoadingState label={messages.common.loading} />;
  } else if (seats.isError && holders.length === 0) {
    body = <ErrorState error={seats.error} title={t.holdersErrorTitle} onRetry={() => void seats.refetch()} />;
  } else if (holders.length === 0) {
    body = <EmptyState title={t.holdersEmptyTitle} description={t.holdersEmptyDescription} action={emptyAction} />;
  } else {
    body = (
      <>
        <ul {...slot('seat-holder-items', 'seatkit-seat-holders')} aria-label={label}>
          {holders.map((seat) => {
            const name = memberName(seat.member);
            return (
              <li key={seat.memberId} {...slot('seat-holder')}>
                <span {...slot('seat-holder-who')}>
                  <span {...slot('seat-holder-name')}>{name}</span>
                  <span {...slot('seat-holder-email')}>{seat.member.email}</span>
                  <span {...slot('seat-holder-since')}>
                    {format(t.assignedOn, { date: formatDate(seat.assignedAt, locale, messages) })}
                  </span>
                </span>
                {canUnassign ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={format(t.unassignLabel, { name })}
                    onClick={(event) => {
                      triggerRef.current = event.currentTarget;
                      setConfirming(seat);
                    }}
                  >
                    {t.unassign}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {seats.hasNextPage ? (
          <div {...slot('seat-holder-load-more', 'seatkit-list-more')}>
            <Button size="sm" loading={seats.isFetchingNextPage} onClick={() => void seats.fetchNextPage()}>
              {t.loadMore}
            </Button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <div
      ref={ref}
      {...slot('seat-holder-list', 'seatkit-root seatkit-seat-holder-list', className)}
      data-state={seats.isPending ? 'loading' : seats.isError ? 'error' : holders.length === 0 ? 'empty' : 'ready'}
    >
      {body}
      <p
        ref={announcementRef}
        tabIndex={-1}
        role="status"
        {...slot('seat-holder-announcement', 'seatkit-notice seatkit-seat-holder-announcement')}
        data-tone={announcement?.tone}
      >
        {announcement?.text ?? ''}
      </p>
      {confirming ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && !unassign.isPending && setConfirming(null)}
          {...slot('seat-unassign-dialog')}
          // Cancelled: back to the row's button. Done: the row is gone, so to the sentence saying so.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (triggerRef.current) triggerRef.current.focus();
            else announcementRef.current?.focus();
          }}
          title={format(t.unassignTitle, { name: memberName(confirming.member) })}
          description={format(t.unassignDescription, { name: memberName(confirming.member), product })}
          action={
            <Button variant="danger" loading={unassign.isPending} onClick={() => void onUnassign(confirming)}>
              {t.unassignConfirm}
            </Button>
          }
        />
      ) : null}
    </div>
  );
}));
