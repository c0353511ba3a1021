'use client';

import { useQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import { useOrgId, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The organization's roles (built-in and custom) with their permissions. */
export function useRoles(options: SeatKitQueryHookOptions = {}) {
  const { client } = useSeatKit();
  const orgId = useOrgId(options.orgId);
  return useQuery({
    ...seatkitQueries.roles(client, orgId ?? ''),
    enabled: Boolean(orgId) && (options.enabled ?? true),
  });
}
