'use client';

import { PERMISSIONS, type Role } from '@seatkit/core';
import { format } from '../messages/format.js';
import { roleLabel } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';

export interface RoleItemProps {
  role: Role;
  /** Edit and Delete shown (a custom role, and the viewer holds `roles:manage`). */
  canManage: boolean;
  busy: boolean;
  onEdit: (trigger: HTMLButtonElement) => void;
  onDelete: (trigger: HTMLButtonElement) => void;
}

/** One role as a card: its name (built-in ones translated, marked "Built-in"), key and permissions; Edit and Delete. */
export function RoleItem({ role, canManage, busy, onEdit, onDelete }: RoleItemProps) {
  const { messages } = useSeatKit();
  const t = messages.roles;
  const slot = useSlots();
  const name = roleLabel(role.key, undefined, messages, role.name);
  const held = PERMISSIONS.filter((p) => role.permissions.includes(p));
  return (
    <li {...slot('role-editor-role', 'seatkit-role-editor-role')} data-role={role.key}>
      <div {...slot('role-editor-role-main')}>
        <p {...slot('role-editor-role-who')}>
          <span {...slot('role-editor-role-name')}>{name}</span>{' '}
          {role.builtIn ? <Badge tone="neutral">{t.builtIn}</Badge> : null}{' '}
          <span {...slot('role-editor-role-key')} dir="ltr">
            {format(t.keyLabel, { key: role.key })}
          </span>
        </p>
        {held.length > 0 ? (
          <ul aria-label={format(t.permissionsOf, { name })} {...slot('role-editor-permissions')}>
            {held.map((p) => (
              <li key={p} {...slot('role-editor-permission')}>
                {messages.common.permissions[p]}
              </li>
            ))}
          </ul>
        ) : (
          <p {...slot('role-editor-permissions')}>{t.noPermissions}</p>
        )}
      </div>
      {canManage && !role.builtIn ? (
        <div {...slot('role-editor-actions')}>
          <Button size="sm" data-action="edit" disabled={busy} aria-label={format(t.editLabel, { name })} onClick={(event) => onEdit(event.currentTarget)}>
            {t.edit}
          </Button>
          <Button size="sm" variant="ghost" disabled={busy} aria-label={format(t.deleteLabel, { name })} onClick={(event) => onDelete(event.currentTarget)}>
            {t.delete}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
