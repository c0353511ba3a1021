'use client';

import { assignableRoles, describeError, isSeatKitError, type Member, type Role } from '@seatkit/core';
import { useEffect, useMemo, useState } from 'react';
import { useBulkMemberActions } from '../hooks/use-bulk-member-actions.js';
import { useMembers } from '../hooks/use-members.js';
import { useDeleteRole } from '../hooks/use-role-mutations.js';
import { format } from '../messages/format.js';
import { roleLabel } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { Select } from '../ui/select.js';
import { ConfirmDialog } from './confirm-dialog.js';

/** The server's refusal to delete a role someone still holds (`validation_failed`, issue code `role_in_use`). */
function inUse(error: unknown): boolean {
  if (!isSeatKitError(error, 'validation_failed') || !Array.isArray(error.details)) return false;
  return (error.details as { code?: string }[]).some((issue) => issue.code === 'role_in_use');
}

export interface RoleDeleteDialogProps {
  /** The role to delete; `null` closes the dialog. */
  role: Role | null;
  roles: readonly Role[];
  me: Member | null | undefined;
  onClose: () => void;
  /** After the delete: `moved` says who was given another role first, if anyone. */
  onDeleted: (role: Role, moved: string | null) => void;
  /** Where focus goes when the dialog closes. */
  returnFocus: () => void;
}

/**
 * "Delete the role X?". When the server refuses because members hold it, says how many and offers to move them
 * to another role (the ones the viewer may give: core's `assignableRoles`), then deletes again.
 */
export function RoleDeleteDialog({ role, roles, me, onClose, onDeleted, returnFocus }: RoleDeleteDialogProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.roles;
  const slot = useSlots();
  const remove = useDeleteRole();
  const bulk = useBulkMemberActions(me);
  const [blocked, setBlocked] = useState(false);
  const [moveTo, setMoveTo] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setBlocked(false);
    setMoveTo('');
    setError(null);
  }, [role]);

  // Who holds the role, once the server said someone does: every page (a move leaves nobody behind).
  const holders = useMembers({ role: role?.key ?? '', limit: 200 }, { enabled: blocked && role !== null });
  const holderList = useMemo(() => holders.data?.pages.flatMap((p) => p.items) ?? [], [holders.data]);
  useEffect(() => {
    if (holders.hasNextPage && !holders.isFetchingNextPage) void holders.fetchNextPage();
  }, [holders]);
  const count = holders.data && !holders.hasNextPage ? holderList.length : undefined;
  const targets = role ? assignableRoles(me ?? null, roles).filter((r) => r.key !== role.key) : [];
  const moveTarget = moveTo || (targets.find((r) => r.key === 'member') ?? targets[0])?.key || '';
  const nameOf = (r: Role) => roleLabel(r.key, undefined, messages, r.name);

  async function confirm() {
    if (!role) return;
    let moved: string | null = null;
    if (blocked && holderList.length > 0 && moveTarget) {
      moved = await bulk.run({ type: 'changeRole', role: moveTarget }, holderList);
    }
    try {
      await remove.mutateAsync({ roleKey: role.key });
      onDeleted(role, moved);
    } catch (failure) {
      if (inUse(failure)) {
        if (blocked) await holders.refetch();
        setBlocked(true);
        setError(moved);
      } else {
        setError(format(t.failed, { name: nameOf(role), reason: describeError(failure, messages.common.errors) }));
      }
    }
  }

  return (
    <ConfirmDialog
      open={role !== null}
      onOpenChange={(open) => !open && onClose()}
      onCloseAutoFocus={(event) => {
        event.preventDefault();
        returnFocus();
      }}
      title={role ? format(t.deleteTitle, { name: nameOf(role) }) : ''}
      description={t.deleteDescription}
      action={
        <Button
          variant="danger"
          loading={remove.isPending || bulk.busy}
          disabled={blocked && (count === undefined || (count > 0 && !moveTarget))}
          onClick={() => void confirm()}
        >
          {blocked && count ? t.moveAndDelete : t.deleteConfirm}
        </Button>
      }
    >
      {blocked && count !== undefined ? (
        <div {...slot('role-editor-in-use')}>
          <p role="status">{format(t.inUse, { count }, locale)}</p>
          {count > 0 ? (
            <Select
              label={t.moveTo}
              options={targets.map((r) => ({ value: r.key, label: nameOf(r) }))}
              value={moveTarget}
              onChange={(event) => setMoveTo(event.currentTarget.value)}
            />
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" {...slot('field-error', 'seatkit-field-error')}>
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
