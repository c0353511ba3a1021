'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import type { InvitationListFilters } from '../query-keys.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/** Invitations of the organization (filter by `status`), page by page. */
export function useInvitations(filters: InvitationListFilters = {}, options: SeatKitQueryHookOptions = {}) {
  const { client, orgId, enabled } = useOrgRead(options);
  return useInfiniteQuery({
    ...seatkitQueries.invitations(client, orgId, filters),
    enabled,
  });
}

/** What an invitation link shows before sign-in (organization, email, role, status). */
export function useInvitationPreview(token: string | null | undefined, options: { enabled?: boolean } = {}) {
  const { client } = useSeatKit();
  return useQuery({
    ...seatkitQueries.invitationPreview(client, token ?? ''),
    enabled: Boolean(token) && (options.enabled ?? true),
  });
}
