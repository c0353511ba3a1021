'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitKeys } from '../query-keys.js';
import { missingOrgId, useOrgId } from './use-org-id.js';

export interface TransferOwnershipVariables {
  /** The member who becomes the owner; the current owner becomes an admin. */
  memberId: string;
  orgId?: string;
}

/** Transfers ownership (owner only). Two members change role, so member lists and `me` are refetched. */
export function useTransferOwnership(options: { orgId?: string | null } = {}) {
  const { client } = useSeatKit();
  const queryClient = useQueryClient();
  const contextOrgId = useOrgId(options.orgId);
  return useMutation({
    mutationFn: ({ memberId, orgId = contextOrgId ?? missingOrgId() }: TransferOwnershipVariables) =>
      client.organizations.transferOwnership({ orgId, memberId }),
    onSuccess: (organization) => {
      queryClient.setQueryData(seatkitKeys.organization(organization.id), organization);
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.members(organization.id) });
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.me() });
      void queryClient.invalidateQueries({ queryKey: seatkitKeys.audit(organization.id) });
    },
  });
}
