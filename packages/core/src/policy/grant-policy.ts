import type { Permission } from '../contract/permissions.js';
import type { PolicyActor } from './member-policy.js';

/** Whether permissions may be handed out, and if not, the first one the actor lacks. */
export type GrantDecision = { allowed: true } | { allowed: false; reason: 'missing_permission'; permission: Permission };

/** Whether a role may be given: never `owner` (it moves only by transfer), else as `canGrant` of its permissions. */
export type RoleDecision = GrantDecision | { allowed: false; reason: 'owner_role' };

/** A role as the policy needs it: its key and the permissions it carries. */
export interface PolicyRole {
  key: string;
  permissions: readonly Permission[];
}

/**
 * An actor hands out only permissions it holds (no escalation through grants or roles). A server-side caller
 * without a membership (`actor` null: the provisioning key) is not limited.
 *
 * @example
 * canGrant(customRoleWithUpdate, ['members:remove']) // { allowed: false, reason: 'missing_permission', permission: 'members:remove' }
 * canGrant(admin, ['audit:read'])                     // { allowed: true }
 */
export function canGrant(actor: Pick<PolicyActor, 'permissions'> | null, permissions: readonly Permission[] | undefined): GrantDecision {
  if (!actor || !permissions?.length) return { allowed: true };
  const missing = permissions.find((p) => !actor.permissions.includes(p));
  return missing ? { allowed: false, reason: 'missing_permission', permission: missing } : { allowed: true };
}

/**
 * Whether `actor` may give `role` (by an update, an invitation or a direct add): giving a role hands out all its
 * permissions, so a custom role with `members:update` cannot make anyone an admin.
 *
 * @example roleGrantability(admin, { key: 'owner', permissions: PERMISSIONS }) // { allowed: false, reason: 'owner_role' }
 */
export function roleGrantability(actor: Pick<PolicyActor, 'permissions'> | null, role: PolicyRole): RoleDecision {
  if (role.key === 'owner') return { allowed: false, reason: 'owner_role' };
  return canGrant(actor, role.permissions);
}

/**
 * The roles `actor` may give, in the given order (for a role select).
 *
 * @example assignableRoles(admin, roles).map((r) => r.key) // ['admin', 'member', 'support']
 */
export function assignableRoles<R extends PolicyRole>(actor: Pick<PolicyActor, 'permissions'> | null, roles: readonly R[]): R[] {
  return roles.filter((r) => roleGrantability(actor, r).allowed);
}
