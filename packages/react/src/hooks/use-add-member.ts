'use client';

import { useMutation } from '@tanstack/react-query';
import type { AddMemberBody } from '@seatkit/core';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

export type AddMemberVariables = AddMemberBody & { orgId?: string };

/** Adds a member at once (no invitation); the server emails the account details. Needs `members:invite`. */
export function useAddMember(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: ({ orgId, ...body }: AddMemberVariables) => client.members.add({ orgId: resolve({ orgId }), ...body }),
    onSuccess: (member) => {
      queryClient.setQueryData(seatkitKeys.member(member.orgId, member.id), member);
      // Where the newcomer sorts in each list is the server's business: refetch the lists.
      invalidate(seatkitKeys.memberLists(member.orgId), seatkitKeys.audit(member.orgId));
    },
  });
}
