import type { InvitationStatus, MemberStatus, SeatRequestStatus } from '@seatkit/core';

/** Filters of a member list; part of its query key. */
export interface MemberListFilters {
  query?: string;
  role?: string;
  status?: MemberStatus;
  limit?: number;
}

/** Filters of an invitation list; part of its query key. */
export interface InvitationListFilters {
  status?: InvitationStatus;
  limit?: number;
}

/** The audit trail's filters (see `ListAuditEventsQuery`): who acted, what, on what, when; and the page size. */
export interface AuditEventFilters {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** The dry run of a reclaim: days without use (default: the policy's, else 30) and the page size; part of its query key. */
export interface IdleSeatFilters {
  idleDays?: number;
  limit?: number;
}

/** Filters of a seat-request list; part of its query key. */
export interface SeatRequestListFilters {
  status?: SeatRequestStatus;
  limit?: number;
}

/**
 * Every query key of the kit, from one place. Keys are hierarchical so one prefix invalidates a
 * family: `seatkitKeys.members(orgId)` covers every member list and every member of that org.
 *
 * @example queryClient.invalidateQueries({ queryKey: seatkitKeys.org(orgId) }) // everything of one org
 */
export const seatkitKeys = {
  all: ['seatkit'] as const,
  me: () => ['seatkit', 'me'] as const,
  invitationPreview: (token: string) => ['seatkit', 'invitation-preview', token] as const,
  org: (orgId: string) => ['seatkit', 'org', orgId] as const,
  organization: (orgId: string) => ['seatkit', 'org', orgId, 'organization'] as const,
  members: (orgId: string) => ['seatkit', 'org', orgId, 'members'] as const,
  memberLists: (orgId: string) => ['seatkit', 'org', orgId, 'members', 'list'] as const,
  memberList: (orgId: string, filters: MemberListFilters = {}) =>
    ['seatkit', 'org', orgId, 'members', 'list', normalize(filters)] as const,
  member: (orgId: string, memberId: string) => ['seatkit', 'org', orgId, 'members', 'detail', memberId] as const,
  invitations: (orgId: string) => ['seatkit', 'org', orgId, 'invitations'] as const,
  invitationList: (orgId: string, filters: InvitationListFilters = {}) =>
    ['seatkit', 'org', orgId, 'invitations', normalize(filters)] as const,
  roles: (orgId: string) => ['seatkit', 'org', orgId, 'roles'] as const,
  subscriptions: (orgId: string) => ['seatkit', 'org', orgId, 'subscriptions'] as const,
  /** Under `subscriptions(orgId)`: a change of seat counts makes the usage report stale too. */
  seatUsage: (orgId: string, days?: number) => ['seatkit', 'org', orgId, 'subscriptions', 'usage', normalize({ days })] as const,
  seats: (orgId: string) => ['seatkit', 'org', orgId, 'seats'] as const,
  seatList: (orgId: string, subscriptionId: string, limit?: number) =>
    ['seatkit', 'org', orgId, 'seats', subscriptionId, normalize({ limit })] as const,
  access: (orgId: string) => ['seatkit', 'org', orgId, 'access'] as const,
  accessCheck: (orgId: string, product: string, memberId?: string) =>
    ['seatkit', 'org', orgId, 'access', product, memberId ?? null] as const,
  seatRequests: (orgId: string) => ['seatkit', 'org', orgId, 'seat-requests'] as const,
  seatRequestList: (orgId: string, filters: SeatRequestListFilters = {}) =>
    ['seatkit', 'org', orgId, 'seat-requests', normalize(filters)] as const,
  idleSeats: (orgId: string) => ['seatkit', 'org', orgId, 'idle-seats'] as const,
  idleSeatList: (orgId: string, subscriptionId: string, filters: IdleSeatFilters = {}) =>
    ['seatkit', 'org', orgId, 'idle-seats', subscriptionId, normalize(filters)] as const,
  audit: (orgId: string) => ['seatkit', 'org', orgId, 'audit'] as const,
  auditList: (orgId: string, filters: AuditEventFilters = {}) => ['seatkit', 'org', orgId, 'audit', normalize(filters)] as const,
};

/** Drops empty filters so `{ query: '' }` and `{}` share a cache entry. */
function normalize<T extends object>(filters: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
