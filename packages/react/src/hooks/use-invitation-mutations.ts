'use client';

import { useMutation } from '@tanstack/react-query';
import { replaceInvitation } from '../cache.js';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

export interface InvitationVariables {
  invitationId: string;
  orgId?: string;
}

/** Sends a pending invitation's email again and renews its expiry. Needs `members:invite`. */
export function useResendInvitation(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: InvitationVariables) =>
      client.invitations.resend({ orgId: resolve(variables), invitationId: variables.invitationId }),
    onSuccess: (invitation) => {
      replaceInvitation(queryClient, invitation);
      invalidate(seatkitKeys.audit(invitation.orgId));
    },
  });
}

/** Revokes a pending invitation; its reserved seats are freed. Needs `members:invite`. */
export function useRevokeInvitation(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: InvitationVariables) =>
      client.invitations.revoke({ orgId: resolve(variables), invitationId: variables.invitationId }),
    onSuccess: (invitation) => {
      replaceInvitation(queryClient, invitation);
      // Lists filtered by status (e.g. "pending") no longer hold it: refetch those.
      void queryClient.invalidateQueries({
        queryKey: seatkitKeys.invitations(invitation.orgId),
        predicate: (q) => Boolean((q.queryKey[q.queryKey.length - 1] as { status?: string } | undefined)?.status),
      });
      if (invitation.subscriptionIds.length > 0) {
        invalidate(seatkitKeys.subscriptions(invitation.orgId));
      }
      invalidate(seatkitKeys.audit(invitation.orgId));
    },
  });
}

/** Accepts an invitation as the signed-in user (whose email must be the invited one). */
export function useAcceptInvitation() {
  const { client, invalidate } = useMutationContext({});
  return useMutation({
    mutationFn: ({ token }: { token: string }) => client.invitations.accept({ token }),
    onSuccess: (result, { token }) => {
      // A new membership: the caller's organizations and everything of the joined one change.
      invalidate(seatkitKeys.me(), seatkitKeys.org(result.organization.id), seatkitKeys.invitationPreview(token));
    },
  });
}
