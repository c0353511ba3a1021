'use client';

import { useQuery } from '@tanstack/react-query';
import type { AccessResult } from '@seatkit/core';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/**
 * Whether the caller (or `memberId`) may use a product: `{ allowed, reason?, subscriptionId? }`.
 *
 * @example const { data } = useAccess('imaging-app'); if (data && !data.allowed) showDenied(data.reason);
 */
export function useAccess(product: string, options: UseAccessOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options, product);
  const { refetchInterval, refetchOnWindowFocus } = options;
  const query = seatkitQueries.access(client, orgId, product, options.memberId);
  return useQuery({
    ...query,
    enabled,
    refetchInterval: refetchInterval ? (q) => refetchInterval(q.state.data) : false,
    // Left to the provider's default unless asked for (an explicit `undefined` would mean "on focus when stale").
    ...(refetchOnWindowFocus !== undefined && { refetchOnWindowFocus }),
  });
}

export interface UseAccessOptions extends SeatKitQueryHookOptions {
  /** Whose access (needs `seats:read`); the caller's by default. */
  memberId?: string;
  /** Check again every so many ms given the last answer (`false`: not); paused while the page is hidden. */
  refetchInterval?: (data: AccessResult | undefined) => number | false;
  /** Check again when the window regains focus: `'always'`, or when the answer is stale (`true`). @default false (the provider's) */
  refetchOnWindowFocus?: boolean | 'always';
}
