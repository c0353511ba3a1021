'use client';

import { useMutation } from '@tanstack/react-query';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

export interface TransferOwnershipVariables {
  /** The member who becomes the owner; the current owner becomes an admin. */
  memberId: string;
  orgId?: string;
}

/** Transfers ownership (owner only). Two members change role, so member lists and `me` are refetched. */
export function useTransferOwnership(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: TransferOwnershipVariables) =>
      client.organizations.transferOwnership({ orgId: resolve(variables), memberId: variables.memberId }),
    onSuccess: (organization) => {
      queryClient.setQueryData(seatkitKeys.organization(organization.id), organization);
      invalidate(seatkitKeys.members(organization.id), seatkitKeys.me(), seatkitKeys.audit(organization.id));
    },
  });
}
