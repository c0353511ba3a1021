'use client';

import { useQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/** One member by id. */
export function useMember(memberId: string | null | undefined, options: SeatKitQueryHookOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options, memberId);
  return useQuery({
    ...seatkitQueries.member(client, orgId, memberId ?? ''),
    enabled,
  });
}
