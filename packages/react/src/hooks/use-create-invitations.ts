'use client';

import { useMutation } from '@tanstack/react-query';
import type { InvitationInput } from '@seatkit/core';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

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
export function useCreateInvitations(options: SeatKitMutationHookOptions = {}) {
  const { client, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: CreateInvitationsVariables) =>
      client.invitations.create({ orgId: resolve(variables), invitations: variables.invitations }),
    onSuccess: (result, variables) => {
      const orgId = resolve(variables);
      invalidate(seatkitKeys.invitations(orgId), seatkitKeys.audit(orgId));
      // Reserved seats change the subscriptions' counts.
      if (result.results.some((r) => r.ok && r.invitation.subscriptionIds.length > 0)) {
        invalidate(seatkitKeys.subscriptions(orgId));
      }
    },
  });
}
