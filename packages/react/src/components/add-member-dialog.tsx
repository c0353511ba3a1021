'use client';

import { isSeatKitError, normalizeEmail, PERMISSIONS, type Member, type Permission } from '@seatkit/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useAddMember } from '../hooks/use-add-member.js';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { Dialog, DialogBody, DialogContent, DialogFooter } from '../ui/dialog.js';
import { ActionDialogTrigger, DialogHeading } from './dialog-parts.js';
import { NameFields, type Names } from './name-fields.js';
import { ErrorState } from '../ui/error-state.js';
import { TextField } from '../ui/field.js';
import { PlusIcon } from '../ui/icons.js';
import { Select } from '../ui/select.js';
import { StatusMessage } from '../ui/status-message.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { memberName, nameError, useRoleOptions } from './member-helpers.js';
import { PermissionGrants } from './permission-grants.js';

export interface AddMemberDialogProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * The element that opens the dialog (`asChild`). @default an "Add user" button, disabled with the
   * reason when the caller lacks `members:invite`. `null` for none (controlled use).
   */
  trigger?: ReactNode | null;
  /** Role preselected. @default 'member' */
  defaultRole?: string;
  /** Called with the new member. */
  onAdded?: (member: Member) => void;
  /** Class of the dialog panel (`add-member-dialog`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`add-member-form`, `add-member-form-row`, `field`, `button`, …). */
  classNames?: SeatKitClassNames;
}

type Errors = Partial<Record<'firstName' | 'lastName' | 'email', string>>;

/**
 * Adds a user directly, without an invitation (workflow 2 of the design): first name, last name,
 * email, role and extra permissions. The server creates the member at once and emails the account
 * details. An address that is already a member is reported on the email field.
 */
export const AddMemberDialog = /* @__PURE__ */ withClassNames(function AddMemberDialog({
  open,
  defaultOpen,
  onOpenChange,
  trigger,
  defaultRole = 'member',
  onAdded,
  className,
}: AddMemberDialogProps) {
  const { messages } = useSeatKit();
  const slot = useSlots();
  const t = messages.addMember;
  const { member: me } = useCurrentMember();
  const canAdd = useCan('members:invite');
  const [isOpen, setOpen] = useControllableState(open, defaultOpen ?? false, onOpenChange);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <Dialog
        open={isOpen}
        onOpenChange={(next) => {
          if (next) setStatus(null);
          setOpen(next);
        }}
      >
        <ActionDialogTrigger
          trigger={trigger}
          label={<><PlusIcon /> {t.open}</>}
          refusal={me && !canAdd ? t.noPermission : null}
        />
        <DialogContent {...slot('add-member-dialog', undefined, className)} closeLabel={messages.common.close}>
          <DialogHeading title={t.title} description={t.description} />
          {isOpen ? (
            <AddMemberForm
              defaultRole={defaultRole}
              onCancel={() => setOpen(false)}
              onAdded={(member) => {
                setStatus(format(t.added, { name: memberName(member) }));
                setOpen(false);
                onAdded?.(member);
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>
      {/* The dialog closes on success: what happened is said next to its trigger. */}
      <StatusMessage slot="add-member-status" message={status} />
    </>
  );
});

function AddMemberForm({ defaultRole, onCancel, onAdded }: { defaultRole: string; onCancel: () => void; onAdded: (m: Member) => void }) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.addMember;
  const { member: me } = useCurrentMember();
  const canAdd = useCan('members:invite');
  const { options: roleOptions, roles } = useRoleOptions();
  const add = useAddMember();
  const [names, setNames] = useState<Names>({ firstName: '', lastName: '' });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(defaultRole);
  const [grants, setGrants] = useState<Permission[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const rolePermissions = new Set(roles?.find((r) => r.key === role)?.permissions ?? []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canAdd || add.isPending) return;
    const address = normalizeEmail(email);
    const next: Errors = {
      firstName: nameError(names.firstName, messages, locale),
      lastName: nameError(names.lastName, messages, locale),
      email: address ? undefined : email.trim() ? messages.invite.emailInvalid : messages.invite.emailRequired,
    };
    setErrors(next);
    if (next.firstName || next.lastName || !address) return;
    const extra = PERMISSIONS.filter((p) => grants.includes(p) && !rolePermissions.has(p));
    add.mutate(
      { firstName: names.firstName.trim(), lastName: names.lastName.trim(), email: address, role, ...(extra.length > 0 && { permissions: extra }) },
      {
        onSuccess: onAdded,
        onError: (error) => {
          // Errors that belong to a field go there; the rest show below the form.
          if (isSeatKitError(error, 'already_member')) setErrors({ email: messages.common.errors.already_member });
        },
      },
    );
  }

  const generalError = add.isError && !isSeatKitError(add.error, 'already_member') ? add.error : null;
  return (
    <form onSubmit={submit} noValidate {...slot('add-member-form')}>
      <DialogBody>
        <div {...slot('add-member-form-row', 'seatkit-form-row')}>
          <NameFields names={names} errors={errors} required onChange={(patch) => setNames({ ...names, ...patch })} />
        </div>
        <TextField label={t.email} type="email" value={email} required autoComplete="off" error={errors.email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <Select label={t.role} options={roleOptions} value={role} onChange={(e) => setRole(e.currentTarget.value)} />
        <PermissionGrants rolePermissions={rolePermissions} grants={grants} onChange={setGrants} />
        {generalError ? <ErrorState size="inline" error={generalError} title={t.errorTitle} /> : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onCancel}>{messages.common.cancel}</Button>
        <Button type="submit" variant="primary" loading={add.isPending} disabledReason={me && !canAdd ? t.noPermission : null}>
          {add.isPending ? t.adding : t.submit}
        </Button>
      </DialogFooter>
    </form>
  );
}

