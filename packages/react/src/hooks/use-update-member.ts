'use client';

import { useMutation } from '@tanstack/react-query';
import type { Me, Member, UpdateMemberBody } from '@seatkit/core';
import { patchMember, recomputePermissions, restore, type CacheSnapshot } from '../cache.js';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

export type UpdateMemberVariables = UpdateMemberBody & { memberId: string; orgId?: string };

/**
 * Updates names, email, role, grants or status. Optimistic: the change shows at once in every
 * cached list and is rolled back if the server refuses. Needs `members:update`.
 *
 * @example updateMember.mutate({ memberId, role: 'admin' });
 */
export function useUpdateMember(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate, hold } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: UpdateMemberVariables) => {
      const { orgId: _orgId, memberId, ...body } = variables;
      return client.members.update({ orgId: resolve(variables), memberId, ...body });
    },
    onMutate: async (variables): Promise<{ saved: CacheSnapshot }> => {
      const orgId = resolve(variables);
      const { orgId: _o, memberId, ...patch } = variables;
      const saved = await hold(seatkitKeys.members(orgId));
      patchMember(queryClient, orgId, memberId, (member) => {
        const next: Member = {
          ...member,
          ...(patch.firstName !== undefined && { firstName: patch.firstName }),
          ...(patch.lastName !== undefined && { lastName: patch.lastName }),
          ...(patch.email !== undefined && { email: patch.email.trim().toLowerCase() }),
          ...(patch.role !== undefined && { role: patch.role }),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.permissions !== undefined && { grants: patch.permissions }),
        };
        return patch.role !== undefined || patch.permissions !== undefined
          ? recomputePermissions(queryClient, orgId, next)
          : next;
      });
      return { saved };
    },
    onError: (_error, _variables, context) => restore(queryClient, context?.saved),
    onSuccess: (member, variables) => {
      patchMember(queryClient, member.orgId, member.id, () => member);
      queryClient.setQueryData(seatkitKeys.member(member.orgId, member.id), member);
      // Lists filtered by search text may now include or exclude the member: refetch them when next shown.
      if (variables.firstName !== undefined || variables.lastName !== undefined || variables.email !== undefined) {
        void queryClient.invalidateQueries({
          queryKey: seatkitKeys.memberLists(member.orgId),
          predicate: (q) => Boolean((q.queryKey[q.queryKey.length - 1] as { query?: string } | undefined)?.query),
          refetchType: 'none',
        });
      }
      // A change to the caller's own membership changes what the UI offers.
      const me = queryClient.getQueryData<Me>(seatkitKeys.me());
      if (me?.user.id === member.userId) invalidate(seatkitKeys.me());
      if (variables.status !== undefined) invalidate(seatkitKeys.access(member.orgId));
      invalidate(seatkitKeys.audit(member.orgId));
    },
  });
}
