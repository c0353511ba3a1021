'use client';

import { useQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

export interface UseSubscriptionsOptions extends SeatKitQueryHookOptions {
  /** Fetch afresh on mount even when cached counts are fresh (e.g. a seat picker opening). @default false */
  refetchOnMount?: boolean;
  /** Refetch every this many ms while mounted, since others change seat counts too; `0` turns it off. @default 0 */
  refreshInterval?: number;
}

/** The organization's subscriptions with seat counts `{ total, assigned, reserved, available }`. */
export function useSubscriptions(options: UseSubscriptionsOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useQuery({
    ...seatkitQueries.subscriptions(client, orgId),
    enabled,
    // Spread only when set: an explicit `undefined` would override the host's QueryClient defaults.
    ...(options.refetchOnMount && { refetchOnMount: 'always' as const }),
    ...(options.refreshInterval && { refetchInterval: options.refreshInterval }),
  });
}
