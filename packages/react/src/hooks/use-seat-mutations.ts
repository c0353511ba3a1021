'use client';

import { useMutation } from '@tanstack/react-query';
import type { Invitation, Seat, SeatResult } from '@seatkit/core';
import { mapPages, patchMember, patchSubscriptionCounts, replaceInvitation, restore, type CacheSnapshot, type Pages } from '../cache.js';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

export interface AssignSeatsVariables {
  subscriptionId: string;
  /** Members who get a seat. */
  memberIds?: string[];
  /** Pending invitations that get a seat reserved (it becomes the invitee's seat when they accept). */
  invitationIds?: string[];
  orgId?: string;
}

/**
 * Gives seats of a subscription to members and reserves seats for pending invitations; one result per item, the
 * members' first, each list in order. Optimistic for members: the counts and the members' seats change at once;
 * members the server refused (e.g. `seats_exhausted`) are put back, and everything is rolled back if the call fails.
 * Reservations show once the server answered (the invitations it returns replace the cached ones). Needs `seats:assign`.
 *
 * @example
 * const { results } = await assign.mutateAsync({ subscriptionId, memberIds: [me.id], invitationIds: [invitation.id] });
 */
export function useAssignSeats(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate, hold } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: AssignSeatsVariables) =>
      client.seats.assign({
        orgId: resolve(variables),
        subscriptionId: variables.subscriptionId,
        ...(variables.memberIds?.length && { memberIds: variables.memberIds }),
        ...(variables.invitationIds?.length && { invitationIds: variables.invitationIds }),
      }),
    onMutate: async (variables): Promise<{ saved: CacheSnapshot }> => {
      const orgId = resolve(variables);
      const memberIds = variables.memberIds ?? [];
      const saved = await hold(seatkitKeys.members(orgId), seatkitKeys.subscriptions(orgId));
      for (const memberId of memberIds) {
        patchMember(queryClient, orgId, memberId, (member) =>
          member.subscriptionIds.includes(variables.subscriptionId)
            ? member
            : { ...member, subscriptionIds: [...member.subscriptionIds, variables.subscriptionId] },
        );
      }
      patchSubscriptionCounts(queryClient, orgId, variables.subscriptionId, memberIds.length);
      return { saved };
    },
    onError: (_error, _variables, context) => restore(queryClient, context?.saved),
    onSuccess: (result, variables, context) => {
      const orgId = resolve(variables);
      const memberIds = variables.memberIds ?? [];
      const seats = result.results.filter((r): r is SeatResult => 'memberId' in r);
      // The optimistic count assumed every member got a seat; take back the ones that did not, and add the reservations.
      const granted = seats.filter((r) => r.ok).length;
      const reserved: Invitation[] = result.results.flatMap((r) => ('invitationId' in r && r.ok ? [r.invitation] : []));
      if (granted < memberIds.length || reserved.length > 0) {
        patchSubscriptionCounts(queryClient, orgId, variables.subscriptionId, granted - memberIds.length, reserved.length);
      }
      for (const invitation of reserved) replaceInvitation(queryClient, invitation);
      const refused = seats.filter((r) => !r.ok && r.error.code !== 'already_assigned');
      if (refused.length > 0) {
        // Put the refused members back as they were (the counts are refetched below).
        const before = new Map(context?.saved ?? []);
        for (const { memberId } of refused) {
          patchMember(queryClient, orgId, memberId, (member) => {
            const wasHolder = [...before.values()].some((data) => holds(data, memberId, variables.subscriptionId));
            return wasHolder
              ? member
              : { ...member, subscriptionIds: member.subscriptionIds.filter((id) => id !== variables.subscriptionId) };
          });
        }
      }
      invalidate(
        seatkitKeys.subscriptions(orgId),
        seatkitKeys.seats(orgId),
        seatkitKeys.access(orgId),
        seatkitKeys.audit(orgId),
        ...(variables.invitationIds?.length ? [seatkitKeys.invitations(orgId)] : []),
      );
    },
  });
}

/** Did a cached value (a member or a member page set) show `memberId` holding the subscription? */
function holds(data: unknown, memberId: string, subscriptionId: string): boolean {
  const check = (m: { id: string; subscriptionIds: string[] }) => m.id === memberId && m.subscriptionIds.includes(subscriptionId);
  if (data && typeof data === 'object' && 'pages' in data) {
    return (data as Pages<{ id: string; subscriptionIds: string[] }>).pages.some((p) => p.items.some(check));
  }
  if (data && typeof data === 'object' && 'subscriptionIds' in data) {
    return check(data as { id: string; subscriptionIds: string[] });
  }
  return false;
}

export interface UnassignSeatVariables {
  subscriptionId: string;
  memberId: string;
  orgId?: string;
}

/** Takes a seat back. Optimistic (holder list, counts, the member's seats), rolled back on error. Needs `seats:assign`. */
export function useUnassignSeat(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate, hold } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: UnassignSeatVariables) =>
      client.seats.unassign({ orgId: resolve(variables), subscriptionId: variables.subscriptionId, memberId: variables.memberId }),
    onMutate: async (variables): Promise<{ saved: CacheSnapshot }> => {
      const orgId = resolve(variables);
      const saved = await hold(seatkitKeys.members(orgId), seatkitKeys.subscriptions(orgId), seatkitKeys.seats(orgId));
      patchMember(queryClient, orgId, variables.memberId, (member) => ({
        ...member,
        subscriptionIds: member.subscriptionIds.filter((id) => id !== variables.subscriptionId),
      }));
      queryClient.setQueriesData<Pages<Seat>>(
        { queryKey: [...seatkitKeys.seats(orgId), variables.subscriptionId] },
        (data) => mapPages(data, (seat) => (seat.memberId === variables.memberId ? null : seat)),
      );
      patchSubscriptionCounts(queryClient, orgId, variables.subscriptionId, -1);
      return { saved };
    },
    onError: (_error, _variables, context) => restore(queryClient, context?.saved),
    onSettled: (_data, _error, variables) => {
      const orgId = resolve(variables);
      invalidate(
        seatkitKeys.subscriptions(orgId),
        [...seatkitKeys.seats(orgId), variables.subscriptionId],
        seatkitKeys.access(orgId),
        seatkitKeys.audit(orgId),
      );
      // The caller's own seats live in `/v1/me` too (the seat picker lists "you" from it when the member list's
      // first page does not reach you): taking back your own seat must not leave you shown as its holder.
      invalidate(seatkitKeys.me());
    },
  });
}
