'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { snapshot, type CacheSnapshot } from '../cache.js';
import { useSeatKit } from '../provider.js';
import { missingOrgId, useOrgId } from './use-org-id.js';

/** Options of the mutation hooks. */
export interface SeatKitMutationHookOptions {
  /** Another organization than the provider's current one (a call's own `orgId` wins over both). */
  orgId?: string | null;
}

/**
 * What every mutation hook works with: the client and the query cache; `resolve`, a call's organization
 * (its own `orgId`, else the hook's, else the provider's); `invalidate`, to refetch what a change made
 * stale; and `hold`, which stops the fetches of the queries an optimistic change patches and saves
 * them, so a refusal can put them back (`restore`).
 */
export function useMutationContext(options: SeatKitMutationHookOptions) {
  const { client } = useSeatKit();
  const queryClient = useQueryClient();
  const contextOrgId = useOrgId(options.orgId);
  return {
    client,
    queryClient,
    resolve: (variables: { orgId?: string | undefined }) => variables.orgId ?? contextOrgId ?? missingOrgId(),
    invalidate: (...queryKeys: readonly QueryKey[]) => {
      for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
    },
    hold: async (...queryKeys: readonly QueryKey[]): Promise<CacheSnapshot> => {
      await Promise.all(queryKeys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
      return snapshot(queryClient, queryKeys);
    },
  };
}
