'use client';

import type { SupportedLocale } from '@seatkit/core';
import { useMutation } from '@tanstack/react-query';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

export interface UpdateOrganizationVariables {
  /** The language of the organization's emails: one of core's `SUPPORTED_LOCALES`. */
  locale: SupportedLocale;
  orgId?: string;
}

/**
 * Changes the organization's settings (its `locale`; owner only, the server answers `owner_required` to anyone else).
 * The answer replaces the cached organization; the audit log gains an event.
 *
 * @example const update = useUpdateOrganization(); update.mutate({ locale: 'de' });
 */
export function useUpdateOrganization(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: UpdateOrganizationVariables) =>
      client.organizations.update({ orgId: resolve(variables), locale: variables.locale }),
    onSuccess: (organization) => {
      queryClient.setQueryData(seatkitKeys.organization(organization.id), organization);
      invalidate(seatkitKeys.audit(organization.id));
    },
  });
}
