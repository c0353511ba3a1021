import type { RouteDef } from '@seatkit/core/contract';
import { forbidden } from '../errors.js';
import { memberPermissions, type MemberRow } from '../repo.js';

/**
 * Stage "authorize": the route's permission, held by the caller's membership. Routes without a permission pass.
 *
 * @example
 * authorize(routes.removeMember, member); // throws 403 forbidden without members:remove
 */
export function authorize(def: RouteDef, member: Pick<MemberRow, 'role' | 'grants' | 'role_permissions'> | null): void {
  if (def.permission && !(member && memberPermissions(member).includes(def.permission))) throw forbidden(def.permission);
}
