'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddMemberBody } from '@seatkit/core';
import { useSeatKit } from '../provider.js';
import { seatkitKeys } from '../query-keys.js';
import { missingOrgId, useOrgId } from './use-org-id.js';

export type AddMemberVariables = AddMemberBody & { orgId?: string };

/** Adds a member at once (no invitation); the server emails the account details. Needs `members:invite`. */
export function useAddMember(options: { orgId?: string | null } = {}) {
  const { client } = useSeatKit();
  const queryClient = useQueryClient();
  const contextOrgId = useOrgId(options.orgId);
  return useMutation({
    mutationFn: ({ orgId = contextOrgId ?? missingOrgId(), ...body }: AddMemberVariables) =>
      client.members.add({ orgId, ...body }),
    onSuccess: (member) => {
      queryClient.setQueryData(seatkitKeys.member(member.orgId, member.id), member);
      // Where the newcomer sorts in each list is the server's business: refetch the lists.
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.memberLists(member.orgId) });
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.audit(member.orgId) });
    },
  });
}
