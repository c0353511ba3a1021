'use client';

import { useSeatKit } from '../provider.js';

/** The organization a hook works on: an explicit `orgId` option, else the provider's current one. */
export function useOrgId(override?: string | null): string | null {
  const { orgId } = useSeatKit();
  return override ?? orgId;
}

/**
 * What every read hook of an organization starts from: the client, the organization (`''` until one is
 * known) and whether to fetch: an organization is known, so is every id in `required`, and the host has
 * not held the request with `enabled: false`.
 */
export function useOrgRead(options: SeatKitQueryHookOptions, ...required: readonly unknown[]) {
  const { client } = useSeatKit();
  const orgId = useOrgId(options.orgId);
  return { client, orgId: orgId ?? '', enabled: Boolean(orgId) && required.every(Boolean) && (options.enabled ?? true) };
}

/** Shared options of the read hooks. */
export interface SeatKitQueryHookOptions {
  /** Another organization than the provider's current one. */
  orgId?: string | null;
  /** `false` to hold the request (e.g. while a dialog is closed). @default true */
  enabled?: boolean;
}

export function missingOrgId(): never {
  throw new Error(
    'No SeatKit organization is selected: pass `orgId` to <SeatKitProvider> (or to the hook) before calling this mutation.',
  );
}
