'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import { useOrgId, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The organization's audit trail, newest first, page by page (needs `audit:read`). */
export function useAuditEvents(options: SeatKitQueryHookOptions & { limit?: number } = {}) {
  const { client } = useSeatKit();
  const orgId = useOrgId(options.orgId);
  return useInfiniteQuery({
    ...seatkitQueries.audit(client, orgId ?? '', options.limit),
    enabled: Boolean(orgId) && (options.enabled ?? true),
  });
}
