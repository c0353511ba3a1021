'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import type { AuditEventFilters } from '../query-keys.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/**
 * The organization's audit trail, newest first, page by page (needs `audit:read`), optionally filtered by `actor`,
 * `action`, `target` and a `from`–`to` range.
 */
export function useAuditEvents(options: SeatKitQueryHookOptions & AuditEventFilters = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  const { actor, action, target, from, to, limit } = options;
  return useInfiniteQuery({
    ...seatkitQueries.audit(client, orgId, { actor, action, target, from, to, limit }),
    enabled,
  });
}
