'use client';

import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { SeatRequest } from '@seatkit/core';
import { seatkitQueries } from '../queries.js';
import { seatkitKeys, type SeatRequestListFilters } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/**
 * Seat requests of the organization, newest first, page by page (filter by `status`). With `seats:read` every
 * member's; without it, the caller's own.
 *
 * @example const pending = useSeatRequests({ status: 'pending' });
 */
export function useSeatRequests(filters: SeatRequestListFilters = {}, options: SeatKitQueryHookOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useInfiniteQuery({ ...seatkitQueries.seatRequests(client, orgId, filters), enabled });
}

export interface RequestSeatVariables {
  /** The product key, e.g. `imaging-app`. */
  product: string;
  /** A word for the admins (up to 500 characters). */
  note?: string;
  orgId?: string;
}

/**
 * Asks for a seat of a product as the signed-in member (no permission needed); asking again returns the pending
 * request. The access check then names the request, so `AccessGate` shows "Requested on …".
 *
 * @example await requestSeat.mutateAsync({ product: 'imaging-app' });
 */
export function useRequestSeat(options: SeatKitMutationHookOptions = {}) {
  const { client, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: RequestSeatVariables) =>
      client.seatRequests.create({ orgId: resolve(variables), product: variables.product, ...(variables.note && { note: variables.note }) }),
    onSuccess: (request) => settled(invalidate, request),
  });
}

export interface ResolveSeatRequestVariables {
  requestId: string;
  orgId?: string;
}

/**
 * Approves a pending request: a seat is assigned (of `subscriptionId`, else the first usable subscription of the
 * product with room). `seats_exhausted` leaves the request pending. Needs `seats:assign`.
 *
 * @example const { seat } = await approve.mutateAsync({ requestId, subscriptionId });
 */
export function useApproveSeatRequest(options: SeatKitMutationHookOptions = {}) {
  const { client, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: ResolveSeatRequestVariables & { subscriptionId?: string }) =>
      client.seatRequests.approve({
        orgId: resolve(variables),
        requestId: variables.requestId,
        ...(variables.subscriptionId && { subscriptionId: variables.subscriptionId }),
      }),
    onSuccess: ({ request }) => {
      settled(invalidate, request);
      invalidate(seatkitKeys.members(request.orgId), seatkitKeys.seats(request.orgId));
    },
  });
}

/** Denies a pending request; the requester is emailed the reason. Needs `seats:assign`. */
export function useDenySeatRequest(options: SeatKitMutationHookOptions = {}) {
  const { client, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: ResolveSeatRequestVariables & { reason?: string }) =>
      client.seatRequests.deny({
        orgId: resolve(variables),
        requestId: variables.requestId,
        ...(variables.reason && { reason: variables.reason }),
      }),
    onSuccess: (request) => settled(invalidate, request),
  });
}

/** What a request's change makes stale: the request lists, the counts of the subscriptions, access checks, the audit trail. */
function settled(invalidate: (...keys: readonly (readonly unknown[])[]) => void, request: SeatRequest) {
  const orgId = request.orgId;
  invalidate(seatkitKeys.seatRequests(orgId), seatkitKeys.subscriptions(orgId), seatkitKeys.access(orgId), seatkitKeys.audit(orgId));
}
