'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import { useOrgId, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The seat holders of one subscription, page by page. */
export function useSeats(
  subscriptionId: string | null | undefined,
  options: SeatKitQueryHookOptions & { limit?: number } = {},
) {
  const { client } = useSeatKit();
  const orgId = useOrgId(options.orgId);
  return useInfiniteQuery({
    ...seatkitQueries.seats(client, orgId ?? '', subscriptionId ?? '', options.limit),
    enabled: Boolean(orgId && subscriptionId) && (options.enabled ?? true),
  });
}
