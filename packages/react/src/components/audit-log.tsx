'use client';

import { describeError, type AuditEvent, type Role } from '@seatkit/core';
import { forwardRef, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuditEvents } from '../hooks/use-audit-events.js';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useMembers } from '../hooks/use-members.js';
import { useRoles } from '../hooks/use-roles.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';
import type { AuditEventFilters } from '../query-keys.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { Field, Input } from '../ui/field.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { StatusMessage } from '../ui/status-message.js';
import { downloadCsv, toCsv } from './audit-csv.js';
import { AuditEventItem } from './audit-event-item.js';
import { auditSentence, byAction, type AuditNames } from './audit-event-sentence.js';
import { memberName } from './member-helpers.js';

/** The filters of the log as the user picks them: member ids, an action, and days (`YYYY-MM-DD`, both included). */
export interface AuditLogFilters {
  /** Member id of who acted. */
  actor?: string;
  /** e.g. `seat.assigned`. */
  action?: string;
  /** Member id acted on. */
  target?: string;
  /** First day shown (local time). */
  from?: string;
  /** Last day shown (local time), included. */
  to?: string;
}

export interface AuditLogProps {
  /** The filters set when the log opens. */
  defaultFilters?: AuditLogFilters;
  /** Events per page ("Show more" fetches the next). @default 50 */
  pageSize?: number;
  /** The most events "Export CSV" writes (newest first); it says so when there are more. @default 10000 */
  exportLimit?: number;
  /** The accessible name of the log's region. @default messages.audit.title */
  'aria-label'?: string;
  /** Class of the root (`audit-log`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`audit-event`, `audit-log-filters`, `button`, …). */
  classNames?: SeatKitClassNames;
}

/** The actions the server records, in the order the action filter lists them. */
const ACTIONS = [
  'member.added', 'member.updated', 'member.removed',
  'invitation.created', 'invitation.resent', 'invitation.revoked', 'invitation.accepted',
  'seat.assigned', 'seat.unassigned', 'seat.reserved', 'seat.reclaimed',
  'seat_request.created', 'seat_request.approved', 'seat_request.denied',
  'role.created', 'role.updated', 'role.deleted',
  'organization.created', 'organization.updated', 'organization.ownership_transferred',
  'subscription.created', 'subscription.updated', 'subscription.reclaim_policy_set',
  'webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.deleted', 'webhook_endpoint.secret_rotated',
] as const;

/** The server's page size cap, used by the export. */
const EXPORT_PAGE = 200;

/** A `YYYY-MM-DD` day as the instant its local midnight starts, `days` later; `undefined` when not a date. */
function dayStart(day: string | undefined, days = 0): string | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

/** The query the filters make: `to` becomes the start of the next day, exclusive, so the last day is included. */
function toQuery(filters: AuditLogFilters, rangeInvalid: boolean): AuditEventFilters {
  return {
    ...(filters.actor && { actor: filters.actor }),
    ...(filters.action && { action: filters.action }),
    ...(filters.target && { target: filters.target }),
    ...(filters.from && { from: dayStart(filters.from) }),
    ...(filters.to && !rangeInvalid && { to: dayStart(filters.to, 1) }),
  };
}

/** The CSV's rows: one per event, the sentence in the provider's language next to the raw fields. */
function csvOf(events: readonly AuditEvent[], names: AuditNames, messages: Messages, locale: string): string {
  const h = messages.audit.csvHeader;
  return toCsv(
    [h.time, h.actor, h.actorEmail, h.action, h.event, h.targetType, h.targetId, h.data, h.requestId],
    events.map((e) => [
      e.createdAt,
      (e.actorMemberId && names.members.get(e.actorMemberId)) || '',
      e.actorEmail,
      e.action,
      auditSentence(e, names, messages, locale),
      e.targetType,
      e.targetId,
      JSON.stringify(e.data),
      e.requestId,
    ]),
  );
}

/**
 * The organization's audit trail, newest first, one sentence per event in the provider's language ("Olivia Owner
 * assigned Imaging Cloud to Mia Member"), when it happened, and its data on demand. Filter by who acted, the
 * action, the member affected and a range of days; "Export CSV" downloads every event the filters match (up to
 * `exportLimit`). Needs `audit:read`; without it the log says so.
 *
 * @example <AuditLog defaultFilters={{ action: 'seat.assigned' }} />
 */
export const AuditLog = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, AuditLogProps>(function AuditLog(
  { defaultFilters = {}, pageSize, exportLimit = 10_000, 'aria-label': ariaLabel, className },
  ref,
) {
  const { client, orgId, messages, locale } = useSeatKit();
  const t = messages.audit;
  const slot = useSlots();
  const { member: viewer, error: viewerError } = useCurrentMember();
  const canRead = useCan('audit:read');
  // Asked only with `audit:read`; when who is signed in could not be loaded (offline), asked anyway to show why.
  const ask = canRead || (viewer === undefined && Boolean(viewerError));
  const [filters, setFilters] = useState<AuditLogFilters>(defaultFilters);
  const rangeInvalid = Boolean(filters.from && filters.to && filters.to < filters.from);
  const query = toQuery(filters, rangeInvalid);
  const list = useAuditEvents({ ...query, limit: pageSize, enabled: ask });
  const events = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  // Names and the member filters come from the members list (its first 200); without `members:read`, emails only.
  const canReadMembers = useCan('members:read');
  const members = useMembers({ limit: 200 }, { enabled: canRead && canReadMembers });
  const subscriptions = useSubscriptions({ enabled: canRead });
  const roles = useRoles({ enabled: canRead });
  const memberItems = useMemo(() => members.data?.pages.flatMap((p) => p.items) ?? [], [members.data]);
  const names = useMemo<AuditNames>(() => {
    const subs = subscriptions.data?.items ?? [];
    return {
      members: new Map(memberItems.map((m) => [m.id, memberName(m)])),
      products: new Map(subs.map((s) => [s.product.key, s.product.name])),
      subscriptions: new Map(subs.map((s) => [s.id, s.product.name])),
      roles: roles.data?.items as Role[] | undefined,
    };
  }, [memberItems, subscriptions.data, roles.data]);

  // Relative times ("3 minutes ago") move on while the log is open.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => setNow(new Date()), [list.data]);

  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; tone: 'success' | 'danger' | 'info' } | null>(null);

  async function exportCsv() {
    if (!orgId) return;
    setExporting(true);
    setOutcome(null);
    try {
      const all: AuditEvent[] = [];
      let cursor: string | undefined;
      let more = true;
      while (more && all.length < exportLimit) {
        const page = await client.audit.list({ orgId, ...query, limit: Math.min(EXPORT_PAGE, exportLimit - all.length), ...(cursor && { cursor }) });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        more = Boolean(page.nextCursor);
      }
      const day = new Date().toISOString().slice(0, 10);
      downloadCsv(csvOf(all, names, messages, locale), `audit-log-${day}.csv`);
      setOutcome(
        more
          ? { text: format(t.exportCapped, { count: all.length }, locale), tone: 'info' }
          : { text: format(t.exported, { count: all.length }, locale), tone: 'success' },
      );
    } catch (error) {
      setOutcome({ text: format(t.exportFailed, { reason: describeError(error, messages.common.errors) }), tone: 'danger' });
    } finally {
      setExporting(false);
    }
  }

  const filtered = Boolean(filters.actor || filters.action || filters.target || filters.from || filters.to);
  const filtersRef = useRef<HTMLDivElement>(null);
  // The button goes away with the filters: focus moves to the first filter, not to the page.
  const clearFilters = () => {
    setFilters({});
    filtersRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  };
  const set = (key: keyof AuditLogFilters) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFilters((current) => ({ ...current, [key]: value || undefined }));
  };
  const memberOptions = memberItems.map((m) => ({ value: m.id, label: memberName(m) }));
  const forbidden = (viewer !== undefined && !canRead) || (list.error as { code?: string } | null)?.code === 'forbidden';

  let body: ReactNode;
  if (forbidden) body = <p {...slot('audit-log-no-permission')}>{t.noPermission}</p>;
  else if (list.isPending) body = <LoadingState label={messages.common.loading} />;
  else if (list.isError && events.length === 0) body = <ErrorState error={list.error} title={t.errorTitle} onRetry={() => void list.refetch()} />;
  else if (events.length === 0)
    body = filtered ? (
      <EmptyState
        title={t.emptyFilteredTitle}
        description={t.emptyFilteredDescription}
        action={<Button onClick={clearFilters}>{t.clearFilters}</Button>}
      />
    ) : (
      <EmptyState title={t.emptyTitle} description={t.emptyDescription} />
    );
  else
    body = (
      <ul {...slot('audit-log-items')} aria-busy={list.isFetching || undefined}>
        {events.map((event) => (
          <AuditEventItem key={event.id} event={event} sentence={auditSentence(event, names, messages, locale)} now={now} />
        ))}
      </ul>
    );

  return (
    <section ref={ref} aria-label={ariaLabel ?? t.title} {...slot('audit-log', 'seatkit-root seatkit-audit-log', className)}>
      {forbidden ? null : (
        <div {...slot('audit-log-toolbar')}>
          <div ref={filtersRef} role="group" aria-label={t.filtersLabel} {...slot('audit-log-filters')}>
            {canReadMembers ? (
              <Select label={t.actorLabel} placeholder={t.actorAny} options={memberOptions} value={filters.actor ?? ''} onChange={set('actor')} />
            ) : null}
            <Select
              label={t.actionLabel}
              placeholder={t.actionAny}
              options={ACTIONS.map((a) => ({ value: a, label: byAction(t.actions, a) ?? a }))}
              value={filters.action ?? ''}
              onChange={set('action')}
            />
            {canReadMembers ? (
              <Select label={t.targetLabel} placeholder={t.targetAny} options={memberOptions} value={filters.target ?? ''} onChange={set('target')} />
            ) : null}
            <Field label={t.fromLabel}>
              {(control) => <Input {...control} type="date" value={filters.from ?? ''} max={filters.to} onChange={set('from')} />}
            </Field>
            <Field label={t.toLabel} error={rangeInvalid ? t.rangeInvalid : undefined}>
              {(control) => <Input {...control} type="date" value={filters.to ?? ''} min={filters.from} onChange={set('to')} />}
            </Field>
          </div>
          <div {...slot('audit-log-actions')}>
            {filtered ? (
              <Button variant="ghost" onClick={clearFilters}>
                {t.clearFilters}
              </Button>
            ) : null}
            <Button loading={exporting} disabled={list.isPending || events.length === 0} onClick={() => void exportCsv()}>
              {t.exportCsv}
            </Button>
          </div>
        </div>
      )}
      <StatusMessage slot="audit-log-status" message={outcome?.text} tone={outcome?.tone} dismissAfterMs={null} />
      {body}
      {!forbidden && list.hasNextPage ? (
        <Button {...slot('audit-log-more', 'seatkit-list-more')} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t.loadMore}
        </Button>
      ) : null}
    </section>
  );
}));
