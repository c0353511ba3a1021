'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { can, describeError, LIMITS, type Member, type MemberStatus, type Role } from '@seatkit/core';
import { forwardRef, memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useOrgId } from '../hooks/use-org-id.js';
import { useRemoveMember } from '../hooks/use-remove-member.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { useUpdateMember } from '../hooks/use-update-member.js';
import { memberActionState } from '../member-rules.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
} from '../ui/alert-dialog.js';
import { Badge } from '../ui/badge.js';
import { Button, IconButton } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { Checkbox, Input } from '../ui/field.js';
import { PencilIcon, SearchIcon, SeatIcon, TrashIcon } from '../ui/icons.js';
import { Select } from '../ui/select.js';
import { LoadingState, Spinner } from '../ui/spinner.js';
import { useDebounced } from '../ui/use-debounced.js';
import { useWindowedRows } from '../ui/use-windowed-rows.js';
import { EditMemberDialog } from './edit-member-dialog.js';
import { actionReason, formatDate, memberName, roleLabel, useRoleOptions } from './member-helpers.js';
import { RemoveMemberDialog } from './remove-member-dialog.js';

export interface MemberListProps {
  /** Class of the root (`member-list`). */
  className?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`member-row`, `member-cell`, `member-bulk-bar`, `button`, …),
   * including the parts of the edit and remove dialogs it opens.
   */
  classNames?: SeatKitClassNames;
  /** Height of the scrolling area (the list is virtualized inside it). @default 480 */
  height?: number | string;
  /** Members per page fetched while scrolling. @default 50 */
  pageSize?: number;
  /** Delay between the last keystroke and the search request, in ms. @default 250 */
  searchDebounceMs?: number;
  /**
   * Opens the seat picker for a member. Wire it to `AssignSeatDialog` (the `AccountUsersPage` does);
   * without it the "Assign seat" action is not shown.
   */
  onAssignSeat?: (member: Member) => void;
  /** Replaces the built-in `EditMemberDialog`. */
  onEditMember?: (member: Member) => void;
  /** Replaces the built-in `RemoveMemberDialog`. */
  onRemoveMember?: (member: Member) => void;
  /** Shown in the empty state of an unfiltered list, e.g. an "Invite people" button. */
  emptyAction?: ReactNode;
}

type DialogState = { type: 'edit' | 'remove'; member: Member } | null;

/**
 * The organization's members: server-side search, role and status filters, infinite scrolling
 * over a virtualized table (smooth at 10,000 members), row actions (edit, remove, assign seat)
 * and bulk role change / removal. Actions the caller may not take are hidden (no permission) or
 * disabled with the reason (e.g. only the owner can remove an admin).
 *
 * @example <MemberList onAssignSeat={(m) => setAssigning(m.id)} />
 */
export const MemberList = /* @__PURE__ */ withClassNames(forwardRef<HTMLDivElement, MemberListProps>(function MemberList(
  {
    className,
    height = 480,
    pageSize = LIMITS.pageSizeDefault,
    searchDebounceMs = 250,
    onAssignSeat,
    onEditMember,
    onRemoveMember,
    emptyAction,
  },
  ref,
) {
  const { client, messages, locale } = useSeatKit();
  const t = messages.members;
  const slot = useSlots();
  const orgId = useOrgId();
  const { member: me } = useCurrentMember();
  const permissions = me?.permissions ?? [];
  const canUpdate = can(permissions, 'members:update');
  const canRemove = can(permissions, 'members:remove');
  const canAssign = can(permissions, 'seats:assign') && Boolean(onAssignSeat);
  const canBulk = canUpdate || canRemove;
  const hasActions = canUpdate || canRemove || canAssign;

  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const query = useDebounced(search.trim(), searchDebounceMs);
  const filtered = Boolean(query || role || status);

  const list = useInfiniteQuery({
    ...seatkitQueries.members(client, orgId ?? '', { query, role, status: status || undefined, limit: pageSize }),
    enabled: Boolean(orgId),
    // Keep showing the previous results while a new search loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
  const members = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const { options: roleOptions, roles } = useRoleOptions({ includeOwner: true });
  const subscriptions = useSubscriptions({ enabled: can(permissions, 'seats:read') });
  const productNames = useMemo(
    () => new Map(subscriptions.data?.items.map((s) => [s.id, s.product.name]) ?? []),
    [subscriptions.data],
  );

  // ---------------------------------------------------------------- selection
  const [selected, setSelected] = useState<Map<string, Member>>(new Map());
  useEffect(() => {
    // Rows that left the list (removed, filtered out) leave the selection.
    setSelected((prev) => {
      if (prev.size === 0) return prev;
      const present = new Map(members.map((m) => [m.id, m]));
      const next = new Map([...prev].filter(([id]) => present.has(id)).map(([id]) => [id, present.get(id)!]));
      return next.size === prev.size ? prev : next;
    });
  }, [members]);
  const allSelected = members.length > 0 && selected.size === members.length;

  // ---------------------------------------------------------------- dialogs & bulk
  const [dialog, setDialog] = useState<DialogState>(null);
  const [bulkRole, setBulkRole] = useState('');
  const [confirmBulkRemove, setConfirmBulkRemove] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [bulkBusy, setBulkBusy] = useState(false);
  const updateMember = useUpdateMember();
  const removeMember = useRemoveMember();
  const containerRef = useRef<HTMLDivElement>(null);

  async function runBulk(action: 'changeRole' | 'remove') {
    const targets = [...selected.values()];
    const allowed = targets.filter(
      (m) => memberActionState(me, m, action).allowed && (action === 'remove' || m.role !== bulkRole),
    );
    const skipped = targets.length - allowed.length;
    setBulkBusy(true);
    const results = await Promise.allSettled(
      allowed.map((m) =>
        action === 'remove'
          ? removeMember.mutateAsync({ memberId: m.id })
          : updateMember.mutateAsync({ memberId: m.id, role: bulkRole }),
      ),
    );
    setBulkBusy(false);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const done = results.length - failures.length;
    const parts = [format(t.bulkDone, { count: done }, locale)];
    if (skipped > 0) parts.push(format(t.bulkSkipped, { count: skipped }, locale));
    if (failures.length > 0) {
      parts.push(
        format(t.bulkFailed, { count: failures.length, reason: describeError(failures[0]!.reason, messages.common.errors) }, locale),
      );
    }
    setAnnouncement(parts.join(' '));
    setSelected(new Map());
    setBulkRole('');
  }

  // Stable callbacks for the memoized rows; they read the latest props through a ref.
  const latest = useRef({ onEditMember, onRemoveMember, onAssignSeat });
  latest.current = { onEditMember, onRemoveMember, onAssignSeat };
  const rowActions = useMemo<RowActions>(
    () => ({
      toggle: (member, on) =>
        setSelected((prev) => {
          const next = new Map(prev);
          if (on) next.set(member.id, member);
          else next.delete(member.id);
          return next;
        }),
      edit: (member) => (latest.current.onEditMember ? latest.current.onEditMember(member) : setDialog({ type: 'edit', member })),
      remove: (member) =>
        latest.current.onRemoveMember ? latest.current.onRemoveMember(member) : setDialog({ type: 'remove', member }),
      assign: (member) => latest.current.onAssignSeat?.(member),
    }),
    [],
  );

  // ---------------------------------------------------------------- virtualization
  const rowCount = members.length + (list.hasNextPage ? 1 : 0);
  // Rows are `--seatkit-row-height` tall (CSS); measured from a rendered row, so a theme may change it.
  const [rowHeight, setRowHeight] = useState(52);
  const windowed = useWindowedRows({
    count: rowCount,
    rowHeight,
    overscan: 8,
    // Until the scroll area is measured; a CSS height ("60vh") is measured on mount.
    initialHeight: typeof height === 'number' ? height : undefined,
    getKey: (index) => members[index]?.id ?? `loader-${index}`,
  });
  const scrollRef = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    const measured = scrollRef.current?.querySelector('[data-slot="member-row"]')?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowHeight) > 0.5) setRowHeight(measured);
  });
  const virtualRows = windowed.rows;
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? -1;
  useEffect(() => {
    // The loader row came into view: fetch the next page.
    if (lastIndex >= members.length - 1 && list.hasNextPage && !list.isFetchingNextPage && !list.isError) {
      void list.fetchNextPage();
    }
  }, [lastIndex, members.length, list.hasNextPage, list.isFetchingNextPage, list.isError, list.fetchNextPage]);

  const searchId = useId();
  const bulkBarId = useId();

  // ---------------------------------------------------------------- render
  let body: ReactNode;
  if (!orgId || list.isPending) {
    body = <LoadingState label={messages.common.loading} />;
  } else if (list.isError && members.length === 0) {
    body = <ErrorState error={list.error} title={t.errorTitle} onRetry={() => void list.refetch()} />;
  } else if (members.length === 0) {
    body = filtered ? (
      <EmptyState
        title={t.noMatchesTitle}
        description={t.noMatchesDescription}
        action={
          <Button
            onClick={() => {
              setSearch('');
              setRole('');
              setStatus('');
            }}
          >
            {t.clearFilters}
          </Button>
        }
      />
    ) : (
      <EmptyState title={t.emptyTitle} description={t.emptyDescription} action={emptyAction} />
    );
  } else {
    body = (
      <div
        ref={(node) => {
          scrollRef.current = node;
          windowed.ref(node);
        }}
        {...slot('member-list-scroll')}
        style={{ blockSize: height }}
        // The scroll area must be reachable by keyboard to scroll it (axe: scrollable-region-focusable).
        tabIndex={0}
        aria-label={t.title}
        role="region"
      >
        <div
          role="table"
          aria-label={t.title}
          aria-rowcount={list.hasNextPage ? -1 : members.length + 1}
          aria-busy={list.isFetching || undefined}
          {...slot('member-table')}
          data-has-actions={hasActions || undefined}
          data-has-select={canBulk || undefined}
        >
          <div role="rowgroup" {...slot('member-table-head')}>
            <div role="row" aria-rowindex={1} {...slot('member-header-row', 'seatkit-member-row')}>
              {canBulk ? (
                <div role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column="select">
                  <Checkbox
                    aria-label={t.selectAll}
                    checked={allSelected}
                    indeterminate={selected.size > 0 && !allSelected}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Map(members.map((m) => [m.id, m])) : new Map())}
                  />
                </div>
              ) : null}
              <div role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column="name">{t.columnName}</div>
              <div role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column="email">{t.columnEmail}</div>
              <div role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column="role">{t.columnRole}</div>
              <div role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column="seats">{t.columnSeats}</div>
              <div role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column="last-active">{t.columnLastActive}</div>
              {hasActions ? (
                <div role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column="actions">
                  <span {...slot('visually-hidden')}>{t.columnActions}</span>
                </div>
              ) : null}
            </div>
          </div>
          <div
            role="rowgroup"
            {...slot('member-table-body')}
            style={{ blockSize: windowed.totalSize }}
          >
            {virtualRows.map((row) => {
              const member = members[row.index];
              const style = { transform: `translateY(${row.start}px)` };
              if (!member) {
                return (
                  <div
                    key={row.key}
                    role="row"
                    aria-rowindex={row.index + 2}
                    {...slot('member-loader-row', 'seatkit-member-row')}
                    data-state={list.isError ? 'error' : 'loading'}
                    style={style}
                  >
                    <div role="cell" {...slot('member-cell')} data-column="loader">
                      {list.isError ? (
                        <ErrorState size="inline" error={list.error} title={t.errorTitle} onRetry={() => void list.fetchNextPage()} />
                      ) : (
                        <span {...slot('member-loading-more')}>
                          <Spinner /> {t.loadingMore}
                        </span>
                      )}
                    </div>
                  </div>
                );
              }
              return (
                <MemberRow
                  key={row.key}
                  member={member}
                  rowIndex={row.index + 2}
                  start={row.start}
                  selected={selected.has(member.id)}
                  me={me}
                  canBulk={canBulk}
                  canUpdate={canUpdate}
                  canRemove={canRemove}
                  canAssign={canAssign}
                  hasActions={hasActions}
                  roles={roles}
                  productNames={productNames}
                  actions={rowActions}
                />
              );
            })}
          </div>
        </div>
      </div>
    );
  }

  const bulkTargets = [...selected.values()];
  return (
    <div
      ref={(node) => {
        containerRef.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      {...slot('member-list', 'seatkit-root seatkit-member-list', className)}
      data-state={list.isPending ? 'loading' : list.isError ? 'error' : members.length === 0 ? 'empty' : 'ready'}
      tabIndex={-1}
    >
      <div {...slot('member-toolbar')} role="search">
        <div {...slot('member-search', 'seatkit-field seatkit-member-search')}>
          <label htmlFor={searchId} {...slot('member-search-label', 'seatkit-visually-hidden')}>
            {t.searchLabel}
          </label>
          <SearchIcon {...slot('member-search-icon')} />
          <Input
            id={searchId}
            type="search"
            value={search}
            maxLength={LIMITS.queryLength}
            placeholder={t.searchPlaceholder}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        <Select
          label={t.roleFilterLabel}
          hideLabel
          placeholder={t.allRoles}
          options={roleOptions.map((o) => ({ ...o, disabled: false }))}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
        />
        <Select
          label={t.statusFilterLabel}
          hideLabel
          placeholder={t.allStatuses}
          options={[
            { value: 'active', label: messages.common.memberStatus.active },
            { value: 'suspended', label: messages.common.memberStatus.suspended },
          ]}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as MemberStatus | '')}
        />
        {list.isFetching && !list.isFetchingNextPage && !list.isPending ? <Spinner aria-hidden="true" /> : null}
      </div>

      {canBulk && selected.size > 0 ? (
        <div {...slot('member-bulk-bar', 'seatkit-member-bulk')} role="group" aria-labelledby={bulkBarId}>
          <span id={bulkBarId} {...slot('member-bulk-count')}>
            {format(t.selectedCount, { count: selected.size }, locale)}
          </span>
          {canUpdate ? (
            <>
              <Select
                label={t.bulkRoleLabel}
                hideLabel
                placeholder={t.bulkRoleLabel}
                options={roleOptions}
                value={bulkRole}
                onChange={(e) => setBulkRole(e.currentTarget.value)}
              />
              <Button size="sm" disabled={!bulkRole} loading={bulkBusy} onClick={() => void runBulk('changeRole')}>
                {t.bulkRoleApply}
              </Button>
            </>
          ) : null}
          {canRemove ? (
            <Button size="sm" variant="danger" loading={bulkBusy} onClick={() => setConfirmBulkRemove(true)}>
              {t.bulkRemove}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Map())}>
            {t.clearSelection}
          </Button>
        </div>
      ) : null}

      <p role="status" aria-live="polite" {...slot('member-announcement')}>
        {announcement}
      </p>

      {body}

      {dialog?.type === 'edit' ? (
        <EditMemberDialog
          open
          onOpenChange={(open) => !open && setDialog(null)}
          memberId={dialog.member.id}
          member={dialog.member}
          onSaved={() => setAnnouncement(messages.editMember.saved)}
        />
      ) : null}
      {dialog?.type === 'remove' ? (
        <RemoveMemberDialog
          open
          onOpenChange={(open) => !open && setDialog(null)}
          member={dialog.member}
          onRemoved={(member) => {
            setAnnouncement(format(messages.removeMember.removed, { name: memberName(member) }));
            // The row and its button are gone: put focus somewhere sensible.
            requestAnimationFrame(() => containerRef.current?.focus());
          }}
        />
      ) : null}

      <AlertDialog open={confirmBulkRemove} onOpenChange={setConfirmBulkRemove}>
        <AlertDialogContent>
          <AlertDialogTitle>{format(t.bulkRemoveTitle, { count: bulkTargets.length }, locale)}</AlertDialogTitle>
          <AlertDialogDescription>{t.bulkRemoveDescription}</AlertDialogDescription>
          <ul {...slot('member-bulk-remove-list', 'seatkit-remove-list')}>
            {bulkTargets.slice(0, 10).map((m) => (
              <li key={m.id}>
                {memberName(m)} <span {...slot('member-email')}>({m.email})</span>
              </li>
            ))}
            {bulkTargets.length > 10 ? <li>…</li> : null}
          </ul>
          <div {...slot('dialog-footer')}>
            <AlertDialogCancel asChild>
              <Button>{messages.common.cancel}</Button>
            </AlertDialogCancel>
            <Button
              variant="danger"
              onClick={() => {
                setConfirmBulkRemove(false);
                void runBulk('remove');
              }}
            >
              {format(t.bulkRemoveConfirm, { count: bulkTargets.length }, locale)}
            </Button>
          </div>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}));

interface RowActions {
  toggle: (member: Member, on: boolean) => void;
  edit: (member: Member) => void;
  remove: (member: Member) => void;
  assign: (member: Member) => void;
}

interface MemberRowProps {
  member: Member;
  rowIndex: number;
  start: number;
  selected: boolean;
  me: Member | null | undefined;
  canBulk: boolean;
  canUpdate: boolean;
  canRemove: boolean;
  canAssign: boolean;
  hasActions: boolean;
  roles: Role[] | undefined;
  productNames: Map<string, string>;
  actions: RowActions;
}

/**
 * One row. Memoized: while scrolling only rows entering the window render; the others keep their
 * props (the callbacks are stable) and are skipped.
 */
const MemberRow = memo(function MemberRow({
  member,
  rowIndex,
  start,
  selected,
  me,
  canBulk,
  canUpdate,
  canRemove,
  canAssign,
  hasActions,
  roles,
  productNames,
  actions,
}: MemberRowProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.members;
  const slot = useSlots();
  const name = memberName(member);
  const isMe = member.id === me?.id;
  const editState = memberActionState(me, member, 'edit');
  const removeState = memberActionState(me, member, 'remove');
  const seatNames = member.subscriptionIds.map((id) => productNames.get(id)).filter(Boolean);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={canBulk ? selected : undefined}
      {...slot('member-row')}
      data-state={selected ? 'selected' : undefined}
      data-status={member.status}
      data-member-id={member.id}
      style={{ transform: `translateY(${start}px)` }}
    >
      {canBulk ? (
        <div role="cell" {...slot('member-cell')} data-column="select">
          <Checkbox
            aria-label={format(t.selectRow, { name })}
            checked={selected}
            onChange={(e) => actions.toggle(member, e.currentTarget.checked)}
          />
        </div>
      ) : null}
      <div role="cell" {...slot('member-cell')} data-column="name">
        <span {...slot('member-name')}>{name}</span>
        {isMe ? <Badge tone="info">{messages.common.you}</Badge> : null}
        {member.status === 'suspended' ? <Badge tone="warning">{messages.common.memberStatus.suspended}</Badge> : null}
      </div>
      <div role="cell" {...slot('member-cell')} data-column="email">
        <span {...slot('member-email')}>{member.email}</span>
      </div>
      <div role="cell" {...slot('member-cell')} data-column="role">
        <Badge tone={member.role === 'owner' || member.role === 'admin' ? 'info' : 'neutral'}>
          {roleLabel(member.role, roles, messages)}
        </Badge>
      </div>
      <div role="cell" {...slot('member-cell')} data-column="seats" title={seatNames.join(', ') || undefined}>
        {seatNames.length > 0 ? seatNames.join(', ') : format(t.seatCount, { count: member.subscriptionIds.length }, locale)}
      </div>
      <div role="cell" {...slot('member-cell')} data-column="last-active">
        {formatDate(member.lastActiveAt, locale, messages)}
      </div>
      {hasActions ? (
        <div role="cell" {...slot('member-cell', 'seatkit-member-cell seatkit-member-actions')} data-column="actions">
          {canUpdate ? (
            <IconButton
              size="sm"
              label={format(t.editLabel, { name })}
              icon={<PencilIcon />}
              disabledReason={actionReason(editState, messages)}
              onClick={() => actions.edit(member)}
            />
          ) : null}
          {canAssign ? (
            <IconButton size="sm" label={format(t.assignSeatLabel, { name })} icon={<SeatIcon />} onClick={() => actions.assign(member)} />
          ) : null}
          {canRemove ? (
            <IconButton
              size="sm"
              label={format(t.removeLabel, { name })}
              icon={<TrashIcon />}
              disabledReason={actionReason(removeState, messages)}
              onClick={() => actions.remove(member)}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
