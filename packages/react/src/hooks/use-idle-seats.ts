'use client';

import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { ReclaimPolicy } from '@seatkit/core';
import { seatkitQueries } from '../queries.js';
import { seatkitKeys, type IdleSeatFilters } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';
import { useOrgRead, type SeatKitQueryHookOptions } from './use-org-id.js';

/**
 * The dry run of a reclaim: the seats of a subscription unused for `idleDays` (default: the subscription's policy,
 * else 30), oldest use first, page by page; each page carries the `count` of all of them. Needs `seats:read`.
 *
 * @example const idle = useIdleSeats(sub.id, { idleDays: 60 });
 */
export function useIdleSeats(
  subscriptionId: string | null | undefined,
  filters: IdleSeatFilters = {},
  options: SeatKitQueryHookOptions = {},
) {
  const { client, orgId, enabled } = useOrgRead(options, subscriptionId);
  return useInfiniteQuery({ ...seatkitQueries.idleSeats(client, orgId, subscriptionId ?? '', filters), enabled });
}

export interface ReclaimSeatsVariables {
  subscriptionId: string;
  /** Days without use, as in the dry run: each seat is re-checked against it. */
  idleDays: number;
  /** Only these holders (default: every idle seat). */
  memberIds?: string[];
  orgId?: string;
}

/**
 * Releases the seats still idle; one result per seat (`seats_in_use` when used since the dry run). Each holder is
 * emailed. Needs `seats:assign`.
 *
 * @example const { results } = await reclaim.mutateAsync({ subscriptionId, idleDays: 30, memberIds });
 */
export function useReclaimSeats(options: SeatKitMutationHookOptions = {}) {
  const { client, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: ReclaimSeatsVariables) =>
      client.seats.reclaim({
        orgId: resolve(variables),
        subscriptionId: variables.subscriptionId,
        idleDays: variables.idleDays,
        ...(variables.memberIds && { memberIds: variables.memberIds }),
      }),
    onSettled: (_data, _error, variables) => settled(invalidate, resolve(variables), true),
  });
}

export interface SetReclaimPolicyVariables {
  subscriptionId: string;
  /** `{ idleDays, warnDays }` (whole days, `warnDays` below `idleDays`), or `null` to turn automatic reclaim off. */
  reclaimPolicy: ReclaimPolicy | null;
  orgId?: string;
}

/**
 * Sets or clears a subscription's reclaim policy: the server warns holders `warnDays` before and releases their
 * seats after `idleDays` without use. Needs `seats:assign`.
 *
 * @example await setPolicy.mutateAsync({ subscriptionId, reclaimPolicy: { idleDays: 60, warnDays: 7 } });
 */
export function useSetReclaimPolicy(options: SeatKitMutationHookOptions = {}) {
  const { client, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: SetReclaimPolicyVariables) =>
      client.subscriptions.setReclaimPolicy({
        orgId: resolve(variables),
        subscriptionId: variables.subscriptionId,
        reclaimPolicy: variables.reclaimPolicy,
      }),
    onSuccess: (_subscription, variables) => settled(invalidate, resolve(variables), false),
  });
}

/** What a reclaim or a policy change makes stale: the subscriptions' counts, the idle seats, the audit trail (and the holders). */
function settled(invalidate: (...keys: readonly (readonly unknown[])[]) => void, orgId: string, released: boolean) {
  invalidate(seatkitKeys.subscriptions(orgId), seatkitKeys.idleSeats(orgId), seatkitKeys.audit(orgId));
  if (released) invalidate(seatkitKeys.seats(orgId), seatkitKeys.members(orgId), seatkitKeys.access(orgId));
}
