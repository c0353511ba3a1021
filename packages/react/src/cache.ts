import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { effectivePermissions, type Invitation, type Member, type Page, type Role, type Subscription } from '@seatkit/core';
import { seatkitKeys, type MemberListFilters } from './query-keys.js';

/** Cache surgery shared by the mutation hooks. Updating in place beats refetching a 10,000-member list. */

export type Pages<T> = InfiniteData<Page<T>, string | null>;

/** A copy of every query under some prefixes, to roll an optimistic update back. */
export type CacheSnapshot = Array<[QueryKey, unknown]>;

export function snapshot(queryClient: QueryClient, prefixes: readonly QueryKey[]): CacheSnapshot {
  return prefixes.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));
}

export function restore(queryClient: QueryClient, saved: CacheSnapshot | undefined): void {
  for (const [key, data] of saved ?? []) queryClient.setQueryData(key, data);
}

/** Maps the items of every page; `null` from `fn` drops the item. */
export function mapPages<T>(data: Pages<T> | undefined, fn: (item: T) => T | null): Pages<T> | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const items: T[] = [];
    for (const item of page.items) {
      const next = fn(item);
      if (next !== item) changed = true;
      if (next !== null) items.push(next);
    }
    return changed ? { ...page, items } : page;
  });
  return changed ? { ...data, pages } : data;
}

/** The filters of a member-list key (its last element). */
function listFilters(key: QueryKey): MemberListFilters {
  return (key[key.length - 1] ?? {}) as MemberListFilters;
}

/** Still belongs in a list with these filters? (Search text is left to the server: such lists are marked stale.) */
function matches(member: Member, filters: MemberListFilters): boolean {
  if (filters.role && member.role !== filters.role) return false;
  if (filters.status && member.status !== filters.status) return false;
  return true;
}

/**
 * Applies `fn` to one member wherever it is cached (every list page and its detail query). `fn`
 * returning `null` removes it. A member whose new role or status no longer fits a filtered list leaves it.
 */
export function patchMember(
  queryClient: QueryClient,
  orgId: string,
  memberId: string,
  fn: (member: Member) => Member | null,
): void {
  for (const [key, data] of queryClient.getQueriesData<Pages<Member>>({ queryKey: seatkitKeys.memberLists(orgId) })) {
    const filters = listFilters(key);
    const next = mapPages(data, (member) => {
      if (member.id !== memberId) return member;
      const patched = fn(member);
      return patched && matches(patched, filters) ? patched : null;
    });
    if (next !== data) queryClient.setQueryData(key, next);
  }
  const detailKey = seatkitKeys.member(orgId, memberId);
  const detail = queryClient.getQueryData<Member>(detailKey);
  if (detail) {
    const patched = fn(detail);
    if (patched) queryClient.setQueryData(detailKey, patched);
    else queryClient.removeQueries({ queryKey: detailKey, exact: true });
  }
}

/** Finds a member in the cache (detail first, then any list page). */
export function findCachedMember(queryClient: QueryClient, orgId: string, memberId: string): Member | undefined {
  const detail = queryClient.getQueryData<Member>(seatkitKeys.member(orgId, memberId));
  if (detail) return detail;
  for (const [, data] of queryClient.getQueriesData<Pages<Member>>({ queryKey: seatkitKeys.memberLists(orgId) })) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((m) => m.id === memberId);
      if (found) return found;
    }
  }
  return undefined;
}

/** Effective permissions after a role or grant change, from the cached roles (unchanged if roles are not cached). */
export function recomputePermissions(queryClient: QueryClient, orgId: string, member: Member): Member {
  const roles = queryClient.getQueryData<{ items: Role[] }>(seatkitKeys.roles(orgId));
  const role = roles?.items.find((r) => r.key === member.role);
  if (!role) return member;
  return { ...member, permissions: effectivePermissions(role.permissions, member.grants) };
}

/** Puts the server's copy of an invitation in place of the cached one, in every invitation list. */
export function replaceInvitation(queryClient: QueryClient, invitation: Invitation): void {
  queryClient.setQueriesData<Pages<Invitation>>({ queryKey: seatkitKeys.invitations(invitation.orgId) }, (data) =>
    mapPages(data, (item) => (item.id === invitation.id ? invitation : item)),
  );
}

/** Adjusts one subscription's seat counts (assigned, and reserved) in the cached subscription list. */
export function patchSubscriptionCounts(
  queryClient: QueryClient,
  orgId: string,
  subscriptionId: string,
  assignedDelta: number,
  reservedDelta = 0,
): void {
  queryClient.setQueryData<{ items: Subscription[] }>(seatkitKeys.subscriptions(orgId), (data) =>
    data
      ? {
          ...data,
          items: data.items.map((s) =>
            s.id === subscriptionId
              ? {
                  ...s,
                  seats: {
                    ...s.seats,
                    assigned: s.seats.assigned + assignedDelta,
                    reserved: s.seats.reserved + reservedDelta,
                    available: s.seats.available - assignedDelta - reservedDelta,
                  },
                }
              : s,
          ),
        }
      : data,
  );
}
