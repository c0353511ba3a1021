'use client';

import { memberPolicy, type Member, type MemberDecision, type Role } from '@seatkit/core';
import { memo, type ReactNode } from 'react';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { Checkbox } from '../ui/field.js';
import { PencilIcon, SeatIcon, TrashIcon } from '../ui/icons.js';
import { actionReason, formatDate, memberName, roleLabel } from './member-helpers.js';
import type { MemberColumn } from './member-columns.js';

/**
 * Whether a row may be picked for the bulk actions (remove, change role): allowed when the policy allows either,
 * else the removal's refusal (the reason shown on the disabled checkbox).
 */
export function bulkSelectState(me: Member | null | undefined, member: Member): MemberDecision {
  const remove = memberPolicy(me, member, 'remove');
  return remove.allowed ? remove : memberPolicy(me, member, 'changeRole').allowed ? { allowed: true } : remove;
}

export interface MemberRowActions {
  toggle: (member: Member, on: boolean) => void;
  edit: (member: Member) => void;
  remove: (member: Member) => void;
  assign: (member: Member) => void;
}

export interface MemberRowProps {
  member: Member;
  columns: readonly MemberColumn[];
  rowIndex: number;
  start: number;
  selected: boolean;
  me: Member | null | undefined;
  canUpdate: boolean;
  canRemove: boolean;
  canAssign: boolean;
  roles: Role[] | undefined;
  productNames: Map<string, string>;
  actions: MemberRowActions;
}

interface RowActionProps {
  label: string;
  text: string;
  icon: ReactNode;
  disabledReason?: string | null;
  onClick: () => void;
}

/** A row's action: icon and visible word, named in full ("Remove Augusta King") for assistive technology. */
function RowAction({ label, text, icon, disabledReason, onClick }: RowActionProps) {
  const slot = useSlots();
  return (
    <Button size="sm" variant="ghost" aria-label={label} disabledReason={disabledReason} onClick={onClick}>
      {icon}
      <span {...slot('member-action-label')}>{text}</span>
    </Button>
  );
}

/**
 * One row. Memoized: while scrolling only rows entering the window render; the others keep their
 * props (the callbacks are stable) and are skipped.
 */
export const MemberRow = memo(function MemberRow({
  member,
  columns,
  rowIndex,
  start,
  selected,
  me,
  canUpdate,
  canRemove,
  canAssign,
  roles,
  productNames,
  actions,
}: MemberRowProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.members;
  const slot = useSlots();
  const name = memberName(member);
  const seatNames = member.subscriptionIds.map((id) => productNames.get(id)).filter(Boolean);

  function cell(column: MemberColumn): ReactNode {
    switch (column) {
      case 'select': {
        // A row no bulk action may touch cannot be picked: the server would refuse it anyway.
        const bulkState = bulkSelectState(me, member);
        return (
          <Checkbox
            aria-label={format(t.selectRow, { name })}
            checked={selected}
            disabled={!bulkState.allowed}
            title={actionReason(bulkState, messages) ?? undefined}
            onChange={(e) => actions.toggle(member, e.currentTarget.checked)}
          />
        );
      }
      case 'name':
        return (
          <>
            <span {...slot('member-name')}>{name}</span>
            {member.id === me?.id ? <Badge tone="info">{messages.common.you}</Badge> : null}
            {member.status === 'suspended' ? <Badge tone="warning">{messages.common.memberStatus.suspended}</Badge> : null}
          </>
        );
      case 'email':
        return <span {...slot('member-email')}>{member.email}</span>;
      case 'role':
        return (
          <Badge tone={member.role === 'owner' || member.role === 'admin' ? 'info' : 'neutral'}>
            {roleLabel(member.role, roles, messages)}
          </Badge>
        );
      case 'seats':
        return seatNames.length > 0 ? seatNames.join(', ') : format(t.seatCount, { count: member.subscriptionIds.length }, locale);
      case 'last-active':
        return formatDate(member.lastActiveAt, locale, messages);
      case 'actions':
        // Icon and the workflow's word ("Edit"); the accessible name stays "Edit Augusta King", which contains the
        // visible word, so the label is announced once. CSS hides the word where the column is narrow.
        return (
          <>
            {canUpdate ? (
              <RowAction
                label={format(t.editLabel, { name })}
                text={t.edit}
                icon={<PencilIcon />}
                disabledReason={actionReason(memberPolicy(me, member, 'edit'), messages)}
                onClick={() => actions.edit(member)}
              />
            ) : null}
            {canAssign ? (
              <RowAction label={format(t.assignSeatLabel, { name })} text={t.assignSeat} icon={<SeatIcon />} onClick={() => actions.assign(member)} />
            ) : null}
            {canRemove ? (
              <RowAction
                label={format(t.removeLabel, { name })}
                text={t.remove}
                icon={<TrashIcon />}
                disabledReason={actionReason(memberPolicy(me, member, 'remove'), messages)}
                onClick={() => actions.remove(member)}
              />
            ) : null}
          </>
        );
    }
  }

  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={columns.includes('select') ? selected : undefined}
      {...slot('member-row')}
      data-state={selected ? 'selected' : undefined}
      data-status={member.status}
      data-member-id={member.id}
      style={{ transform: `translateY(${start}px)` }}
    >
      {columns.map((column) => (
        <div
          key={column}
          role="cell"
          {...slot('member-cell', column === 'actions' ? 'seatkit-member-cell seatkit-member-actions' : undefined)}
          data-column={column}
          title={column === 'seats' ? seatNames.join(', ') || undefined : undefined}
        >
          {cell(column)}
        </div>
      ))}
    </div>
  );
});
