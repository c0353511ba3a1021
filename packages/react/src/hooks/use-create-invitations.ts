'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitationInput } from '@seatkit/core';
import { useSeatKit } from '../provider.js';
import { seatkitKeys } from '../query-keys.js';
import { missingOrgId, useOrgId } from './use-org-id.js';

export interface CreateInvitationsVariables {
  invitations: InvitationInput[];
  orgId?: string;
}

/**
 * Invites many people at once; resolves with one result per item, in order (a failed item does not
 * fail the call). Needs `members:invite`.
 *
 * @example
 * const { results } = await createInvitations.mutateAsync({ invitations: [{ email, role: 'member' }] });
 */
export function useCreateInvitations(options: { orgId?: string | null } = {}) {
  const { client } = useSeatKit();
  const queryClient = useQueryClient();
  const contextOrgId = useOrgId(options.orgId);
  const resolve = (v: CreateInvitationsVariables) => v.orgId ?? contextOrgId ?? missingOrgId();
  return useMutation({
    mutationFn: (variables: CreateInvitationsVariables) =>
      client.invitations.create({ orgId: resolve(variables), invitations: variables.invitations }),
    onSuccess: (result, variables) => {
      const orgId = resolve(variables);
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.invitations(orgId) });
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.audit(orgId) });
      // Reserved seats change the subscriptions' counts.
      if (result.results.some((r) => r.ok && r.invitation.subscriptionIds.length > 0)) {
        void queryClient.invalidateQueries({ queryKey: seatkitKeys.subscriptions(orgId) });
      }
    },
  });
}
