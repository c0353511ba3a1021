'use client';

import { useQuery } from '@tanstack/react-query';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';

/** The signed-in user with its memberships (organization, role, effective permissions). */
export function useMe(options: { enabled?: boolean } = {}) {
  const { client } = useSeatKit();
  return useQuery({ ...seatkitQueries.me(client), enabled: options.enabled ?? true });
}
