'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The seat holders of one subscription, page by page. */
export function useSeats(
  subscriptionId: string | null | undefined,
  options: SeatKitQueryHookOptions & { limit?: number } = {},
) {
  const { client, orgId, enabled } = useOrgRead(options, subscriptionId);
  return useInfiniteQuery({
    ...seatkitQueries.seats(client, orgId, subscriptionId ?? '', options.limit),
    enabled,
  });
}
