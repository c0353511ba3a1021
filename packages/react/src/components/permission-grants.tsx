import { PERMISSIONS, type Permission } from '@seatkit/core';
import { useId } from 'react';
import { useSeatKit } from '../provider.js';
import { Checkbox } from '../ui/field.js';

export interface PermissionGrantsProps {
  /** Permissions the role already gives: shown checked and locked. */
  rolePermissions: ReadonlySet<string>;
  grants: readonly Permission[];
  onChange: (grants: Permission[]) => void;
  disabled?: boolean;
}

/** The "permissions" part of workflow 2: the role's set, plus extra grants for this person only. */
export function PermissionGrants({ rolePermissions, grants, onChange, disabled }: PermissionGrantsProps) {
  const { messages } = useSeatKit();
  const t = messages.editMember;
  const helpId = useId();
  return (
    <fieldset className="seatkit-fieldset" aria-describedby={helpId} disabled={disabled} data-slot="permission-grants">
      <legend className="seatkit-field-label">{t.permissionsLegend}</legend>
      <p id={helpId} className="seatkit-field-description">
        {t.permissionsHelp}
      </p>
      <div className="seatkit-permission-grid">
        {PERMISSIONS.map((permission) => {
          const fromRole = rolePermissions.has(permission);
          return (
            <Checkbox
              key={permission}
              label={messages.common.permissions[permission]}
              description={fromRole ? t.fromRole : undefined}
              checked={fromRole || grants.includes(permission)}
              disabled={fromRole}
              data-permission={permission}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange(on ? [...grants, permission] : grants.filter((p) => p !== permission));
              }}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
