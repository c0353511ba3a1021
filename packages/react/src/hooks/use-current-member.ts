'use client';

import type { Member, Permission } from '@seatkit/core';
import { can } from '@seatkit/core';
import { useMe } from './use-me.js';
import { useOrgId } from './use-org-id.js';

/**
 * The caller's membership in the current organization (role, effective permissions), from `/v1/me`.
 * `member` is `undefined` while loading and `null` when the caller is not a member.
 */
export function useCurrentMember(options: { orgId?: string | null } = {}) {
  const orgId = useOrgId(options.orgId);
  const me = useMe();
  const member: Member | null | undefined = me.data
    ? (me.data.memberships.find((m) => m.organization.id === orgId)?.member ?? null)
    : undefined;
  return { member, isPending: me.isPending, error: me.error, refetch: me.refetch };
}

/** The caller's effective permissions in the current organization (`[]` while loading). */
export function usePermissions(options: { orgId?: string | null } = {}): readonly Permission[] {
  const { member } = useCurrentMember(options);
  return member?.permissions ?? [];
}

/**
 * Whether the caller holds a permission in the current organization; `false` while loading.
 * The server checks again on every request: this only decides what the UI offers.
 *
 * @example const canInvite = useCan('members:invite');
 */
export function useCan(permission: Permission, options: { orgId?: string | null } = {}): boolean {
  return can(usePermissions(options), permission);
}
