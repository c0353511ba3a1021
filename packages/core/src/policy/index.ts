/**
 * The domain's rules — who may do what to whom, which roles and grants may be given, whether a subscription is
 * live and whether its seats may be handed out — in one place. Pure (no I/O): the server throws from them, the
 * React kit renders from them.
 */
export { DENIAL_ERROR_CODE, MEMBER_ACTION_PERMISSION, memberPolicy } from './member-policy.js';
export type { MemberAction, MemberDecision, MemberDenialReason, PolicyActor, PolicyTarget } from './member-policy.js';
export { assignableRoles, canGrant, roleGrantability } from './grant-policy.js';
export type { GrantDecision, PolicyRole, RoleDecision } from './grant-policy.js';
export { canHandOutSeats, seatGivingStatuses, subscriptionUsability } from './subscription-usability.js';
export type {
  SeatHandOutDecision,
  SeatHandOutRefusal,
  SubscriptionUnusableReason,
  SubscriptionUsability,
  UsabilityInput,
} from './subscription-usability.js';
export {
  canResolveSeatRequest,
  DEFAULT_IDLE_DAYS,
  idleCutoff,
  idleDaysOf,
  idleSince,
  isSeatIdle,
  peakSeatsUsed,
  reclaimDate,
  reclaimStage,
  seatRequestPolicy,
  suggestedSeatCount,
} from './seat-lifecycle.js';
export type { SeatRequestDecision, SeatRequestRefusal } from './seat-lifecycle.js';
