'use client';

import { useQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import { useOrgId, type SeatKitQueryHookOptions } from './use-org-id.js';

/** One member by id. */
export function useMember(memberId: string | null | undefined, options: SeatKitQueryHookOptions = {}) {
  const { client } = useSeatKit();
  const orgId = useOrgId(options.orgId);
  return useQuery({
    ...seatkitQueries.member(client, orgId ?? '', memberId ?? ''),
    enabled: Boolean(orgId && memberId) && (options.enabled ?? true),
  });
}
