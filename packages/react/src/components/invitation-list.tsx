'use client';

import { describeError, type Invitation, type InvitationStatus } from '@seatkit/core';
import { forwardRef, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useResendInvitation, useRevokeInvitation } from '../hooks/use-invitation-mutations.js';
import { useInvitations } from '../hooks/use-invitations.js';
import { useRoles } from '../hooks/use-roles.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Badge, type BadgeTone } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { formatDate, roleLabel } from './member-helpers.js';

/** The status filter: one status, or `'all'`. */
export type InvitationStatusFilter = InvitationStatus | 'all';

export interface InvitationListProps {
  /** The status shown (controlled). */
  status?: InvitationStatusFilter;
  /** The status shown first. @default 'pending' */
  defaultStatus?: InvitationStatusFilter;
  onStatusChange?: (status: InvitationStatusFilter) => void;
  /** Invitations per page ("Load more" fetches the next). @default 50 */
  pageSize?: number;
  /** Shown in the empty state, e.g. an "Invite people" button. */
  emptyAction?: ReactNode;
  /** The accessible name of the list's region. @default messages.invitations.title */
  'aria-label'?: string;
  /** Class of the root (`invitation-list`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`invitation-row`, `invitation-cell`, `invitation-toolbar`, `button`, …). */
  classNames?: SeatKitClassNames;
}

const STATUS_TONE: Record<InvitationStatus, BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  revoked: 'neutral',
  expired: 'warning',
};

const STATUSES: InvitationStatus[] = ['pending', 'expired', 'accepted', 'revoked'];

/**
 * The organization's invitations: pending ones by default, a status filter, reserved seats, and
 * resend / revoke (with a confirmation) for pending and expired ones. Without `members:invite`
 * the actions are hidden and a note says why.
 *
 * @example <InvitationList defaultStatus="all" />
 */
export const InvitationList = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, InvitationListProps>(function InvitationList(
  { status: statusProp, defaultStatus = 'pending', onStatusChange, pageSize, emptyAction, 'aria-label': ariaLabel, className },
  ref,
) {
  const { messages, locale } = useSeatKit();
  const t = messages.invitations;
  const slot = useSlots();
  const { member: me } = useCurrentMember();
  const canManage = useCan('members:invite');
  const canReadSeats = useCan('seats:read');
  const canReadMembers = useCan('members:read');
  const [status, setStatus] = useControllableState(statusProp, defaultStatus, onStatusChange);

  const list = useInvitations({ status: status === 'all' ? undefined : status, limit: pageSize });
  const invitations = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const subscriptions = useSubscriptions({ enabled: canReadSeats });
  // A custom role shows its name, not its key (the built-in ones come from the messages).
  const roles = useRoles({ enabled: canReadMembers });
  const productNames = useMemo(
    () => new Map(subscriptions.data?.items.map((s) => [s.id, s.product.name]) ?? []),
    [subscriptions.data],
  );

  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [confirming, setConfirming] = useState<Invitation | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; tone: 'success' | 'danger' } | null>(null);
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const revokeTriggerRef = useRef<HTMLButtonElement | null>(null);

  async function run(invitation: Invitation, action: 'resend' | 'revoke') {
    setBusyId(invitation.id);
    setAnnouncement(null);
    try {
      if (action === 'resend') await resend.mutateAsync({ invitationId: invitation.id });
      else {
        await revoke.mutateAsync({ invitationId: invitation.id });
        revokeTriggerRef.current = null;
      }
      setAnnouncement({ text: format(action === 'resend' ? t.resent : t.revoked, { email: invitation.email }), tone: 'success' });
    } catch (error) {
      setAnnouncement({
        text: format(t.actionFailed, { email: invitation.email, reason: describeError(error, messages.common.errors) }),
        tone: 'danger',
      });
    } finally {
      setBusyId(null);
      setConfirming(null);
    }
  }

  const statusOptions = [
    ...STATUSES.map((s) => ({ value: s, label: t.status[s] })),
    { value: 'all', label: t.allStatuses },
  ];

  let body: ReactNode;
  if (list.isPending) {
    body = <LoadingState label={messages.common.loading} />;
  } else if (list.isError && invitations.length === 0) {
    body = <ErrorState error={list.error} title={t.errorTitle} onRetry={() => void list.refetch()} />;
  } else if (invitations.length === 0) {
    body = (
      <EmptyState
        title={status === 'pending' ? t.emptyPendingTitle : t.emptyTitle}
        description={t.emptyDescription}
        action={emptyAction}
      />
    );
  } else {
    body = (
      <div {...slot('invitation-table-wrap')}>
        <table {...slot('invitation-table', 'seatkit-table seatkit-invitation-table')} aria-busy={list.isFetching || undefined}>
          <caption {...slot('invitation-caption', 'seatkit-visually-hidden')}>{t.title}</caption>
          <thead>
            <tr>
              <th scope="col" {...slot('invitation-header-cell')}>{t.columnEmail}</th>
              <th scope="col" {...slot('invitation-header-cell')}>{t.columnRole}</th>
              <th scope="col" {...slot('invitation-header-cell')}>{t.columnStatus}</th>
              <th scope="col" {...slot('invitation-header-cell')}>{t.columnSeats}</th>
              <th scope="col" {...slot('invitation-header-cell')}>{t.columnExpires}</th>
              {canManage ? (
                <th scope="col" {...slot('invitation-header-cell')}>
                  <span {...slot('visually-hidden')}>{t.columnActions}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => {
              const name = [invitation.firstName, invitation.lastName].filter(Boolean).join(' ');
              const seats = invitation.subscriptionIds.map((id) => productNames.get(id) ?? id);
              const actionable = invitation.status === 'pending' || invitation.status === 'expired';
              const busy = busyId === invitation.id;
              return (
                <tr key={invitation.id} {...slot('invitation-row')} data-state={invitation.status}>
                  <td data-column="email" {...slot('invitation-cell')}>
                    <span {...slot('invitation-email')}>{invitation.email}</span>
                    {name ? <span {...slot('invitation-name')}>{name}</span> : null}
                  </td>
                  <td data-column="role" data-label={t.columnRole} {...slot('invitation-cell')}>{roleLabel(invitation.role, roles.data?.items, messages)}</td>
                  <td data-column="status" data-label={t.columnStatus} {...slot('invitation-cell')}>
                    <Badge tone={STATUS_TONE[invitation.status]} data-state={invitation.status}>
                      {t.status[invitation.status]}
                    </Badge>
                  </td>
                  <td data-column="seats" data-label={t.columnSeats} {...slot('invitation-cell')}>{seats.length > 0 ? seats.join(', ') : t.noSeats}</td>
                  <td data-column="expires" data-label={t.columnExpires} {...slot('invitation-cell')}>
                    {invitation.status === 'accepted'
                      ? format(t.acceptedOn, { date: formatDate(invitation.acceptedAt, locale, messages) })
                      : invitation.status === 'expired'
                        ? format(t.expiredOn, { date: formatDate(invitation.expiresAt, locale, messages) })
                        : invitation.status === 'pending'
                          ? formatDate(invitation.expiresAt, locale, messages)
                          : '—'}
                  </td>
                  {canManage ? (
                    <td data-column="actions" {...slot('invitation-cell', 'seatkit-invitation-actions')}>
                      {actionable ? (
                        <>
                          <Button
                            size="sm"
                            loading={busy && resend.isPending}
                            aria-label={format(t.resendLabel, { email: invitation.email })}
                            onClick={() => void run(invitation, 'resend')}
                          >
                            {t.resend}
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={format(t.revokeLabel, { email: invitation.email })}
                            onClick={(event) => {
                              revokeTriggerRef.current = event.currentTarget;
                              setConfirming(invitation);
                            }}
                          >
                            {t.revoke}
                          </Button>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
        {list.hasNextPage ? (
          <div {...slot('invitation-load-more', 'seatkit-list-more')}>
            <Button size="sm" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? t.loadingMore : t.loadMore}
            </Button>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <section
      ref={ref}
      aria-label={ariaLabel ?? t.title}
      {...slot('invitation-list', 'seatkit-root seatkit-invitation-list', className)}
      data-state={list.isPending ? 'loading' : list.isError ? 'error' : invitations.length === 0 ? 'empty' : 'ready'}
    >
      <div {...slot('invitation-toolbar')}>
        <Select
          label={t.statusFilterLabel}
          options={statusOptions}
          value={status}
          onChange={(event) => setStatus(event.target.value as InvitationStatusFilter)}
        />
      </div>
      {!canManage && me ? (
        <p {...slot('disabled-reason')}>
          {t.noPermission}
        </p>
      ) : null}
      {/* Always in the DOM: a live region announces changes of its text, not its insertion. */}
      <p
        ref={announcementRef}
        tabIndex={-1}
        {...slot('invitation-announcement', 'seatkit-notice seatkit-invitation-announcement')}
        role="status"
        data-tone={announcement?.tone}
      >
        {announcement?.text ?? ''}
      </p>
      {body}
      {confirming ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && busyId === null && setConfirming(null)}
          {...slot('invitation-revoke-dialog')}
          // Back to the Revoke button on cancel; once revoked the row has no buttons left, so focus
          // lands on the sentence saying what happened.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const trigger = revokeTriggerRef.current;
            if (trigger) trigger.focus();
            else announcementRef.current?.focus();
          }}
          title={format(t.revokeTitle, { email: confirming.email })}
          description={
            confirming.subscriptionIds.length > 0
              ? `${t.revokeDescription} ${format(t.revokeSeats, { count: confirming.subscriptionIds.length }, locale)}`
              : t.revokeDescription
          }
          action={
            <Button variant="danger" loading={revoke.isPending} onClick={() => void run(confirming, 'revoke')}>
              {t.revokeConfirm}
            </Button>
          }
        />
      ) : null}
    </section>
  );
}));
