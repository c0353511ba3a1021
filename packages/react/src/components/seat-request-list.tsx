'use client';

import { describeError, type SeatRequest, type SeatRequestStatus } from '@seatkit/core';
import { forwardRef, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCan } from '../hooks/use-current-member.js';
import { useApproveSeatRequest, useDenySeatRequest, useSeatRequests } from '../hooks/use-seat-requests.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { Field, Textarea } from '../ui/field.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { StatusMessage } from '../ui/status-message.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { memberName } from './member-helpers.js';
import { SeatRequestItem, subscriptionChoices } from './seat-request-item.js';

export interface SeatRequestListProps {
  /** The status shown (controlled). */
  status?: SeatRequestStatus;
  /** The status shown first. @default 'pending' */
  defaultStatus?: SeatRequestStatus;
  onStatusChange?: (status: SeatRequestStatus) => void;
  /** Requests per page ("Show more" fetches the next). @default 50 */
  pageSize?: number;
  /** Called after a request was approved or denied. */
  onResolved?: (request: SeatRequest) => void;
  /** The accessible name of the list's region. @default messages.seatRequests.title */
  'aria-label'?: string;
  /** Class of the root (`seat-request-list`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`seat-request`, `seat-request-actions`, `button`, …). */
  classNames?: SeatKitClassNames;
}

const STATUSES: SeatRequestStatus[] = ['pending', 'approved', 'denied'];

/**
 * Members' requests for a seat (from `AccessGate`'s "Request a seat"), pending ones first: approve with a
 * subscription picker that shows the seats left, deny with an optional reason, or approve several at once.
 * The server assigns under every rule (the cap, live subscriptions); `seats_exhausted` leaves a request pending.
 * Without `seats:assign` the list is read-only; without `seats:read` it shows the viewer's own requests.
 *
 * @example <SeatRequestList onResolved={(r) => toast(r.status)} />
 */
export const SeatRequestList = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, SeatRequestListProps>(function SeatRequestList(
  { status: statusProp, defaultStatus = 'pending', onStatusChange, pageSize, onResolved, 'aria-label': ariaLabel, className },
  ref,
) {
  const { messages, locale } = useSeatKit();
  const t = messages.seatRequests;
  const slot = useSlots();
  const canResolve = useCan('seats:assign');
  const canReadSeats = useCan('seats:read');
  const [status, setStatus] = useControllableState(statusProp, defaultStatus, onStatusChange);
  const list = useSeatRequests({ status, limit: pageSize });
  const requests = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const subscriptions = useSubscriptions({ enabled: canReadSeats && canResolve });
  const subs = subscriptions.data?.items ?? [];

  const approve = useApproveSeatRequest();
  const deny = useDenySeatRequest();
  // The admin's pick per request; without one, the first live subscription of the product with room.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [denying, setDenying] = useState<SeatRequest | null>(null);
  const [reason, setReason] = useState('');
  const denyTrigger = useRef<HTMLElement | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; tone: 'success' | 'danger' } | null>(null);

  const pickOf = (request: SeatRequest) => picked[request.id] ?? subscriptionChoices(request, subs, new Date())[0]?.subscription.id ?? '';
  const mark = (ids: string[], on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      for (const id of ids) (on ? next.add(id) : next.delete(id));
      return next;
    });

  /** Approves each request in turn; returns the sentence of each failure. */
  async function approveAll(targets: SeatRequest[]): Promise<{ ok: number; failures: string[] }> {
    mark(targets.map((r) => r.id), true);
    let ok = 0;
    const failures: string[] = [];
    for (const request of targets) {
      try {
        const subscriptionId = pickOf(request);
        const result = await approve.mutateAsync({ requestId: request.id, ...(subscriptionId && { subscriptionId }) });
        ok += 1;
        onResolved?.(result.request);
      } catch (error) {
        failures.push(format(t.failed, { name: memberName(request.member), reason: describeError(error, messages.common.errors) }));
      } finally {
        mark([request.id], false);
      }
    }
    setSelected(new Set());
    return { ok, failures };
  }

  async function approveOne(request: SeatRequest) {
    const { ok, failures } = await approveAll([request]);
    setOutcome(
      ok === 1
        ? { text: format(t.approved, { name: memberName(request.member), product: request.product.name }), tone: 'success' }
        : { text: failures.join(' '), tone: 'danger' },
    );
  }

  async function approveSelected() {
    const { ok, failures } = await approveAll(requests.filter((r) => selected.has(r.id)));
    const summary = format(t.bulkSummary, { ok, failed: failures.length }, locale);
    setOutcome({ text: [summary, ...failures].join(' '), tone: failures.length > 0 ? 'danger' : 'success' });
  }

  async function confirmDeny() {
    if (!denying) return;
    const request = denying;
    mark([request.id], true);
    try {
      const result = await deny.mutateAsync({ requestId: request.id, ...(reason.trim() && { reason: reason.trim() }) });
      onResolved?.(result);
      setOutcome({ text: format(t.denied, { name: memberName(request.member) }), tone: 'success' });
    } catch (error) {
      setOutcome({ text: format(t.failed, { name: memberName(request.member), reason: describeError(error, messages.common.errors) }), tone: 'danger' });
    } finally {
      mark([request.id], false);
      setDenying(null);
    }
  }

  const pendingShown = requests.filter((r) => r.status === 'pending');
  const chosen = pendingShown.filter((r) => selected.has(r.id));

  let body: ReactNode;
  if (list.isPending) body = <LoadingState label={messages.common.loading} />;
  else if (list.isError && requests.length === 0)
    body = <ErrorState error={list.error} title={t.errorTitle} onRetry={() => void list.refetch()} />;
  else if (requests.length === 0)
    body = <EmptyState title={status === 'pending' ? t.emptyPendingTitle : t.emptyTitle} description={t.emptyDescription} />;
  else
    body = (
      <ul {...slot('seat-request-items')} aria-busy={list.isFetching || undefined}>
        {requests.map((request) => (
          <SeatRequestItem
            key={request.id}
            request={request}
            subscriptions={subs}
            subscriptionId={pickOf(request)}
            onSubscriptionChange={(id) => setPicked((p) => ({ ...p, [request.id]: id }))}
            canResolve={canResolve}
            selected={selected.has(request.id)}
            onSelectedChange={(on) =>
              setSelected((current) => {
                const next = new Set(current);
                if (on) next.add(request.id);
                else next.delete(request.id);
                return next;
              })
            }
            busy={busy.has(request.id)}
            onApprove={() => void approveOne(request)}
            onDeny={(trigger) => {
              denyTrigger.current = trigger;
              setReason('');
              setDenying(request);
            }}
          />
        ))}
      </ul>
    );

  return (
    <section ref={ref} aria-label={ariaLabel ?? t.title} {...slot('seat-request-list', 'seatkit-root seatkit-seat-request-list', className)}>
      <div {...slot('seat-request-toolbar')}>
        <Select
          label={t.statusLabel}
          options={STATUSES.map((s) => ({ value: s, label: t.status[s] }))}
          value={status}
          onChange={(event) => {
            setSelected(new Set());
            setStatus(event.currentTarget.value as SeatRequestStatus);
          }}
        />
        {canResolve && pendingShown.length > 1 ? (
          <Button variant="primary" disabled={chosen.length === 0} loading={chosen.some((r) => busy.has(r.id))} onClick={() => void approveSelected()}>
            {chosen.length === 0 ? t.approveNoneSelected : format(t.approveSelected, { count: chosen.length }, locale)}
          </Button>
        ) : null}
      </div>
      <StatusMessage slot="seat-request-status" message={outcome?.text} tone={outcome?.tone} />
      {body}
      {list.hasNextPage ? (
        <Button {...slot('seat-request-more', 'seatkit-list-more')} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t.loadMore}
        </Button>
      ) : null}
      <ConfirmDialog
        open={denying !== null}
        onOpenChange={(open) => !open && setDenying(null)}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          denyTrigger.current?.focus();
        }}
        title={denying ? format(t.denyTitle, { name: memberName(denying.member) }) : ''}
        description={denying ? format(t.denyDescription, { name: memberName(denying.member), product: denying.product.name }) : ''}
        action={
          <Button variant="danger" loading={denying !== null && busy.has(denying.id)} onClick={() => void confirmDeny()}>
            {t.denyConfirm}
          </Button>
        }
      >
        <Field label={t.denyReason}>
          {(control) => <Textarea {...control} value={reason} maxLength={500} onChange={(event) => setReason(event.currentTarget.value)} />}
        </Field>
      </ConfirmDialog>
    </section>
  );
}));
