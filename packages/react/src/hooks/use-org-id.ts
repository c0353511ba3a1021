'use client';

import { useSeatKit } from '../provider.js';

/** The organization a hook works on: an explicit `orgId` option, else the provider's current one. */
export function useOrgId(override?: string | null): string | null {
  const { orgId } = useSeatKit();
  return override ?? orgId;
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
