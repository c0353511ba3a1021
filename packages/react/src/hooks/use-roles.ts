'use client';

import { useQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The organization's roles (built-in and custom) with their permissions. */
export function useRoles(options: SeatKitQueryHookOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useQuery({
    ...seatkitQueries.roles(client, orgId),
    enabled,
  });
}
