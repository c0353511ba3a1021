import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Page, SeatKitClient } from '@seatkit/core';
import { seatkitKeys, type AuditEventFilters, type IdleSeatFilters, type InvitationListFilters, type MemberListFilters, type SeatRequestListFilters } from './query-keys.js';

/**
 * The client already retries transport failures (network, 429, 5xx) with backoff; a second retry
 * layer in TanStack Query would multiply attempts, and 4xx answers never get better by retrying.
 */
const retry = false;

type Cursor = string | null;
const firstPage = null as Cursor;
const nextCursor = <T>(page: Page<T>): Cursor | undefined => page.nextCursor ?? undefined;

/**
 * Query-options factories for every read, TanStack style: each carries its key, its fetcher and
 * its data type, so `useQuery`, `prefetchQuery`, `setQueryData` and `invalidateQueries` share one object.
 *
 * @example
 * const { data } = useQuery(seatkitQueries.subscriptions(client, orgId));
 * await queryClient.prefetchInfiniteQuery(seatkitQueries.members(client, orgId, { role: 'admin' }));
 */
export const seatkitQueries = {
  me: (client: SeatKitClient) =>
    queryOptions({ queryKey: seatkitKeys.me(), queryFn: ({ signal }) => client.me({ signal }), retry }),

  organization: (client: SeatKitClient, orgId: string) =>
    queryOptions({
      queryKey: seatkitKeys.organization(orgId),
      queryFn: ({ signal }) => client.organizations.get({ orgId }, { signal }),
      retry,
    }),

  /** Members page by page (keyset cursor), for infinite scrolling. */
  members: (client: SeatKitClient, orgId: string, filters: MemberListFilters = {}) =>
    infiniteQueryOptions({
      queryKey: seatkitKeys.memberList(orgId, filters),
      queryFn: ({ pageParam, signal }) =>
        client.members.list(
          {
            orgId,
            query: filters.query || undefined,
            role: filters.role || undefined,
            status: filters.status,
            limit: filters.limit,
            cursor: pageParam ?? undefined,
          },
          { signal },
        ),
      initialPageParam: firstPage,
      getNextPageParam: nextCursor,
      retry,
    }),

  member: (client: SeatKitClient, orgId: string, memberId: string) =>
    queryOptions({
      queryKey: seatkitKeys.member(orgId, memberId),
      queryFn: ({ signal }) => client.members.get({ orgId, memberId }, { signal }),
      retry,
    }),

  invitations: (client: SeatKitClient, orgId: string, filters: InvitationListFilters = {}) =>
    infiniteQueryOptions({
      queryKey: seatkitKeys.invitationList(orgId, filters),
      queryFn: ({ pageParam, signal }) =>
        client.invitations.list(
          { orgId, status: filters.status, limit: filters.limit, cursor: pageParam ?? undefined },
          { signal },
        ),
      initialPageParam: firstPage,
      getNextPageParam: nextCursor,
      retry,
    }),

  /** What an invitation link shows before sign-in (no token needed). */
  invitationPreview: (client: SeatKitClient, token: string) =>
    queryOptions({
      queryKey: seatkitKeys.invitationPreview(token),
      queryFn: ({ signal }) => client.invitations.preview({ token }, { signal }),
      retry,
    }),

  roles: (client: SeatKitClient, orgId: string) =>
    queryOptions({
      queryKey: seatkitKeys.roles(orgId),
      queryFn: ({ signal }) => client.roles.list({ orgId }, { signal }),
      retry,
    }),

  subscriptions: (client: SeatKitClient, orgId: string) =>
    queryOptions({
      queryKey: seatkitKeys.subscriptions(orgId),
      queryFn: ({ signal }) => client.subscriptions.list({ orgId }, { signal }),
      retry,
    }),

  /** Seats assigned, used and requested per subscription and UTC day over the last `days` (default 90). */
  seatUsage: (client: SeatKitClient, orgId: string, days?: number) =>
    queryOptions({
      queryKey: seatkitKeys.seatUsage(orgId, days),
      queryFn: ({ signal }) => client.subscriptions.usage({ orgId, ...(days !== undefined && { days }) }, { signal }),
      retry,
    }),

  /** The seat holders of one subscription, page by page. */
  seats: (client: SeatKitClient, orgId: string, subscriptionId: string, limit?: number) =>
    infiniteQueryOptions({
      queryKey: seatkitKeys.seatList(orgId, subscriptionId, limit),
      queryFn: ({ pageParam, signal }) =>
        client.seats.list({ orgId, subscriptionId, limit, cursor: pageParam ?? undefined }, { signal }),
      initialPageParam: firstPage,
      getNextPageParam: nextCursor,
      retry,
    }),

  /** The access check of the caller (or of `memberId`) for a product key. */
  access: (client: SeatKitClient, orgId: string, product: string, memberId?: string) =>
    queryOptions({
      queryKey: seatkitKeys.accessCheck(orgId, product, memberId),
      queryFn: ({ signal }) => client.access.check({ orgId, product, memberId }, { signal }),
      retry,
    }),

  /** Seat requests, newest first (filter by `status`); without `seats:read`, only the caller's own. */
  seatRequests: (client: SeatKitClient, orgId: string, filters: SeatRequestListFilters = {}) =>
    infiniteQueryOptions({
      queryKey: seatkitKeys.seatRequestList(orgId, filters),
      queryFn: ({ pageParam, signal }) =>
        client.seatRequests.list({ orgId, ...filters, cursor: pageParam ?? undefined }, { signal }),
      initialPageParam: firstPage,
      getNextPageParam: nextCursor,
      retry,
    }),

  /** The dry run of a reclaim: seats of a subscription unused for `idleDays`, oldest use first, page by page. */
  idleSeats: (client: SeatKitClient, orgId: string, subscriptionId: string, filters: IdleSeatFilters = {}) =>
    infiniteQueryOptions({
      queryKey: seatkitKeys.idleSeatList(orgId, subscriptionId, filters),
      queryFn: ({ pageParam, signal }) =>
        client.seats.idle(
          {
            orgId,
            subscriptionId,
            idleDays: filters.idleDays,
            limit: filters.limit,
            cursor: pageParam ?? undefined,
          },
          { signal },
        ),
      initialPageParam: firstPage,
      getNextPageParam: nextCursor,
      retry,
    }),

  audit: (client: SeatKitClient, orgId: string, filters: AuditEventFilters = {}) =>
    infiniteQueryOptions({
      queryKey: seatkitKeys.auditList(orgId, filters),
      queryFn: ({ pageParam, signal }) => client.audit.list({ orgId, ...filters, cursor: pageParam ?? undefined }, { signal }),
      initialPageParam: firstPage,
      getNextPageParam: nextCursor,
      retry,
    }),
};
