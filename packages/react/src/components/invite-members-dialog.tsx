'use client';

import { type InvitationResult } from '@seatkit/core';
import { useState, type ReactNode } from 'react';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { StatusMessage } from '../ui/status-message.js';
import { Dialog, DialogContent, DialogFooter } from '../ui/dialog.js';
import { ActionDialogTrigger, DialogHeading } from './dialog-parts.js';
import { PlusIcon } from '../ui/icons.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { InviteMembersForm, type InviteMembersFormProps } from './invite-members-form.js';

export interface InviteMembersDialogProps
  extends Pick<InviteMembersFormProps, 'defaultRole' | 'defaultEmails' | 'defaultSubscriptionIds' | 'onSubmitted'> {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * The element that opens the dialog (`asChild`). @default an "Invite people" button, disabled with
   * the reason when the caller lacks `members:invite`. Pass `null` for none (controlled use).
   */
  trigger?: ReactNode | null;
  /** Called once every row was invited. */
  onComplete?: (results: InvitationResult[]) => void;
  /** Class of the dialog panel (`invite-dialog`). */
  className?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`invite-dialog`, `dialog-title`, `invite-row`, `button`, …);
   * they reach the form inside too.
   */
  classNames?: SeatKitClassNames;
}

/**
 * `InviteMembersForm` in a dialog with its own trigger. When every row is invited the dialog shows
 * the outcome and a "Done" button; failed rows keep it open for a second try.
 */
export const InviteMembersDialog = /* @__PURE__ */ withClassNames(function InviteMembersDialog({
  open,
  defaultOpen,
  onOpenChange,
  trigger,
  onComplete,
  className,
  // Already in scope for the form (withClassNames); passing it on would apply every class twice.
  classNames: _classNames,
  ...formProps
}: InviteMembersDialogProps) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.invite;
  const { member: me } = useCurrentMember();
  const canInvite = useCan('members:invite');
  const [isOpen, setOpen] = useControllableState(open, defaultOpen ?? false, onOpenChange);
  const [done, setDone] = useState<InvitationResult[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Said next to the trigger once the dialog closes: the dialog's own notice leaves with it.
  const close = () => {
    if (done) setStatus(format(t.invited, { count: done.filter((r) => r.ok).length }, locale));
    setDone(null);
    setOpen(false);
  };


  return (
    <>
      <Dialog
        open={isOpen}
        onOpenChange={(next) => {
          if (next) {
            setStatus(null);
            setOpen(true);
          } else close();
        }}
      >
        <ActionDialogTrigger
          trigger={trigger}
          label={<><PlusIcon /> {t.open}</>}
          variant="primary"
          refusal={me && !canInvite ? t.noPermission : null}
        />
        <DialogContent size="lg" {...slot('invite-dialog', undefined, className)} closeLabel={messages.common.close}>
          <DialogHeading title={t.title} description={t.description} />
          {done ? (
            <>
              <p role="status" {...slot('invite-done', 'seatkit-notice')} data-tone="success">
                {format(t.allSent, { count: done.length }, locale)}
              </p>
              <DialogFooter>
                <Button variant="primary" autoFocus onClick={close}>
                  {t.done}
                </Button>
              </DialogFooter>
            </>
          ) : (
            <InviteMembersForm
              {...formProps}
              onCancel={() => setOpen(false)}
              onComplete={(results) => {
                setDone(results);
                onComplete?.(results);
              }}
            />
          )}
        </DialogContent>
      </Dialog>
      <StatusMessage slot="invite-status" message={status} />
    </>
  );
});
