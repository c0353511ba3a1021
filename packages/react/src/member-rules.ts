import { can, type Member, type Permission } from '@seatkit/core';

/** What the caller may try to do to a member. */
export type MemberAction = 'edit' | 'changeRole' | 'remove' | 'assignSeat';

/** Whether an action is offered, and if not, why (a key the components turn into a sentence). */
export type MemberActionState =
  | { allowed: true }
  | { allowed: false; reason: 'missing_permission'; permission: Permission }
  | { allowed: false; reason: 'target_is_owner' }
  | { allowed: false; reason: 'admin_needs_owner' }
  | { allowed: false; reason: 'unknown_actor' };

const ACTION_PERMISSION: Record<MemberAction, Permission> = {
  edit: 'members:update',
  changeRole: 'members:update',
  remove: 'members:remove',
  assignSeat: 'seats:assign',
};

/**
 * The server's member rules, mirrored so the UI can disable an action with its reason instead of
 * letting a request fail: a permission per action; nobody removes the owner or changes the
 * owner's role (ownership moves only by transfer); only the owner removes or re-roles an admin.
 * The server remains the authority; this only decides what is offered.
 *
 * @example memberActionState(me, row, 'remove') // { allowed: false, reason: 'admin_needs_owner' }
 */
export function memberActionState(
  actor: Pick<Member, 'id' | 'role' | 'permissions'> | null | undefined,
  target: Pick<Member, 'id' | 'role'>,
  action: MemberAction,
): MemberActionState {
  if (!actor) return { allowed: false, reason: 'unknown_actor' };
  const permission = ACTION_PERMISSION[action];
  if (!can(actor.permissions, permission)) return { allowed: false, reason: 'missing_permission', permission };
  if (action === 'remove' || action === 'changeRole') {
    if (target.role === 'owner') return { allowed: false, reason: 'target_is_owner' };
    if (target.role === 'admin' && actor.role !== 'owner') return { allowed: false, reason: 'admin_needs_owner' };
  }
  return { allowed: true };
}
