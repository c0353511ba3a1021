/**
 * `@seatkit/core`: the SeatKit contract and a typed HTTP client for members, invitations and seats.
 */

// The contract's whole surface is public (it is also its own entry, `@seatkit/core/contract`);
// listing its ~120 names here would be a second, drifting copy. The export snapshot test guards it.
export * from './contract.js';

export { createSeatKitClient } from './create-seat-kit-client.js';
export type {
  AddMemberParams,
  AssignSeatsParams,
  CheckAccessParams,
  CreateInvitationsParams,
  ApproveSeatRequestParams,
  CreateRoleParams,
  CreateSeatRequestParams,
  CreateSubscriptionParams,
  DenySeatRequestParams,
  GetSeatUsageParams,
  InvitationParams,
  InvitationTokenParams,
  IterateMembersParams,
  ListAuditEventsParams,
  ListIdleSeatsParams,
  ListInvitationsParams,
  ListMembersParams,
  ListSeatRequestsParams,
  ListSeatsParams,
  MemberParams,
  OrgParams,
  PageParams,
  ReclaimSeatsParams,
  RoleParams,
  RouteInput,
  RouteResponse,
  SeatKitClient,
  SeatKitClientOptions,
  SeatKitRetryOptions,
  SetReclaimPolicyParams,
  SubscriptionParams,
  TransferOwnershipParams,
  UnassignSeatParams,
  UpdateMemberParams,
  UpdateOrganizationParams,
  UpdateRoleParams,
  UpdateSubscriptionParams,
} from './create-seat-kit-client.js';
export type { GetTokenContext, MutationOptions, RequestOptions } from './request.js';
export { SeatKitError } from './seat-kit-error.js';
export type { SeatKitErrorOptions } from './seat-kit-error.js';
export { isSeatKitError } from './is-seat-kit-error.js';
export { describeError } from './describe-error.js';
export { defaultErrorMessages } from './error-messages.js';
export type { ErrorMessages } from './error-messages.js';
export { parseEmailList } from './parse-email-list.js';
export type { EmailListEntry, EmailListProblem, ParsedEmailList } from './parse-email-list.js';
export { parseInvitationToken } from './parse-invitation-token.js';
