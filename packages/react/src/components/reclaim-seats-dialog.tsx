'use client';

import { DEFAULT_IDLE_DAYS, describeError, LIMITS, type IdleSeat, type ReclaimResult } from '@seatkit/core';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useCan } from '../hooks/use-current-member.js';
import { useIdleSeats, useReclaimSeats } from '../hooks/use-idle-seats.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { itemErrorText } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { Dialog, DialogBody, DialogClose, DialogContent, DialogFooter } from '../ui/dialog.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { Checkbox, TextField } from '../ui/field.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { StatusMessage } from '../ui/status-message.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { useDebounced } from '../ui/use-debounced.js';
import { ActionDialogTrigger, DialogHeading } from './dialog-parts.js';
import { formatDate, memberName } from './member-helpers.js';
import { ReclaimSeatsPolicy, wholeDays } from './reclaim-seats-policy.js';

export interface ReclaimSeatsDialogProps {
  /** The subscription whose idle seats are listed and reclaimed. */
  subscriptionId: string;
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The element that opens the dialog (`asChild`). @default a "Reclaim idle seats" button; `null` for none. */
  trigger?: ReactNode | null;
  /** Idle seats per page of the dry run ("Show more" fetches the next). @default 50 */
  pageSize?: number;
  /** Called after each reclaim with one result per seat (`seats_in_use`: used since the dry run, kept). */
  onReclaimed?: (results: ReclaimResult[]) => void;
  /** Class of the dialog panel (`reclaim-seats-dialog`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`reclaim-seats-table`, `reclaim-seats-policy`, `button`, …). */
  classNames?: SeatKitClassNames;
}

/** The periods offered in "Idle for", in days; any other whole number goes in the field that "Another number" shows. */
const PRESETS = [7, 14, 30, 60, 90];
const OTHER = 'other';

/**
 * Reclaims the seats of a subscription nobody used for a while: pick how long "idle" is (the policy's period, else 30
 * days), read the dry run (who, assigned, last used), untick whom to keep, and reclaim; each holder is emailed. A seat
 * used since the dry run is kept and said so. Below, "Reclaim automatically" sets or turns off the subscription's policy.
 * Without `seats:assign` the dialog is read-only.
 *
 * @example <ReclaimSeatsDialog subscriptionId={sub.id} />
 */
export const ReclaimSeatsDialog = /* @__PURE__ */ withClassNames(function ReclaimSeatsDialog({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  className,
  classNames: _classNames,
  ...props
}: ReclaimSeatsDialogProps) {
  const { messages } = useSeatKit();
  const slot = useSlots();
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <ActionDialogTrigger trigger={trigger} label={messages.reclaimSeats.trigger} refusal={null} />
      <DialogContent size="lg" closeLabel={messages.common.close} {...slot('reclaim-seats-dialog', undefined, className)}>
        {/* Mounted only while open: every opening starts from a fresh dry run, everything ticked. */}
        <ReclaimSeatsBody {...props} />
      </DialogContent>
    </Dialog>
  );
});

interface Outcome {
  text: string;
  tone: 'success' | 'danger';
}

function ReclaimSeatsBody({
  subscriptionId,
  pageSize = 50,
  onReclaimed,
}: Pick<ReclaimSeatsDialogProps, 'subscriptionId' | 'pageSize' | 'onReclaimed'>) {
  const { messages, locale } = useSeatKit();
  const t = messages.reclaimSeats;
  const slot = useSlots();
  const canAssign = useCan('seats:assign');
  const subscriptions = useSubscriptions({ refetchOnMount: true });
  const subscription = subscriptions.data?.items.find((s) => s.id === subscriptionId);

  // ---------------------------------------------------------------- idle for
  // `null`: the policy's period (else 30 days), until the user picks one.
  const [preset, setPreset] = useState<string | null>(null);
  const [customText, setCustomText] = useState('');
  const policyDays = subscription?.reclaimPolicy?.idleDays ?? DEFAULT_IDLE_DAYS;
  const choice = preset ?? (PRESETS.includes(policyDays) ? String(policyDays) : OTHER);
  const custom = preset === null && choice === OTHER ? String(policyDays) : customText;
  const typedDays = choice === OTHER ? wholeDays(custom, 1, LIMITS.idleDaysMax) : Number(choice);
  // A typed number waits for a pause in typing; a picked period applies at once.
  const debouncedDays = useDebounced(typedDays, 300);
  const idleDays = preset === OTHER ? debouncedDays : typedDays;

  // ---------------------------------------------------------------- dry run
  const dryRun = useIdleSeats(subscription && idleDays ? subscriptionId : null, { idleDays: idleDays ?? undefined, limit: pageSize });
  const seats = useMemo(() => dryRun.data?.pages.flatMap((p) => p.items) ?? [], [dryRun.data]);
  const count = dryRun.data?.pages[0]?.count ?? 0;
  // Everything is ticked, seats loaded later too: what is kept is the exception.
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const chosen = seats.filter((s) => !kept.has(s.memberId));

  // ---------------------------------------------------------------- reclaim
  const reclaim = useReclaimSeats();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function onReclaim() {
    if (!idleDays || chosen.length === 0) return;
    const names = new Map(chosen.map((s) => [s.memberId, memberName(s.member)]));
    const results: ReclaimResult[] = [];
    setOutcome(null);
    let failure: string | null = null;
    try {
      // At most `LIMITS.batchSize` ids a request.
      for (let i = 0; i < chosen.length; i += LIMITS.batchSize) {
        const memberIds = chosen.slice(i, i + LIMITS.batchSize).map((s) => s.memberId);
        results.push(...(await reclaim.mutateAsync({ subscriptionId, orgId: subscription?.orgId, idleDays, memberIds })).results);
      }
    } catch (error) {
      if (results.length === 0) return; // Shown by `reclaim.error`.
      failure = describeError(error, messages.common.errors);
    }
    const text = resultText(results, names);
    setOutcome(failure ? { text: `${text.text} ${failure}`, tone: 'danger' } : text);
    setKept(new Set());
    onReclaimed?.(results);
  }

  function resultText(results: ReclaimResult[], names: Map<string, string>): Outcome {
    const ok = results.filter((r) => r.ok).length;
    const failed = results.filter((r): r is Extract<ReclaimResult, { ok: false }> => !r.ok);
    const inUse = failed.filter((r) => r.error.code === 'seats_in_use');
    const other = failed.filter((r) => r.error.code !== 'seats_in_use');
    const summary = format(t.resultSummary, { ok, kept: inUse.length, names: inUse.map((r) => names.get(r.memberId) ?? r.memberId).join(', ') }, locale);
    const errors = other.map((r) =>
      format(t.resultFailed, { name: names.get(r.memberId) ?? r.memberId, reason: itemErrorText(r.error.code, r.error.message, messages) }),
    );
    return { text: [summary, ...errors].join(' '), tone: other.length > 0 || ok === 0 ? 'danger' : 'success' };
  }

  // ---------------------------------------------------------------- render
  const title = subscription ? format(t.titleProduct, { product: subscription.product.name }) : t.title;
  const header = <DialogHeading title={title} description={t.description} />;
  const footer = (action?: ReactNode) => (
    <DialogFooter>
      <DialogClose asChild>
        <Button>{outcome ? t.done : messages.common.cancel}</Button>
      </DialogClose>
      {action}
    </DialogFooter>
  );

  if (subscriptions.isPending) return (<>{header}<LoadingState label={messages.common.loading} /></>);
  // A failed refetch keeps the subscription shown (the dry run and the outcome stay on screen).
  if (!subscriptions.data) {
    return (<>{header}<ErrorState error={subscriptions.error} title={t.errorTitle} onRetry={() => void subscriptions.refetch()} />{footer()}</>);
  }
  if (!subscription) return (<>{header}<p {...slot('reclaim-seats-not-found', 'seatkit-notice')}>{t.notFound}</p>{footer()}</>);

  let table: ReactNode;
  if (idleDays === null) table = null;
  else if (dryRun.isPending) table = <LoadingState label={messages.common.loading} />;
  else if (dryRun.isError && seats.length === 0)
    table = <ErrorState error={dryRun.error} title={t.errorTitle} onRetry={() => void dryRun.refetch()} />;
  else if (seats.length === 0)
    table = <EmptyState title={format(t.emptyTitle, { count: idleDays }, locale)} description={t.emptyDescription} />;
  else
    table = (
      <IdleSeatTable
        seats={seats}
        idleDays={idleDays}
        selectable={canAssign}
        kept={kept}
        busy={dryRun.isFetching}
        onKeptChange={setKept}
      />
    );

  return (
    <>
      {header}
      <DialogBody>
        {canAssign ? null : (
          <p data-tone="info" {...slot('reclaim-seats-read-only', 'seatkit-notice')}>
            {t.readOnly}
          </p>
        )}
        <div {...slot('reclaim-seats-period')}>
          <Select
            label={t.idleForLabel}
            value={choice}
            options={[
              ...PRESETS.map((days) => ({ value: String(days), label: format(t.idleForOption, { count: days }, locale) })),
              { value: OTHER, label: t.idleForOther },
            ]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === OTHER && preset === null) setCustomText(String(policyDays));
              setPreset(value);
              setKept(new Set());
            }}
          />
          {choice === OTHER ? (
            <TextField
              label={t.customDaysLabel}
              inputMode="numeric"
              value={custom}
              error={typedDays === null ? t.daysInvalid : undefined}
              onChange={(event) => {
                setPreset(OTHER);
                setCustomText(event.currentTarget.value);
                setKept(new Set());
              }}
            />
          ) : null}
        </div>
        {table}
        {seats.length > 0 ? (
          <p {...slot('reclaim-seats-count')} aria-live="polite">
            {canAssign
              ? format(t.selectedCount, { selected: chosen.length, total: seats.length }, locale)
              : format(t.shownCount, { shown: seats.length, count }, locale)}
          </p>
        ) : null}
        {dryRun.hasNextPage ? (
          <Button {...slot('reclaim-seats-more', 'seatkit-list-more')} loading={dryRun.isFetchingNextPage} onClick={() => void dryRun.fetchNextPage()}>
            {t.loadMore}
          </Button>
        ) : null}
        {canAssign && seats.length > 0 ? (
          <p data-tone="warning" {...slot('reclaim-seats-notice', 'seatkit-notice')}>
            {t.emailNotice}
          </p>
        ) : null}
        {reclaim.isError && !outcome ? <ErrorState size="inline" error={reclaim.error} title={t.reclaimError} /> : null}
        <StatusMessage slot="reclaim-seats-status" message={outcome?.text} tone={outcome?.tone} dismissAfterMs={null} />
        <ReclaimSeatsPolicy key={subscription.id} subscription={subscription} canEdit={canAssign} />
      </DialogBody>
      {footer(
        canAssign ? (
          <Button variant="danger" loading={reclaim.isPending} disabled={chosen.length === 0 || idleDays === null} onClick={() => void onReclaim()}>
            {reclaim.isPending ? t.reclaiming : format(t.submit, { count: chosen.length }, locale)}
          </Button>
        ) : null,
      )}
    </>
  );
}

/** The dry run as a table: a checkbox per seat (while one may reclaim), who holds it, since when, last used. */
function IdleSeatTable({
  seats,
  idleDays,
  selectable,
  kept,
  busy,
  onKeptChange,
}: {
  seats: IdleSeat[];
  idleDays: number;
  selectable: boolean;
  kept: ReadonlySet<string>;
  busy: boolean;
  onKeptChange: (kept: ReadonlySet<string>) => void;
}) {
  const { messages, locale } = useSeatKit();
  const t = messages.reclaimSeats;
  const slot = useSlots();
  const captionId = useId();
  const allChosen = kept.size === 0 || seats.every((s) => !kept.has(s.memberId));
  const noneChosen = seats.every((s) => kept.has(s.memberId));
  return (
    <div {...slot('reclaim-seats-table-wrap')}>
      <table {...slot('reclaim-seats-table', 'seatkit-reclaim-seats-table seatkit-table')} aria-labelledby={captionId} aria-busy={busy || undefined}>
        <caption id={captionId} {...slot('reclaim-seats-caption')}>
          {format(t.tableCaption, { count: idleDays }, locale)}
        </caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" {...slot('reclaim-seats-select')}>
                <Checkbox
                  aria-label={t.selectAll}
                  checked={allChosen}
                  indeterminate={!allChosen && !noneChosen}
                  onChange={(event) => onKeptChange(event.currentTarget.checked ? new Set() : new Set(seats.map((s) => s.memberId)))}
                />
              </th>
            ) : null}
            <th scope="col">{t.columnHolder}</th>
            <th scope="col">{t.columnAssigned}</th>
            <th scope="col">{t.columnLastUsed}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((seat) => {
            const name = memberName(seat.member);
            const chosen = !kept.has(seat.memberId);
            return (
              <tr key={seat.memberId} {...slot('reclaim-seats-row')} data-state={selectable ? (chosen ? 'selected' : 'kept') : undefined}>
                {selectable ? (
                  <td {...slot('reclaim-seats-select')}>
                    <Checkbox
                      aria-label={format(t.select, { name })}
                      checked={chosen}
                      onChange={(event) => {
                        const next = new Set(kept);
                        if (event.currentTarget.checked) next.delete(seat.memberId);
                        else next.add(seat.memberId);
                        onKeptChange(next);
                      }}
                    />
                  </td>
                ) : null}
                <th scope="row" {...slot('reclaim-seats-holder')}>
                  <span {...slot('reclaim-seats-name')}>{name}</span>
                  <span {...slot('reclaim-seats-email')}>{seat.member.email}</span>
                </th>
                <td data-label={t.columnAssigned} {...slot('reclaim-seats-date')}>
                  {formatDate(seat.assignedAt, locale, messages)}
                </td>
                <td data-label={t.columnLastUsed} {...slot('reclaim-seats-date')}>
                  {formatDate(seat.lastUsedAt, locale, messages)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
