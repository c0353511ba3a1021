/**
 * Permission strings and the built-in roles' permission sets.
 * The server checks these on every route; the React kit uses the same table to hide or disable actions.
 */
export const PERMISSIONS = [
  'members:read',
  'members:invite',
  'members:update',
  'members:remove',
  'roles:manage',
  'seats:read',
  'seats:assign',
  'audit:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** The three roles every organization has. Custom roles are added per organization. */
export const BUILT_IN_ROLES = ['owner', 'admin', 'member'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

export const BUILT_IN_ROLE_PERMISSIONS: Readonly<Record<BuiltInRole, readonly Permission[]>> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  member: ['members:read', 'seats:read'],
};

export const BUILT_IN_ROLE_NAMES: Readonly<Record<BuiltInRole, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
};

export function isBuiltInRole(key: string): key is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(key);
}

/** Effective permissions = the role's set plus per-member grants, deduplicated, in canonical order. */
export function effectivePermissions(
  rolePermissions: readonly string[],
  grants: readonly string[] = [],
): Permission[] {
  const held = new Set<string>([...rolePermissions, ...grants]);
  return PERMISSIONS.filter((p) => held.has(p));
}

/** True when `permissions` includes `permission`. */
export function can(permissions: readonly string[] | undefined, permission: Permission): boolean {
  return permissions?.includes(permission) ?? false;
}
