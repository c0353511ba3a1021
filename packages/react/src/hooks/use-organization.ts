'use client';

import { useQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import { useOrgId, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The current organization (name, owner). */
export function useOrganization(options: SeatKitQueryHookOptions = {}) {
  const { client } = useSeatKit();
  const orgId = useOrgId(options.orgId);
  return useQuery({
    ...seatkitQueries.organization(client, orgId ?? ''),
    enabled: Boolean(orgId) && (options.enabled ?? true),
  });
}
