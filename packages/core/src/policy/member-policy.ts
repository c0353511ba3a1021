import { can, type Permission } from '../contract/permissions.js';
import type { ServerErrorCode } from '../contract/errors.js';
import type { MemberStatus } from '../contract/schemas.js';

/**
 * What an actor may try to do to a member. Each changed field of an update is its own action, so a form can
 * disable exactly the fields the actor may not change.
 */
export type MemberAction =
  /** Change first or last name. */
  | 'edit'
  /** Change the email (the sign-in: it hands the membership to whoever owns the new address). */
  | 'changeEmail'
  | 'changeRole'
  /** Change the per-member grants on top of the role. */
  | 'changeGrants'
  /** Suspend or reactivate. */
  | 'changeStatus'
  | 'remove'
  /** Make the target the owner (the actor becomes an admin). */
  | 'transferOwnership'
  | 'assignSeat';

/** Why the policy refused, as a stable code; `DENIAL_ERROR_CODE` names the server's error for it. */
export type MemberDenialReason =
  | 'unknown_actor'
  | 'missing_permission'
  /** The owner is not removed, suspended or re-roled: ownership moves only by a transfer. */
  | 'target_is_owner'
  /** Only the owner does this to an admin. */
  | 'admin_needs_owner'
  /** Only the owner changes the owner's email. */
  | 'owner_needs_owner'
  /** Nobody changes their own status. */
  | 'self_status'
  /** Only the owner transfers ownership. */
  | 'not_owner'
  /** Ownership goes only to an active member. */
  | 'target_not_active';

/** The policy's answer: allowed, or a reason (and the missing permission when that is the reason). */
export type MemberDecision =
  | { allowed: true }
  | { allowed: false; reason: 'missing_permission'; permission: Permission }
  | { allowed: false; reason: Exclude<MemberDenialReason, 'missing_permission'> };

/** The member who acts. `role` is `'owner'` for the organization's owner. */
export interface PolicyActor {
  id: string;
  role: string;
  /** Effective permissions (the role's set plus grants). */
  permissions: readonly string[];
}

/** The member acted on. `status` matters only for `transferOwnership` (absent: taken as active). */
export interface PolicyTarget {
  id: string;
  role: string;
  status?: MemberStatus;
}

/** The route permission each action needs; `null`: none (the owner check alone decides). */
export const MEMBER_ACTION_PERMISSION: Readonly<Record<MemberAction, Permission | null>> = {
  edit: 'members:update',
  changeEmail: 'members:update',
  changeRole: 'members:update',
  changeGrants: 'members:update',
  changeStatus: 'members:update',
  remove: 'members:remove',
  transferOwnership: null,
  assignSeat: 'seats:assign',
};

/**
 * The error the server answers a refusal with (its HTTP status is `ERROR_STATUS[code]`). The three
 * `validation_failed` ones carry an issue code: `self_status`, `member_suspended` (`target_not_active`), `owner_role`.
 */
export const DENIAL_ERROR_CODE: Readonly<Record<MemberDenialReason | 'owner_role', ServerErrorCode>> = {
  unknown_actor: 'unauthorized',
  missing_permission: 'forbidden',
  target_is_owner: 'last_owner',
  admin_needs_owner: 'owner_required',
  owner_needs_owner: 'owner_required',
  self_status: 'validation_failed',
  not_owner: 'owner_required',
  target_not_active: 'validation_failed',
  owner_role: 'validation_failed',
};

const ALLOWED: MemberDecision = { allowed: true };
const deny = (reason: Exclude<MemberDenialReason, 'missing_permission'>): MemberDecision => ({ allowed: false, reason });

/**
 * What `actor` may do to `target` — the one home of the owner/admin rules, used by the server (which answers a
 * refusal with `DENIAL_ERROR_CODE[reason]`) and by the React kit (which disables the control and shows the reason).
 *
 * - The owner is never removed, suspended or given another role (`target_is_owner`); only the owner changes
 *   the owner's email (`owner_needs_owner`). Names and grants of the owner may be edited like anyone's.
 * - Only the owner changes an admin's role, grants, status or email, or removes an admin
 *   (`admin_needs_owner`) — except an admin acting on itself: it may step down, leave, and change its own
 *   grants (within what it holds) and email. Dropping one's own powers escalates nothing, and a person must be
 *   able to leave an organization without asking its owner (see docs/rules.md, "Admins acting on themselves").
 * - Nobody changes their own status (`self_status`): a suspension is undone only by someone else.
 * - Only the owner transfers ownership (`not_owner`), and only to an active member (`target_not_active`).
 *
 * Permissions given away are checked separately (`canGrant`, `roleGrantability`).
 *
 * @example
 * memberPolicy(admin, otherAdmin, 'remove') // { allowed: false, reason: 'admin_needs_owner' }
 * memberPolicy(admin, admin, 'remove')      // { allowed: true } (an admin may leave)
 * memberPolicy(member, admin, 'edit')       // { allowed: false, reason: 'missing_permission', permission: 'members:update' }
 */
export function memberPolicy(
  actor: PolicyActor | null | undefined,
  target: PolicyTarget,
  action: MemberAction,
): MemberDecision {
  if (!actor) return deny('unknown_actor');
  const permission = MEMBER_ACTION_PERMISSION[action];
  if (permission && !can(actor.permissions, permission)) return { allowed: false, reason: 'missing_permission', permission };
  const actorIsOwner = actor.role === 'owner';
  const self = actor.id === target.id;
  const targetIsOwner = target.role === 'owner';
  const adminByOther = target.role === 'admin' && !actorIsOwner && !self;
  switch (action) {
    case 'edit':
    case 'assignSeat':
      return ALLOWED;
    case 'changeEmail':
      if (targetIsOwner && !self) return deny('owner_needs_owner');
      return adminByOther ? deny('admin_needs_owner') : ALLOWED;
    case 'changeRole':
    case 'remove':
      if (targetIsOwner) return deny('target_is_owner');
      return adminByOther ? deny('admin_needs_owner') : ALLOWED;
    case 'changeGrants':
      return adminByOther ? deny('admin_needs_owner') : ALLOWED;
    case 'changeStatus':
      if (targetIsOwner) return deny('target_is_owner');
      if (self) return deny('self_status');
      return adminByOther ? deny('admin_needs_owner') : ALLOWED;
    case 'transferOwnership':
      if (!actorIsOwner) return deny('not_owner');
      // To oneself it changes nothing, and that is allowed (the server answers the organization unchanged).
      if (!self && target.status !== undefined && target.status !== 'active') return deny('target_not_active');
      return ALLOWED;
  }
}
