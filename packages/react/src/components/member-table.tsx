'use client';

import type { Member } from '@seatkit/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { useMemberSelection } from '../hooks/use-member-selection.js';
import type { useMembers } from '../hooks/use-members.js';
import { useSeatKit } from '../provider.js';
import { useSlots } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { Spinner } from '../ui/spinner.js';
import { useWindowedRows } from '../ui/use-windowed-rows.js';
import { MemberHeaderRow } from './member-columns.js';
import { MemberRow, type MemberRowProps } from './member-row.js';

export interface MemberTableProps
  extends Pick<MemberRowProps, 'columns' | 'me' | 'canUpdate' | 'canRemove' | 'canAssign' | 'roles' | 'productNames' | 'actions'> {
  list: ReturnType<typeof useMembers>;
  /** The loaded pages, flattened. */
  members: readonly Member[];
  /** The scroll area's maximum height; shorter lists take only the room of their rows. */
  height: number | string;
  selection: ReturnType<typeof useMemberSelection>;
}

/**
 * The virtualized member table inside its scroll area: only the rows in view (plus an overscan)
 * are rendered, and a loader row at the end fetches the next page when it comes into view.
 */
export function MemberTable({ list, members, height, columns, selection, actions, ...rowProps }: MemberTableProps) {
  const { messages } = useSeatKit();
  const t = messages.members;
  const slot = useSlots();
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
  const measureRow = () => {
    const measured = scrollRef.current?.querySelector('[data-slot="member-row"]')?.getBoundingClientRect().height;
    if (measured) setRowHeight((previous) => (Math.abs(measured - previous) > 0.5 ? measured : previous));
  };
  useLayoutEffect(measureRow);
  useEffect(() => {
    // A narrow container turns rows into taller cards (a container query): measure again when the width changes.
    const node = scrollRef.current;
    if (!node || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => measureRow());
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  const virtualRows = windowed.rows;
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? -1;
  useEffect(() => {
    // The loader row came into view: fetch the next page.
    if (lastIndex >= members.length - 1 && list.hasNextPage && !list.isFetchingNextPage && !list.isError) {
      void list.fetchNextPage();
    }
  }, [lastIndex, members.length, list.hasNextPage, list.isFetchingNextPage, list.isError, list.fetchNextPage]);

  return (
    <div
      ref={(node) => {
        scrollRef.current = node;
        windowed.ref(node);
      }}
      {...slot('member-list-scroll')}
      // At most `height`: a short result is as tall as its rows (the virtualizer reads the actual height).
      style={{ maxBlockSize: height }}
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
        data-has-actions={columns.includes('actions') || undefined}
        data-has-select={columns.includes('select') || undefined}
      >
        <div role="rowgroup" {...slot('member-table-head')}>
          <MemberHeaderRow
            columns={columns}
            allSelected={selection.allSelected}
            someSelected={selection.someSelected}
            onSelectAll={selection.setAll}
          />
        </div>
        <div role="rowgroup" {...slot('member-table-body')} style={{ blockSize: windowed.totalSize }}>
          {virtualRows.map((row) => {
            const member = members[row.index];
            if (member) {
              return (
                <MemberRow
                  key={row.key}
                  member={member}
                  columns={columns}
                  rowIndex={row.index + 2}
                  start={row.start}
                  selected={selection.selected.has(member.id)}
                  actions={actions}
                  {...rowProps}
                />
              );
            }
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 2}
                {...slot('member-loader-row', 'seatkit-member-row')}
                data-state={list.isError ? 'error' : 'loading'}
                style={{ transform: `translateY(${row.start}px)` }}
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
          })}
        </div>
      </div>
    </div>
  );
}
