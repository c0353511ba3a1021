'use client';

import { useQuery } from '@tanstack/react-query';
import { seatkitQueries } from '../queries.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The current organization (name, owner). */
export function useOrganization(options: SeatKitQueryHookOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useQuery({
    ...seatkitQueries.organization(client, orgId),
    enabled,
  });
}
