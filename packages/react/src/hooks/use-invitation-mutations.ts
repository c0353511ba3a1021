'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { replaceInvitation } from '../cache.js';
import { useSeatKit } from '../provider.js';
import { seatkitKeys } from '../query-keys.js';
import { missingOrgId, useOrgId } from './use-org-id.js';

export interface InvitationVariables {
  invitationId: string;
  orgId?: string;
}

/** Sends a pending invitation's email again and renews its expiry. Needs `members:invite`. */
export function useResendInvitation(options: { orgId?: string | null } = {}) {
  const { client } = useSeatKit();
  const queryClient = useQueryClient();
  const contextOrgId = useOrgId(options.orgId);
  return useMutation({
    mutationFn: ({ invitationId, orgId = contextOrgId ?? missingOrgId() }: InvitationVariables) =>
      client.invitations.resend({ orgId, invitationId }),
    onSuccess: (invitation) => {
      replaceInvitation(queryClient, invitation);
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.audit(invitation.orgId) });
    },
  });
}

/** Revokes a pending invitation; its reserved seats are freed. Needs `members:invite`. */
export function useRevokeInvitation(options: { orgId?: string | null } = {}) {
  const { client } = useSeatKit();
  const queryClient = useQueryClient();
  const contextOrgId = useOrgId(options.orgId);
  return useMutation({
    mutationFn: ({ invitationId, orgId = contextOrgId ?? missingOrgId() }: InvitationVariables) =>
      client.invitations.revoke({ orgId, invitationId }),
    onSuccess: (invitation) => {
      replaceInvitation(queryClient, invitation);
      // Lists filtered by status (e.g. "pending") no longer hold it: refetch those.
      void queryClient.invalidateQueries({
        queryKey: seatkitKeys.invitations(invitation.orgId),
        predicate: (q) => Boolean((q.queryKey[q.queryKey.length - 1] as { status?: string } | undefined)?.status),
      });
      if (invitation.subscriptionIds.length > 0) {
        void queryClient.invalidateQueries({ queryKey: seatkitKeys.subscriptions(invitation.orgId) });
      }
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.audit(invitation.orgId) });
    },
  });
}

/** Accepts an invitation as the signed-in user (whose email must be the invited one). */
export function useAcceptInvitation() {
  const { client } = useSeatKit();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ token }: { token: string }) => client.invitations.accept({ token }),
    onSuccess: (result, { token }) => {
      // A new membership: the caller's organizations and everything of the joined one change.
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.me() });
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.org(result.organization.id) });
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.invitationPreview(token) });
    },
  });
}
