'use client';

import { PERMISSIONS, type Permission } from '@seatkit/core';
import { useId, useMemo } from 'react';
import { useSeatKit } from '../provider.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { Checkbox } from '../ui/field.js';

export interface PermissionGrantsProps {
  /** Permissions the role already gives: shown checked and locked. A set or a list. */
  rolePermissions: ReadonlySet<string> | readonly string[];
  grants: readonly Permission[];
  onChange: (grants: Permission[]) => void;
  disabled?: boolean;
  /** Class of the root (`permission-grants`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`permission-grants-legend`, `permission-grants-grid`, `checkbox`, …). */
  classNames?: SeatKitClassNames;
}

/** The "permissions" part of workflow 2: the role's set, plus extra grants for this person only. */
export const PermissionGrants = /* @__PURE__ */ withClassNames(function PermissionGrants({
  rolePermissions,
  grants,
  onChange,
  disabled,
  className,
}: PermissionGrantsProps) {
  const { messages } = useSeatKit();
  const t = messages.editMember;
  const helpId = useId();
  const slot = useSlots();
  // A role's permissions come as a set (derived) or as a list (straight from the contract).
  const fromRoleSet = useMemo<ReadonlySet<string>>(
    () => (Array.isArray(rolePermissions) ? new Set(rolePermissions) : (rolePermissions as ReadonlySet<string>)),
    [rolePermissions],
  );
  return (
    <fieldset aria-describedby={helpId} disabled={disabled} {...slot('permission-grants', 'seatkit-fieldset', className)}>
      <legend {...slot('permission-grants-legend', 'seatkit-field-label')}>{t.permissionsLegend}</legend>
      <p id={helpId} {...slot('permission-grants-help', 'seatkit-field-description')}>
        {t.permissionsHelp}
      </p>
      <div {...slot('permission-grants-grid', 'seatkit-permission-grid')}>
        {PERMISSIONS.map((permission) => {
          const fromRole = fromRoleSet.has(permission);
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
});
