'use client';

import type { Member } from '@seatkit/core';
import { useId, useState } from 'react';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
} from '../ui/alert-dialog.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { Select, type SelectOption } from '../ui/select.js';
import type { BulkMemberAction } from '../hooks/use-bulk-member-actions.js';
import { memberName } from './member-helpers.js';

export interface MemberBulkBarProps {
  targets: readonly Member[];
  canUpdate: boolean;
  canRemove: boolean;
  busy: boolean;
  roleOptions: SelectOption[];
  /** Runs the action; the role picked is cleared once it settles. */
  onRun: (action: BulkMemberAction) => Promise<void>;
  onClear: () => void;
}

/** The actions over the selected rows (role change, removal after a confirmation), shown while rows are selected. */
export function MemberBulkBar({ targets, canUpdate, canRemove, busy, roleOptions, onRun, onClear }: MemberBulkBarProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.members;
  const slot = useSlots();
  const [role, setRole] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const countId = useId();
  const run = (action: BulkMemberAction) => void onRun(action).finally(() => setRole(''));
  return (
    <>
      {targets.length > 0 ? (
        <div {...slot('member-bulk-bar', 'seatkit-member-bulk')} role="group" aria-labelledby={countId}>
          <span id={countId} {...slot('member-bulk-count')}>
            {format(t.selectedCount, { count: targets.length }, locale)}
          </span>
          {canUpdate ? (
            <>
              {/* A visible label beside the select: as a placeholder the sentence was cut to "Change role of select…". */}
              <Select
                label={t.bulkRoleLabel}
                placeholder={t.bulkRolePlaceholder}
                options={roleOptions}
                value={role}
                onChange={(e) => setRole(e.currentTarget.value)}
              />
              <Button size="sm" disabled={!role} loading={busy} onClick={() => run({ type: 'changeRole', role })}>
                {t.bulkRoleApply}
              </Button>
            </>
          ) : null}
          {canRemove ? (
            <Button size="sm" variant="danger" loading={busy} onClick={() => setConfirmRemove(true)}>
              {t.bulkRemove}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={onClear}>
            {t.clearSelection}
          </Button>
        </div>
      ) : null}

      <AlertDialog open={confirmRemove} onOpenChange={setConfirmRemove}>
        <AlertDialogContent>
          <AlertDialogTitle>{format(t.bulkRemoveTitle, { count: targets.length }, locale)}</AlertDialogTitle>
          <AlertDialogDescription>{t.bulkRemoveDescription}</AlertDialogDescription>
          <ul {...slot('member-bulk-remove-list', 'seatkit-remove-list')}>
            {targets.slice(0, 10).map((m) => (
              <li key={m.id}>
                {memberName(m)} <span {...slot('member-email')}>({m.email})</span>
              </li>
            ))}
            {targets.length > 10 ? <li>…</li> : null}
          </ul>
          <div {...slot('dialog-footer')}>
            <AlertDialogCancel asChild>
              <Button>{messages.common.cancel}</Button>
            </AlertDialogCancel>
            <Button
              variant="danger"
              onClick={() => {
                setConfirmRemove(false);
                run({ type: 'remove' });
              }}
            >
              {format(t.bulkRemoveConfirm, { count: targets.length }, locale)}
            </Button>
          </div>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
