'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import type { MemberListFilters } from '../query-keys.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

export interface UseMembersOptions extends SeatKitQueryHookOptions {
  /**
   * Keep showing the previous filters' results while new ones load (a search box), instead of
   * going back to pending. @default false
   */
  keepPreviousResults?: boolean;
}

/**
 * Members of the organization, page by page. `data.pages.flatMap((p) => p.items)` is the loaded
 * list; `fetchNextPage()` loads more while `hasNextPage`.
 *
 * @example const { data, fetchNextPage, hasNextPage } = useMembers({ query: 'ann', role: 'admin' });
 */
export function useMembers(filters: MemberListFilters = {}, options: UseMembersOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useInfiniteQuery({
    ...seatkitQueries.members(client, orgId, filters),
    enabled,
    ...(options.keepPreviousResults && { placeholderData: keepPreviousData }),
  });
}
