'use client';

import { canHandOutSeats, idleDaysOf, subscriptionUsability, type Subscription } from '@seatkit/core';
import { forwardRef, useId, useState, type ReactNode } from 'react';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';
import { Badge, type BadgeTone } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { SeatIcon } from '../ui/icons.js';
import { LoadingState } from '../ui/spinner.js';
import { AssignSeatDialog } from './assign-seat-dialog.js';
import { ReclaimSeatsDialog } from './reclaim-seats-dialog.js';
import { SeatHolderList } from './seat-holder-list.js';
import { SeatMeter, subscriptionEndText } from './subscription-meter.js';

export interface SubscriptionListProps {
  /**
   * Replaces the built-in `AssignSeatDialog` behind each "Assign seat" button (e.g. to open your
   * own dialog or route).
   */
  onAssignSeat?: (subscription: Subscription) => void;
  /** Subscriptions whose holder lists start expanded. */
  defaultExpanded?: readonly string[];
  /** Holders per page in the expanded lists. @default 50 */
  holderPageSize?: number;
  /** Heading level of each subscription's product name. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5;
  /** The accessible name of the list's region. @default messages.subscriptions.title */
  'aria-label'?: string;
  /** Class of the root (`subscription-list`). */
  className?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`subscription`, `seat-meter`, `subscription-actions`, `button`, …),
   * including the seat holder lists and assign dialogs inside.
   */
  classNames?: SeatKitClassNames;
}

const STATUS_TONE: Record<Subscription['status'], BadgeTone> = { active: 'success', past_due: 'warning', canceled: 'neutral' };

/**
 * Why "Assign seat" is unavailable, or `null`: core's `canHandOutSeats`, the server's own rule (a canceled or expired
 * subscription hands out nothing; a past-due one still does, and the dialog says what that means).
 */
function assignBlockedReason(subscription: Subscription, canAssign: boolean, messages: Messages): string | null {
  if (!canAssign) return format(messages.common.disabledPermission, { permission: messages.common.permissions['seats:assign'] });
  const decision = canHandOutSeats(subscription, new Date());
  if (decision.allowed) return null;
  return decision.reason === 'full' ? messages.subscriptions.full : messages.subscriptions.refused[decision.reason];
}

/**
 * The organization's subscriptions, one card each: product, status, expiry, an accessible seat
 * meter (assigned / reserved / total), the pending seat requests and idle seats when there are any, "Assign seat" (opening `AssignSeatDialog`) and an
 * expandable list of the seat holders with unassign.
 *
 * @example <SubscriptionList />
 */
export const SubscriptionList = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, SubscriptionListProps>(function SubscriptionList(
  { onAssignSeat, defaultExpanded = [], holderPageSize, headingLevel = 3, 'aria-label': ariaLabel, className },
  ref,
) {
  const { messages, locale } = useSeatKit();
  const t = messages.subscriptions;
  const slot = useSlots();
  const { member: me, isPending: mePending, error: meError, refetch: refetchMe } = useCurrentMember();
  const canAssign = useCan('seats:assign');
  const canRead = useCan('seats:read');
  // Asked only of someone who may read them: a removed member or a role without "See seats" would get
  // a 404 or 403, which the browser logs as a console error on the host's page.
  const subscriptions = useSubscriptions({ enabled: canRead });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(defaultExpanded));
  const baseId = useId();
  const Heading = `h${headingLevel}` as const;

  let body: ReactNode;
  if (mePending) {
    body = <LoadingState label={messages.common.loading} />;
  } else if (!me && meError) {
    body = <ErrorState error={meError} title={t.errorTitle} onRetry={() => void refetchMe()} />;
  } else if (!canRead) {
    body = (
      <EmptyState
        title={t.title}
        description={format(messages.common.disabledPermission, { permission: messages.common.permissions['seats:read'] })}
      />
    );
  } else if (subscriptions.isPending) {
    body = <LoadingState label={messages.common.loading} />;
  } else if (subscriptions.isError) {
    body = <ErrorState error={subscriptions.error} title={t.errorTitle} onRetry={() => void subscriptions.refetch()} />;
  } else if (subscriptions.data.items.length === 0) {
    body = <EmptyState title={t.emptyTitle} description={t.emptyDescription} />;
  } else {
    body = (
      <ul {...slot('subscription-items')}>
        {subscriptions.data.items.map((subscription) => {
          const { product, seats } = subscription;
          const headingId = `${baseId}-${subscription.id}-title`;
          const holdersId = `${baseId}-${subscription.id}-holders`;
          const open = expanded.has(subscription.id);
          const now = new Date();
          const usability = subscriptionUsability(subscription, now);
          const expired = !usability.allowed && usability.reason === 'expired';
          const blocked = assignBlockedReason(subscription, canAssign, messages);
          const assignLabel = format(t.assignSeatLabel, { product: product.name });
          const assignButton = (
            <Button variant="primary" size="sm" aria-label={assignLabel} disabledReason={blocked}>
              <SeatIcon />
              {t.assignSeat}
            </Button>
          );
          return (
            <li key={subscription.id} {...slot('subscription')} data-state={subscription.status}>
              <article aria-labelledby={headingId} {...slot('subscription-card')}>
                <div {...slot('subscription-head')}>
                  <Heading id={headingId} {...slot('subscription-title')}>
                    {product.name}
                  </Heading>
                  <Badge tone={expired ? 'warning' : STATUS_TONE[subscription.status]} {...slot('subscription-status')}>
                    {expired ? t.expired : t.status[subscription.status]}
                  </Badge>
                </div>
                <p {...slot('subscription-expiry')}>{subscriptionEndText(subscription, now, locale, messages)}</p>
                <SeatMeter subscription={subscription} now={now} />
                <dl {...slot('seat-counts')}>
                  <div data-kind="assigned" {...slot('seat-count')}>
                    <dt {...slot('seat-count-label')}>{t.assigned}</dt>
                    <dd {...slot('seat-count-value')}>{seats.assigned}</dd>
                  </div>
                  <div data-kind="reserved" {...slot('seat-count')}>
                    <dt {...slot('seat-count-label')}>{t.reserved}</dt>
                    <dd {...slot('seat-count-value')}>{seats.reserved}</dd>
                  </div>
                  <div data-kind="available" {...slot('seat-count')}>
                    <dt {...slot('seat-count-label')}>{t.available}</dt>
                    <dd {...slot('seat-count-value')}>{`${Math.max(0, seats.available)} / ${seats.total}`}</dd>
                  </div>
                  {/* Sent by servers since seat requests; shown when there is something to act on. */}
                  {seats.requested ? (
                    <div data-kind="requested" {...slot('seat-count')}>
                      <dt {...slot('seat-count-label')}>{t.requested}</dt>
                      <dd {...slot('seat-count-value')}>{seats.requested}</dd>
                    </div>
                  ) : null}
                  {seats.idle ? (
                    <div data-kind="idle" {...slot('seat-count')}>
                      <dt {...slot('seat-count-label')}>{format(t.idle, { days: idleDaysOf(subscription) }, locale)}</dt>
                      <dd {...slot('seat-count-value')}>{seats.idle}</dd>
                    </div>
                  ) : null}
                </dl>
                <div {...slot('subscription-actions')}>
                  {onAssignSeat ? (
                    <Button
                      variant="primary"
                      size="sm"
                      aria-label={assignLabel}
                      disabledReason={blocked}
                      onClick={() => onAssignSeat(subscription)}
                    >
                      <SeatIcon />
                      {t.assignSeat}
                    </Button>
                  ) : (
                    // Always mounted: the dialog stays open when its own assignment fills the
                    // subscription. A blocked trigger cancels the click, so it never opens one.
                    <AssignSeatDialog subscriptionId={subscription.id} trigger={assignButton} />
                  )}
                  {/* Idle seats to look at, or a policy to see: the dry run, the reclaim and the policy in one dialog. */}
                  {seats.idle || subscription.reclaimPolicy ? (
                    <ReclaimSeatsDialog
                      subscriptionId={subscription.id}
                      trigger={
                        <Button size="sm" variant="secondary" aria-label={format(t.reclaimLabel, { product: product.name })}>
                          {messages.reclaimSeats.trigger}
                        </Button>
                      }
                    />
                  ) : null}
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-expanded={open}
                    aria-controls={holdersId}
                    data-state={open ? 'open' : 'closed'}
                    onClick={() =>
                      setExpanded((prev) => {
                        const next = new Set(prev);
                        if (open) next.delete(subscription.id);
                        else next.add(subscription.id);
                        return next;
                      })
                    }
                  >
                    {open ? t.hideHolders : format(t.showHolders, { count: seats.assigned }, locale)}
                  </Button>
                </div>
                <div
                  id={holdersId}
                  hidden={!open}
                  {...slot('subscription-holders')}
                  data-state={open ? 'open' : 'closed'}
                >
                  {open ? <SeatHolderList subscriptionId={subscription.id} pageSize={holderPageSize} /> : null}
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <section
      ref={ref}
      aria-label={ariaLabel ?? t.title}
      {...slot('subscription-list', 'seatkit-root seatkit-subscription-list', className)}
      data-state={subscriptions.isPending ? 'loading' : subscriptions.isError ? 'error' : 'ready'}
    >
      {body}
    </section>
  );
}));
