'use client';

import type { Membership } from '@seatkit/core';
import { useCallback, useEffect, useRef } from 'react';
import { useMe } from './use-me.js';

/**
 * The organization a person viewed last is remembered in this browser's `localStorage`, one entry per
 * person (keyed by their email, lower-cased: SeatKit's identity of a user), so signing out and in again,
 * or another person signing in on the same browser, each reopen their own. Storage that throws (private
 * modes, sandboxed frames, a full quota) is treated as empty: nothing is remembered, nothing breaks.
 */
const KEY_PREFIX = 'seatkit:last-organization:';

const keyFor = (email: string) => `${KEY_PREFIX}${email.trim().toLowerCase()}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Reading `localStorage` itself throws where storage is blocked.
    return null;
  }
}

/**
 * The organization `email` viewed last in this browser, as remembered (it may be one they no longer
 * belong to: check it against their memberships, as `useLastOrganization` does). `null` when nothing
 * is remembered or storage is unavailable.
 *
 * @example const orgId = readLastOrganization(session.email);
 */
export function readLastOrganization(email: string): string | null {
  try {
    return storage()?.getItem(keyFor(email)) || null;
  } catch {
    return null;
  }
}

/**
 * Records that `email` is viewing `orgId` in this browser. Does nothing when storage is unavailable.
 *
 * @example rememberLastOrganization(me.user.email, orgId);
 */
export function rememberLastOrganization(email: string, orgId: string): void {
  try {
    storage()?.setItem(keyFor(email), orgId);
  } catch {
    // Unavailable or full: the next sign-in opens the first organization instead.
  }
}

export interface LastOrganizationResult {
  /**
   * The organization to open for the signed-in person: the one they viewed last in this browser while
   * they still belong to it, else their first membership; `null` while `/v1/me` loads or with no membership.
   */
  orgId: string | null;
  /** Whether `orgId` is the remembered one (`false`: the first membership, or still loading). */
  remembered: boolean;
  /** Records that the signed-in person is viewing `orgId` (no-op until `/v1/me` has loaded). */
  remember: (orgId: string) => void;
}

/**
 * The organization the signed-in person viewed last in this browser (see `readLastOrganization`), checked
 * against their memberships. `OrganizationSwitcher` uses it (its `rememberLast` option); use it yourself
 * to pick the organization to open when you control the provider's `orgId`.
 *
 * @example
 * const last = useLastOrganization();
 * useEffect(() => { if (!orgId && last.orgId) setOrgId(last.orgId); }, [orgId, last.orgId]);
 */
export function useLastOrganization(): LastOrganizationResult {
  const me = useMe();
  const email = me.data?.user.email;
  const memberships = me.data?.memberships ?? [];
  const stored = email ? readLastOrganization(email) : null;
  const remembered = stored !== null && memberships.some((m) => m.organization.id === stored);
  const remember = useCallback((orgId: string) => {
    if (email) rememberLastOrganization(email, orgId);
  }, [email]);
  return {
    orgId: remembered ? stored : (memberships[0]?.organization.id ?? null),
    remembered,
    remember,
  };
}

/**
 * Once, when the memberships first load: reopen the organization viewed last if it is not the one in
 * view and the person still belongs to it. Then record every organization in view. Only a remembered
 * organization is switched to: one the person left is not, so a host can still tell them they were removed.
 */
export function useRememberLast(
  enabled: boolean,
  email: string | undefined,
  memberships: Membership[],
  currentId: string | undefined,
  orgId: string | null,
  setOrgId: (orgId: string) => void,
) {
  const restored = useRef(false);
  // The organization being switched to: the one in view is not recorded until it is there.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!enabled || !email) return;
    if (!restored.current) {
      restored.current = true;
      const last = readLastOrganization(email);
      if (last && last !== orgId && memberships.some((m) => m.organization.id === last)) {
        pending.current = last;
        setOrgId(last);
        return;
      }
    }
    if (pending.current && pending.current !== currentId) return;
    pending.current = null;
    if (currentId) rememberLastOrganization(email, currentId);
  }, [enabled, email, memberships, currentId, orgId, setOrgId]);
}
