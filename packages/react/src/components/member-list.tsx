'use client';

import { LIMITS, type Member, type MemberStatus } from '@seatkit/core';
import { forwardRef, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBulkMemberActions, type BulkMemberAction } from '../hooks/use-bulk-member-actions.js';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useMemberSelection } from '../hooks/use-member-selection.js';
import { useMembers } from '../hooks/use-members.js';
import { useOrgId } from '../hooks/use-org-id.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { Input } from '../ui/field.js';
import { SearchIcon } from '../ui/icons.js';
import { Select } from '../ui/select.js';
import { LoadingState, Spinner } from '../ui/spinner.js';
import { StatusMessage } from '../ui/status-message.js';
import { useDebounced } from '../ui/use-debounced.js';
import { EditMemberDialog } from './edit-member-dialog.js';
import { MemberBulkBar } from './member-bulk-bar.js';
import { MemberExportButton } from './member-export-button.js';
import { memberColumns } from './member-columns.js';
import { memberName, useRoleOptions } from './member-helpers.js';
import { bulkSelectState, type MemberRowActions } from './member-row.js';
import { MemberTable } from './member-table.js';
import { RemoveMemberDialog } from './remove-member-dialog.js';

export interface MemberListProps {
  /** Class of the root (`member-list`). */
  className?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`member-row`, `member-cell`, `member-bulk-bar`, `button`, …),
   * including the parts of the edit and remove dialogs it opens.
   */
  classNames?: SeatKitClassNames;
  /** Maximum height of the scrolling area (the list is virtualized inside it); fewer rows take less room. @default 480 */
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
  /** How long the outcome of an action ("Mia Member was removed.") stays on screen, in ms; `null` keeps it. @default 8000 */
  statusDismissMs?: number | null;
  /** Offers "Export CSV": every member matching the current search and filters, from the server. @default true */
  exportable?: boolean;
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
    statusDismissMs,
    exportable = true,
  },
  ref,
) {
  const { messages } = useSeatKit();
  const t = messages.members;
  const slot = useSlots();
  const orgId = useOrgId();
  const { member: me } = useCurrentMember();
  const canUpdate = useCan('members:update');
  const canRemove = useCan('members:remove');
  const canAssign = useCan('seats:assign') && Boolean(onAssignSeat);
  const canBulk = canUpdate || canRemove;
  const hasActions = canUpdate || canRemove || canAssign;
  const columns = useMemo(() => memberColumns({ select: canBulk, actions: hasActions }), [canBulk, hasActions]);

  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const query = useDebounced(search.trim(), searchDebounceMs);
  const filtered = Boolean(query || role || status);

  // Keep showing the previous results while a new search loads, instead of flashing a spinner.
  const list = useMembers({ query, role, status: status || undefined, limit: pageSize }, { keepPreviousResults: true });
  const members = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const { options: roleOptions, roles } = useRoleOptions({ includeOwner: true });
  const subscriptions = useSubscriptions({ enabled: useCan('seats:read') });
  const productNames = useMemo(
    () => new Map(subscriptions.data?.items.map((s) => [s.id, s.product.name]) ?? []),
    [subscriptions.data],
  );

  // Only rows a bulk action may touch can be selected ("Remove selected" never offers a row the server would refuse).
  const selectable = useMemo(() => members.filter((m) => bulkSelectState(me, m).allowed), [members, me]);
  const selection = useMemberSelection(selectable);
  const bulk = useBulkMemberActions(me);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [announcement, setAnnouncement] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);

  async function runBulk(action: BulkMemberAction) {
    const targets = [...selection.selected.values()];
    setAnnouncement(await bulk.run(action, targets));
    selection.clear();
  }

  // Stable callbacks for the memoized rows; they read the latest props through a ref.
  const latest = useRef({ onEditMember, onRemoveMember, onAssignSeat });
  latest.current = { onEditMember, onRemoveMember, onAssignSeat };
  const { toggle } = selection;
  const rowActions = useMemo<MemberRowActions>(
    () => ({
      toggle,
      edit: (member) => (latest.current.onEditMember ? latest.current.onEditMember(member) : setDialog({ type: 'edit', member })),
      remove: (member) =>
        latest.current.onRemoveMember ? latest.current.onRemoveMember(member) : setDialog({ type: 'remove', member }),
      assign: (member) => latest.current.onAssignSeat?.(member),
    }),
    [toggle],
  );

  const searchId = useId();

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
      <MemberTable
        list={list}
        members={members}
        height={height}
        columns={columns}
        selection={selection}
        me={me}
        canUpdate={canUpdate}
        canRemove={canRemove}
        canAssign={canAssign}
        roles={roles}
        productNames={productNames}
        actions={rowActions}
      />
    );
  }

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
        <div {...slot('member-search', 'seatkit-field seatkit-search seatkit-member-search')}>
          <label htmlFor={searchId} {...slot('member-search-label', 'seatkit-visually-hidden')}>
            {t.searchLabel}
          </label>
          <SearchIcon {...slot('member-search-icon', 'seatkit-search-icon seatkit-member-search-icon')} />
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
        {exportable && members.length > 0 ? (
          <MemberExportButton filters={{ query, role, status: status || undefined }} onOutcome={setAnnouncement} />
        ) : null}
      </div>

      {canBulk ? (
        <MemberBulkBar
          targets={[...selection.selected.values()]}
          canUpdate={canUpdate}
          canRemove={canRemove}
          busy={bulk.busy}
          roleOptions={roleOptions}
          onRun={runBulk}
          onClear={selection.clear}
        />
      ) : null}

      <StatusMessage slot="member-announcement" message={announcement} dismissAfterMs={statusDismissMs} />

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
    </div>
  );
}));
