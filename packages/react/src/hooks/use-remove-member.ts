'use client';

import { useMutation } from '@tanstack/react-query';
import { findCachedMember, patchMember, patchSubscriptionCounts, restore, type CacheSnapshot } from '../cache.js';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

export interface RemoveMemberVariables {
  memberId: string;
  orgId?: string;
}

/**
 * Removes a member: it disappears from every cached list at once (rolled back if the server
 * refuses), its seats are released and its access ends. Needs `members:remove`.
 */
export function useRemoveMember(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate, hold } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: RemoveMemberVariables) =>
      client.members.remove({ orgId: resolve(variables), memberId: variables.memberId }),
    onMutate: async (variables): Promise<{ saved: CacheSnapshot }> => {
      const orgId = resolve(variables);
      const saved = await hold(seatkitKeys.members(orgId), seatkitKeys.subscriptions(orgId));
      const member = findCachedMember(queryClient, orgId, variables.memberId);
      for (const subscriptionId of member?.subscriptionIds ?? []) {
        patchSubscriptionCounts(queryClient, orgId, subscriptionId, -1);
      }
      patchMember(queryClient, orgId, variables.memberId, () => null);
      return { saved };
    },
    onError: (_error, _variables, context) => restore(queryClient, context?.saved),
    onSuccess: (_data, variables) => {
      const orgId = resolve(variables);
      // Released seats and cancelled reservations: counts, holder lists and access change.
      invalidate(
        seatkitKeys.subscriptions(orgId),
        seatkitKeys.seats(orgId),
        seatkitKeys.invitations(orgId),
        seatkitKeys.access(orgId),
        seatkitKeys.audit(orgId),
      );
    },
  });
}
