'use client';

import { useSeatKit } from '../provider.js';
import { useSlots } from '../ui/class-names.js';
import { Checkbox } from '../ui/field.js';

/** A column of the member table, in display order; the value of each cell's `data-column`. */
export type MemberColumn = 'select' | 'name' | 'email' | 'role' | 'seats' | 'last-active' | 'actions';

/**
 * The columns shown, in order: the header and every row render from this one list, so they can
 * never disagree on which cells a row has.
 */
export function memberColumns(options: { select: boolean; actions: boolean }): MemberColumn[] {
  const columns: MemberColumn[] = ['name', 'email', 'role', 'seats', 'last-active'];
  if (options.select) columns.unshift('select');
  if (options.actions) columns.push('actions');
  return columns;
}

export interface MemberHeaderRowProps {
  columns: readonly MemberColumn[];
  allSelected: boolean;
  someSelected: boolean;
  onSelectAll: (on: boolean) => void;
}

/** The table's header row. */
export function MemberHeaderRow({ columns, allSelected, someSelected, onSelectAll }: MemberHeaderRowProps) {
  const { messages } = useSeatKit();
  const t = messages.members;
  const slot = useSlots();
  const titles: Record<Exclude<MemberColumn, 'select' | 'actions'>, string> = {
    name: t.columnName,
    email: t.columnEmail,
    role: t.columnRole,
    seats: t.columnSeats,
    'last-active': t.columnLastActive,
  };
  return (
    <div role="row" aria-rowindex={1} {...slot('member-header-row', 'seatkit-member-row')}>
      {columns.map((column) => (
        <div key={column} role="columnheader" {...slot('member-header-cell', 'seatkit-member-cell')} data-column={column}>
          {column === 'select' ? (
            <Checkbox
              aria-label={t.selectAll}
              checked={allSelected}
              indeterminate={someSelected}
              onChange={(e) => onSelectAll(e.currentTarget.checked)}
            />
          ) : column === 'actions' ? (
            <span {...slot('visually-hidden')}>{t.columnActions}</span>
          ) : (
            titles[column]
          )}
        </div>
      ))}
    </div>
  );
}
