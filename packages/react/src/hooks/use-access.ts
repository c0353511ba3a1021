'use client';

import { useQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/**
 * Whether the caller (or `memberId`) may use a product: `{ allowed, reason?, subscriptionId? }`.
 *
 * @example const { data } = useAccess('imaging-app'); if (data && !data.allowed) showDenied(data.reason);
 */
export function useAccess(product: string, options: SeatKitQueryHookOptions & { memberId?: string } = {}) {
  const { client, orgId, enabled } = useOrgRead(options, product);
  return useQuery({
    ...seatkitQueries.access(client, orgId, product, options.memberId),
    enabled,
  });
}
