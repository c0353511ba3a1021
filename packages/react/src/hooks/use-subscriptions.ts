'use client';

import { useQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import { useOrgId, type SeatKitQueryHookOptions } from './use-org-id.js';

/** The organization's subscriptions with seat counts `{ total, assigned, reserved, available }`. */
export function useSubscriptions(options: SeatKitQueryHookOptions = {}) {
  const { client } = useSeatKit();
  const orgId = useOrgId(options.orgId);
  return useQuery({
    ...seatkitQueries.subscriptions(client, orgId ?? ''),
    enabled: Boolean(orgId) && (options.enabled ?? true),
  });
}
