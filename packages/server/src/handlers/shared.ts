import { LIMITS, type Permission } from '@seatkit/core/contract';
import type { HandlerContext } from '../context.js';
import { ApiError, validationFailed } from '../errors.js';
import { loadRole, memberPermissions } from '../repo.js';
import { decodeCursor } from '../util.js';

export const pageLimit = (limit: string | undefined) => (limit ? Number(limit) : LIMITS.pageSizeDefault);

/** Decodes a cursor or fails with `validation_failed` (a cursor from another list or tampered with). */
export function cursorValues(cursor: string | undefined, arity: number): unknown[] | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor);
  if (!values || values.length !== arity || values.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
    throw validationFailed([{ path: ['cursor'], message: 'Invalid cursor', code: 'invalid_cursor' }]);
  }
  return values;
}

/** The role must exist in this org; `owner` is never given out except by transfer. */
export async function assertAssignableRole(ctx: HandlerContext, orgId: string, role: string, path: (string | number)[]) {
  if (role === 'owner') {
    throw validationFailed(
      [{ path, message: 'The owner role moves only by an ownership transfer', code: 'owner_role' }],
    );
  }
  const found = await loadRole(ctx.db, orgId, role);
  if (!found) throw validationFailed([{ path, message: `Unknown role "${role}"`, code: 'unknown_role' }]);
  return found;
}

/** A caller can hand out only permissions it holds itself (no escalation through grants). */
export function assertCanGrant(ctx: HandlerContext, grants: readonly Permission[] | undefined) {
  if (!grants?.length || !ctx.member) return;
  const held = memberPermissions(ctx.member);
  const missing = grants.find((p) => !held.includes(p));
  if (missing) {
    throw new ApiError('forbidden', `You cannot grant the "${missing}" permission because you do not hold it`, { permission: missing });
  }
}

export const fullName = (row: { first_name: string; last_name: string }) => `${row.first_name} ${row.last_name}`.trim();
