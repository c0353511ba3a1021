'use client';

import { canGrant, labelProblem, LIMITS, PERMISSIONS, type Member, type Permission, type Role } from '@seatkit/core';
import { useId, useState, type FormEvent } from 'react';
import { format } from '../messages/format.js';
import { refusalText } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { Checkbox, TextField } from '../ui/field.js';

/**
 * A key the server accepts (lower-case letter first, then letters, digits, `-` and `_`), derived from a name:
 * "Support Agent" → `support-agent`, "Équipe 2" → `equipe-2`.
 */
export function roleKeyFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return slug.slice(0, LIMITS.roleKeyLength).replace(/-+$/, '');
}

export interface RoleFormValues {
  key: string;
  name: string;
  permissions: Permission[];
}

export interface RoleFormProps {
  /** The role edited; `undefined` creates one (with a key field). */
  role?: Role;
  /** The viewer, whose permissions bound what the role may carry (core's `canGrant`). */
  me: Member | null | undefined;
  busy: boolean;
  /** The server's refusal of the last submit, shown above the buttons. */
  error?: string | null;
  /** Server issues by field (`key`, `name`). */
  fieldErrors?: { key?: string; name?: string };
  headingLevel: number;
  onSubmit: (values: RoleFormValues) => void;
  onCancel: () => void;
}

/** The name, the key (new roles only: derived from the name until typed) and the permissions matrix of a role. */
export function RoleForm({ role, me, busy, error, fieldErrors, headingLevel, onSubmit, onCancel }: RoleFormProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.roles;
  const slot = useSlots();
  const titleId = useId();
  const Heading = `h${Math.min(headingLevel, 6)}` as 'h4';
  const [name, setName] = useState(role?.name ?? '');
  const [typedKey, setTypedKey] = useState<string | null>(null);
  const [permissions, setPermissions] = useState<Permission[]>(role?.permissions ?? []);
  const [errors, setErrors] = useState<{ name?: string; key?: string; permissions?: string }>({});
  const key = typedKey ?? roleKeyFromName(name);
  const original = new Set(role?.permissions ?? []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    const problem = labelProblem(name, LIMITS.roleNameLength);
    if (problem === 'required') next.name = messages.common.required;
    if (problem === 'too_long') next.name = format(messages.common.tooLong, { max: LIMITS.roleNameLength }, locale);
    if (problem === 'control_characters') next.name = messages.common.controlCharacters;
    if (!role && !key) next.key = messages.common.required;
    // The server's rule, before asking it: a role is given only permissions its author holds. A rename alone
    // sends no permissions, so a role carrying more than the viewer holds can still be renamed.
    const changed = !role || permissions.length !== original.size || permissions.some((p) => !original.has(p));
    const decision = canGrant(me ?? null, changed ? permissions : []);
    if (!decision.allowed) next.permissions = refusalText(decision, messages) ?? undefined;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onSubmit({ key, name: name.trim(), permissions: PERMISSIONS.filter((p) => permissions.includes(p)) });
  }

  const title = role ? format(t.editTitle, { name: role.name }) : t.newRoleTitle;
  return (
    <form aria-labelledby={titleId} noValidate onSubmit={submit} {...slot('role-editor-form', 'seatkit-role-editor-form')}>
      <Heading id={titleId} {...slot('role-editor-form-title')}>
        {title}
      </Heading>
      <div {...slot('role-editor-form-row')}>
        <TextField
          label={t.nameLabel}
          value={name}
          required
          autoFocus
          error={errors.name ?? fieldErrors?.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        {role ? null : (
          <TextField
            label={t.keyFieldLabel}
            description={t.keyFieldHelp}
            value={key}
            required
            dir="ltr"
            maxLength={LIMITS.roleKeyLength}
            error={errors.key ?? fieldErrors?.key}
            onChange={(event) => setTypedKey(event.currentTarget.value)}
          />
        )}
      </div>
      <fieldset {...slot('role-editor-permissions-field', 'seatkit-fieldset')}>
        <legend {...slot('role-editor-permissions-legend', 'seatkit-field-label')}>{t.permissionsLegend}</legend>
        <p {...slot('role-editor-permissions-help', 'seatkit-field-description')}>{t.permissionsHelp}</p>
        <div {...slot('role-editor-permissions-grid', 'seatkit-permission-grid')}>
          {PERMISSIONS.map((permission) => {
            const checked = permissions.includes(permission);
            const lock = refusalText(canGrant(me ?? null, [permission]), messages);
            const help = t.permissionHelp[permission];
            return (
              <Checkbox
                key={permission}
                label={messages.common.permissions[permission]}
                description={lock ? `${help} ${lock}` : help}
                checked={checked}
                // A permission the viewer lacks cannot be given; one the role already has may still be taken away.
                disabled={Boolean(lock) && !(checked && original.has(permission))}
                data-permission={permission}
                data-locked={lock ? '' : undefined}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setPermissions((current) => (on ? [...current, permission] : current.filter((p) => p !== permission)));
                }}
              />
            );
          })}
        </div>
        {errors.permissions ? (
          <p role="alert" {...slot('field-error', 'seatkit-field-error')}>
            {errors.permissions}
          </p>
        ) : null}
      </fieldset>
      {error ? (
        <p role="alert" {...slot('field-error', 'seatkit-field-error')}>
          {error}
        </p>
      ) : null}
      <div {...slot('role-editor-form-actions')}>
        <Button type="button" onClick={onCancel}>
          {messages.common.cancel}
        </Button>
        <Button type="submit" variant="primary" loading={busy}>
          {role ? t.save : t.create}
        </Button>
      </div>
    </form>
  );
}
