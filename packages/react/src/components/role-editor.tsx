'use client';

import { describeError, isSeatKitError, type Role } from '@seatkit/core';
import { forwardRef, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useCreateRole, useUpdateRole } from '../hooks/use-role-mutations.js';
import { useRoles } from '../hooks/use-roles.js';
import { format } from '../messages/format.js';
import { roleLabel } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { LoadingState } from '../ui/spinner.js';
import { StatusMessage } from '../ui/status-message.js';
import { RoleDeleteDialog } from './role-delete-dialog.js';
import { RoleForm, type RoleFormValues } from './role-form.js';
import { RoleItem } from './role-item.js';

export interface RoleEditorProps {
  /** Called after a role was created, changed (the server's answer) or deleted (its key). */
  onChange?: (change: { type: 'created' | 'updated'; role: Role } | { type: 'deleted'; roleKey: string }) => void;
  /** The level of the section headings ("Built-in roles", "Custom roles"); forms use the next one. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5;
  /** The accessible name of the editor's region. @default messages.roles.title */
  'aria-label'?: string;
  /** Class of the root (`role-editor`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`role-editor-role`, `role-editor-form`, `button`, …). */
  classNames?: SeatKitClassNames;
}

type Outcome = { text: string; tone: 'success' | 'danger' };
type FieldErrors = { key?: string; name?: string };

/** The issues of a `validation_failed` refusal, by their `code` and first path segment. */
function issuesOf(error: unknown): { path?: unknown[]; message?: string; code?: string }[] {
  if (!isSeatKitError(error, 'validation_failed') || !Array.isArray(error.details)) return [];
  return error.details as { path?: unknown[]; message?: string; code?: string }[];
}

/**
 * The organization's roles: the built-in ones (owner, admin, member; read-only) and its custom roles, each with
 * its permissions in plain language. With `roles:manage`: create a role (name, key, permissions), rename it,
 * change its permissions, delete it; the permissions the viewer does not hold are locked (core's `canGrant`, the
 * rule the server applies). A role still held by members is not deleted: the editor says how many hold it and
 * moves them to another role first. Without `roles:manage` it is read-only.
 *
 * @example <RoleEditor onChange={(change) => toast(change.type)} />
 */
export const RoleEditor = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, RoleEditorProps>(function RoleEditor(
  { onChange, headingLevel = 3, 'aria-label': ariaLabel, className },
  ref,
) {
  const { messages } = useSeatKit();
  const t = messages.roles;
  const slot = useSlots();
  const Heading = `h${headingLevel}` as 'h3';
  const headingId = useId();
  const canManage = useCan('roles:manage');
  const { member: me } = useCurrentMember();
  const list = useRoles();
  const roles = useMemo(() => list.data?.items ?? [], [list.data]);
  const builtIn = roles.filter((r) => r.builtIn);
  const custom = roles.filter((r) => !r.builtIn);

  const create = useCreateRole();
  const update = useUpdateRole();

  // `'new'`: the create form is open; a key: that role's edit form.
  const [editing, setEditing] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [deleting, setDeleting] = useState<Role | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const newButton = useRef<HTMLButtonElement | null>(null);
  const [refocus, setRefocus] = useState(0);

  const root = useRef<HTMLElement | null>(null);
  // Focus goes back to what opened a form: the button itself, or the same role's Edit after its card came back,
  // or "New role" when the role is gone.
  const returnFocus = () => {
    const from = trigger.current;
    const key = from?.closest<HTMLElement>('[data-role]')?.dataset.role;
    const again = key ? root.current?.querySelector<HTMLElement>(`[data-role="${CSS.escape(key)}"] [data-action="edit"]`) : null;
    (from?.isConnected ? from : (again ?? newButton.current))?.focus();
  };
  useEffect(() => {
    if (refocus > 0) returnFocus();
  }, [refocus]);

  const nameOf = (role: Role) => roleLabel(role.key, undefined, messages, role.name);

  function openForm(which: string, from: HTMLElement | null) {
    trigger.current = from;
    setFormError(null);
    setFieldErrors({});
    setEditing(which);
  }

  function closeForm() {
    setEditing(null);
    setRefocus((n) => n + 1);
  }

  function refused(error: unknown, name: string) {
    const fields: FieldErrors = {};
    for (const issue of issuesOf(error)) {
      const field = issue.path?.[0];
      if ((field === 'key' || field === 'name') && issue.message) fields[field] = issue.message;
    }
    setFieldErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? null : format(t.failed, { name, reason: describeError(error, messages.common.errors) }));
  }

  async function submitForm(values: RoleFormValues) {
    const role = roles.find((r) => r.key === editing);
    try {
      if (role) {
        const permissionsChanged =
          values.permissions.length !== role.permissions.length || values.permissions.some((p) => !role.permissions.includes(p));
        const saved = await update.mutateAsync({
          roleKey: role.key,
          ...(values.name !== role.name && { name: values.name }),
          ...(permissionsChanged && { permissions: values.permissions }),
        });
        setOutcome({ text: format(t.saved, { name: saved.name }), tone: 'success' });
        onChange?.({ type: 'updated', role: saved });
      } else {
        const saved = await create.mutateAsync(values);
        trigger.current = null;
        setOutcome({ text: format(t.created, { name: saved.name }), tone: 'success' });
        onChange?.({ type: 'created', role: saved });
      }
      closeForm();
    } catch (error) {
      refused(error, values.name);
    }
  }

  function openDelete(role: Role, from: HTMLElement) {
    trigger.current = from;
    setDeleting(role);
  }

  function deleted(role: Role, moved: string | null) {
    setDeleting(null);
    setOutcome({ text: [moved, format(t.deleted, { name: nameOf(role) })].filter(Boolean).join(' '), tone: 'success' });
    onChange?.({ type: 'deleted', roleKey: role.key });
  }

  const form = (role?: Role) => (
    <RoleForm
      role={role}
      me={me}
      busy={role ? update.isPending : create.isPending}
      error={formError}
      fieldErrors={fieldErrors}
      headingLevel={headingLevel + 1}
      onSubmit={(values) => void submitForm(values)}
      onCancel={closeForm}
    />
  );

  const items = (shown: Role[]) => (
    <ul {...slot('role-editor-items')}>
      {shown.map((role) =>
        editing === role.key ? (
          <li key={role.key} {...slot('role-editor-role', 'seatkit-role-editor-role')} data-role={role.key} data-state="editing">
            {form(role)}
          </li>
        ) : (
          <RoleItem
            key={role.key}
            role={role}
            canManage={canManage}
            busy={deleting?.key === role.key}
            onEdit={(from) => openForm(role.key, from)}
            onDelete={(from) => openDelete(role, from)}
          />
        ),
      )}
    </ul>
  );

  let body: ReactNode;
  if (list.isPending) body = <LoadingState label={messages.common.loading} />;
  else if (list.isError && roles.length === 0) body = <ErrorState error={list.error} title={t.errorTitle} onRetry={() => void list.refetch()} />;
  else
    body = (
      <>
        <section aria-labelledby={`${headingId}-custom`} {...slot('role-editor-section')}>
          <div {...slot('role-editor-toolbar')}>
            <Heading id={`${headingId}-custom`} {...slot('role-editor-section-title')}>
              {t.customTitle}
            </Heading>
            {canManage && editing !== 'new' ? (
              <Button ref={newButton} variant="primary" onClick={(event) => openForm('new', event.currentTarget)}>
                {t.newRole}
              </Button>
            ) : null}
          </div>
          {editing === 'new' ? form() : null}
          {custom.length > 0 ? items(custom) : editing === 'new' ? null : <EmptyState title={t.emptyTitle} description={t.emptyDescription} />}
        </section>
        <section aria-labelledby={`${headingId}-built-in`} {...slot('role-editor-section')}>
          <Heading id={`${headingId}-built-in`} {...slot('role-editor-section-title')}>
            {t.builtInTitle}
          </Heading>
          <p {...slot('role-editor-help')}>{t.builtInHelp}</p>
          {items(builtIn)}
        </section>
      </>
    );

  return (
    <section
      ref={(node) => {
        root.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      aria-label={ariaLabel ?? t.title}
      {...slot('role-editor', 'seatkit-root seatkit-role-editor', className)}
    >
      {!canManage && !list.isPending && me !== undefined ? <p {...slot('role-editor-read-only')}>{t.readOnly}</p> : null}
      <StatusMessage slot="role-editor-status" message={outcome?.text} tone={outcome?.tone} />
      {body}
      <RoleDeleteDialog
        role={deleting}
        roles={roles}
        me={me}
        onClose={() => setDeleting(null)}
        onDeleted={deleted}
        returnFocus={returnFocus}
      />
    </section>
  );
}));

