'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

export interface UseSeatUsageOptions extends SeatKitQueryHookOptions {
  /** The days reported, today included (1–366). @default 90 */
  days?: number;
}

/**
 * Per subscription of the organization, per UTC day: seats assigned, used and requested (`GET …/seat-usage`), oldest
 * day first; days nothing was recorded for are left out. Needs `seats:read` (else `forbidden`). Its key sits under the
 * subscriptions' key, so whatever changes seat counts (assign, unassign, a request resolved) refreshes it too. While
 * another period loads, the previous report stays (`isPlaceholderData`), so a chart does not blink to a spinner.
 *
 * @example const usage = useSeatUsage({ days: 30 });
 */
export function useSeatUsage(options: UseSeatUsageOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useQuery({ ...seatkitQueries.seatUsage(client, orgId, options.days), enabled, placeholderData: keepPreviousData });
}
