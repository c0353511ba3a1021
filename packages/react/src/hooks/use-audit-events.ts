'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The organization's audit trail, newest first, page by page (needs `audit:read`). */
export function useAuditEvents(options: SeatKitQueryHookOptions & { limit?: number } = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useInfiniteQuery({
    ...seatkitQueries.audit(client, orgId, options.limit),
    enabled,
  });
}
