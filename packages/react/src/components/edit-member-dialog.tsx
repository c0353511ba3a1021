'use client';

import {
  isSeatKitError,
  memberPolicy,
  normalizeEmail,
  PERMISSIONS,
  type Member,
  type MemberStatus,
  type Permission,
  type UpdateMemberBody,
} from '@seatkit/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useMember } from '../hooks/use-member.js';
import { useUpdateMember } from '../hooks/use-update-member.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { Dialog, DialogBody, DialogContent, DialogFooter } from '../ui/dialog.js';
import { DialogHeading } from './dialog-parts.js';
import { NameFields } from './name-fields.js';
import { DisabledReason } from '../ui/disabled-reason.js';
import { ErrorState } from '../ui/error-state.js';
import { TextField } from '../ui/field.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { actionReason, memberName, nameError, useRoleOptions } from './member-helpers.js';
import { PermissionGrants } from './permission-grants.js';

export interface EditMemberDialogProps {
  /** The member to edit. */
  memberId: string;
  /** The member as already loaded (e.g. a list row), shown at once instead of a loading state. */
  member?: Member;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Called with the saved member. */
  onSaved?: (member: Member) => void;
  /** Class of the dialog panel (`edit-member-dialog`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`edit-member-form`, `edit-member-form-row`, `field`, `button`, …). */
  classNames?: SeatKitClassNames;
}

interface Draft {
  firstName: string;
  lastName: string;
  email: string;
  role: string;
  status: MemberStatus;
  grants: Permission[];
}
type FieldErrors = Partial<Record<'firstName' | 'lastName' | 'email' | 'role', string>>;

const FIRST_FIELD = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

const draftOf = (m: Member): Draft => ({
  firstName: m.firstName,
  lastName: m.lastName,
  email: m.email,
  role: m.role,
  status: m.status,
  grants: [...m.grants],
});

/**
 * Edit a member's names, email, role, status and extra permissions (grants on top of the role).
 * Only changed fields are sent. The role is locked, with the reason, for the owner (ownership moves
 * by transfer) and for admins unless the caller is the owner. Server validation errors land on their fields.
 */
export const EditMemberDialog = /* @__PURE__ */ withClassNames(function EditMemberDialog({
  memberId,
  member: initial,
  open,
  defaultOpen,
  onOpenChange,
  onSaved,
  className,
}: EditMemberDialogProps) {
  const { messages } = useSeatKit();
  const slot = useSlots();
  const t = messages.editMember;
  const [isOpen, setOpen] = useControllableState(open, defaultOpen ?? false, onOpenChange);
  const query = useMember(memberId, { enabled: isOpen && !initial });
  const member = initial ?? query.data;
  const title = member ? format(t.title, { name: memberName(member) }) : t.loadError;

  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      <DialogContent
        {...slot('edit-member-dialog', undefined, className)}
        closeLabel={messages.common.close}
        onOpenAutoFocus={(event) => {
          // Focus the first field, not the close button; while the member loads, the dialog itself
          // (the form moves focus in when it appears).
          event.preventDefault();
          const content = event.currentTarget as HTMLElement | null;
          const field = content?.querySelector<HTMLElement>(FIRST_FIELD);
          (field ?? content)?.focus();
        }}
      >
        <DialogHeading title={member ? title : messages.common.loading} description={t.description} />
        {member ? (
          <EditMemberForm
            key={member.id}
            member={member}
            onCancel={() => setOpen(false)}
            onSaved={(saved) => {
              setOpen(false);
              onSaved?.(saved);
            }}
          />
        ) : query.isError ? (
          <ErrorState error={query.error} title={t.loadError} onRetry={() => void query.refetch()} />
        ) : (
          <LoadingState label={messages.common.loading} />
        )}
      </DialogContent>
    </Dialog>
  );
});

function EditMemberForm({ member, onCancel, onSaved }: { member: Member; onCancel: () => void; onSaved: (m: Member) => void }) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.editMember;
  const { member: me } = useCurrentMember();
  const { options: roleOptions, roles } = useRoleOptions({ includeOwner: member.role === 'owner' });
  const update = useUpdateMember();
  const [draft, setDraft] = useState<Draft>(() => draftOf(member));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);


  const editState = memberPolicy(me, member, 'edit');
  const canEdit = editState.allowed;

  // Loaded after the dialog opened (focus is on the dialog itself): move focus to the first field
  // once it is enabled (fields stay disabled until the caller's permissions are known).
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.getAttribute('role') === 'dialog') {
      formRef.current?.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    }
  }, [canEdit]);
  const roleState = memberPolicy(me, member, 'changeRole');
  const roleReason = roleState.allowed
    ? null
    : roleState.reason === 'target_is_owner'
      ? t.ownerRoleLocked
      : roleState.reason === 'admin_needs_owner'
        ? t.adminRoleLocked
        : null;
  // The same rules the server applies to each changed field (an admin's status, the owner's email…).
  const statusState = memberPolicy(me, member, 'changeStatus');
  const emailState = memberPolicy(me, member, 'changeEmail');
  const grantsState = memberPolicy(me, member, 'changeGrants');
  const rolePermissions = new Set(roles?.find((r) => r.key === draft.role)?.permissions ?? []);

  // Server validation issues (`details: [{ path: ['email'], message }]`) go to their fields.
  useEffect(() => {
    if (!update.error || !isSeatKitError(update.error, 'validation_failed')) return;
    const issues = Array.isArray(update.error.details) ? (update.error.details as { path?: unknown[]; message?: string }[]) : [];
    const next: FieldErrors = {};
    for (const issue of issues) {
      const field = issue.path?.[0];
      if (field === 'firstName' || field === 'lastName' || field === 'email' || field === 'role') next[field] = issue.message;
    }
    setErrors(next);
  }, [update.error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canEdit) return;
    const nextErrors: FieldErrors = {};
    const firstError = nameError(draft.firstName, messages, locale);
    const lastError = nameError(draft.lastName, messages, locale);
    const email = normalizeEmail(draft.email);
    if (firstError) nextErrors.firstName = firstError;
    if (lastError) nextErrors.lastName = lastError;
    if (!email) nextErrors.email = messages.invite.emailInvalid;
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0 || !email) return;

    const body: UpdateMemberBody = {};
    const firstName = draft.firstName.trim();
    const lastName = draft.lastName.trim();
    if (firstName !== member.firstName) body.firstName = firstName;
    if (lastName !== member.lastName) body.lastName = lastName;
    if (email !== member.email) body.email = email;
    if (draft.role !== member.role) body.role = draft.role;
    if (draft.status !== member.status) body.status = draft.status;
    const grants = PERMISSIONS.filter((p) => draft.grants.includes(p));
    if (grants.join() !== PERMISSIONS.filter((p) => member.grants.includes(p)).join()) body.permissions = grants;
    if (Object.keys(body).length === 0) {
      onSaved(member);
      return;
    }
    update.mutate({ memberId: member.id, orgId: member.orgId, ...body }, { onSuccess: onSaved });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate {...slot('edit-member-form')}>
      <DialogBody>
        {!canEdit ? <DisabledReason reason={t.noPermission} /> : null}
        <div {...slot('edit-member-form-row', 'seatkit-form-row')}>
          <NameFields
            names={draft}
            errors={errors}
            required
            disabled={!canEdit}
            onChange={(patch) => setDraft({ ...draft, ...patch })}
          />
        </div>
        <TextField
          label={t.email}
          type="email"
          value={draft.email}
          autoComplete="off"
          required
          disabled={!canEdit || !emailState.allowed}
          description={canEdit ? actionReason(emailState, messages) : null}
          error={errors.email}
          onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
        />
        <div {...slot('edit-member-form-row', 'seatkit-form-row')}>
          <Select
            label={t.role}
            options={roleOptions}
            value={draft.role}
            disabled={!canEdit || Boolean(roleReason)}
            description={roleReason}
            error={errors.role}
            onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })}
          />
          <Select
            label={t.status}
            options={[
              { value: 'active', label: messages.common.memberStatus.active },
              { value: 'suspended', label: messages.common.memberStatus.suspended },
            ]}
            value={draft.status}
            disabled={!canEdit || !statusState.allowed}
            description={canEdit ? actionReason(statusState, messages) : null}
            onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as MemberStatus })}
          />
        </div>
        <PermissionGrants
          rolePermissions={rolePermissions}
          grants={draft.grants}
          disabled={!canEdit || !grantsState.allowed}
          onChange={(grants) => setDraft({ ...draft, grants })}
        />
        {update.isError && !isSeatKitError(update.error, 'validation_failed') ? (
          <ErrorState size="inline" error={update.error} title={t.errorTitle} />
        ) : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onCancel}>{messages.common.cancel}</Button>
        <Button type="submit" variant="primary" loading={update.isPending} disabledReason={canEdit ? null : t.noPermission}>
          {update.isPending ? messages.common.saving : messages.common.save}
        </Button>
      </DialogFooter>
    </form>
  );
}
