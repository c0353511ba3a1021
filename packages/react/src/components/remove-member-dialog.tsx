'use client';

import { memberPolicy, type Member } from '@seatkit/core';
import { useId } from 'react';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useRemoveMember } from '../hooks/use-remove-member.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { refusalText } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { DisabledReason } from '../ui/disabled-reason.js';
import { ErrorState } from '../ui/error-state.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { memberName, roleLabel, useRoleOptions } from './member-helpers.js';

export interface RemoveMemberDialogProps {
  /** The member to remove (a row of `useMembers`, or `useMember(id).data`). */
  member: Member;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Called after the server removed the member. */
  onRemoved?: (member: Member) => void;
  /** Class of the dialog panel (`remove-member-dialog`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`remove-member-losses`, `remove-member-notice`, `button`, …). */
  classNames?: SeatKitClassNames;
}

/**
 * The confirmation before removing a member: says what the person loses (access, role, seats,
 * pending work) and that they are emailed. When the caller may not remove this person (the owner;
 * an admin unless you are the owner; no permission) the confirm button is disabled and the reason shown.
 */
export const RemoveMemberDialog = /* @__PURE__ */ withClassNames(function RemoveMemberDialog({
  member,
  open,
  defaultOpen,
  onOpenChange,
  onRemoved,
  className,
}: RemoveMemberDialogProps) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.removeMember;
  const { member: me } = useCurrentMember();
  const { roles } = useRoleOptions();
  const subscriptions = useSubscriptions({ enabled: Boolean(me?.permissions.includes('seats:read')) });
  const remove = useRemoveMember();
  const reasonId = useId();
  const [isOpen, setOpen] = useControllableState(open, defaultOpen ?? false, onOpenChange);
  const state = memberPolicy(me, member, 'remove');
  // Null while the caller's membership is still loading: the button waits, silently.
  const reason = refusalText(state, messages, 'remove');
  const name = memberName(member);
  const seatProducts = member.subscriptionIds
    .map((id) => subscriptions.data?.items.find((s) => s.id === id)?.product.name)
    .filter(Boolean);

  return (
    <ConfirmDialog
      open={isOpen}
      onOpenChange={(next) => {
        if (!next) remove.reset();
        setOpen(next);
      }}
      {...slot('remove-member-dialog', undefined, className)}
      title={format(t.title, { name })}
      description={format(t.description, { name, email: member.email })}
      action={
        <Button
          variant="danger"
          loading={remove.isPending}
          disabledReason={reason}
          disabled={me === undefined}
          onClick={() =>
            remove.mutate(
              { memberId: member.id, orgId: member.orgId },
              {
                onSuccess: () => {
                  setOpen(false);
                  onRemoved?.(member);
                },
              },
            )
          }
        >
          {remove.isPending ? t.removing : t.confirm}
        </Button>
      }
    >
      <ul {...slot('remove-member-losses', 'seatkit-remove-list')}>
        <li {...slot('remove-member-loss')}>{format(t.losesRole, { role: roleLabel(member.role, roles, messages) })}</li>
        <li {...slot('remove-member-loss')}>
          {format(t.losesSeats, { count: member.subscriptionIds.length }, locale)}
          {seatProducts.length > 0 ? `: ${seatProducts.join(', ')}` : null}
        </li>
        <li {...slot('remove-member-loss')}>{t.losesPending}</li>
      </ul>
      <p {...slot('remove-member-notice', 'seatkit-notice')} data-tone="warning">
        {t.emailNotice}
      </p>
      <DisabledReason id={reasonId} reason={reason} />
      {remove.isError ? <ErrorState size="inline" error={remove.error} title={t.errorTitle} /> : null}
    </ConfirmDialog>
  );
});
