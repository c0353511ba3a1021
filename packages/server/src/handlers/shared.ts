import { LIMITS, type Permission } from '@seatkit/core/contract';
import type { HandlerContext } from '../context.js';
import { ApiError, validationFailed } from '../errors.js';
import { loadRole, memberPermissions } from '../repo.js';
import { findUnstorable } from '../input-guard.js';
import { decodeCursor } from '../util.js';

export const pageLimit = (limit: string | undefined) => (limit ? Number(limit) : LIMITS.pageSizeDefault);

/** Decodes a cursor or fails with `validation_failed` (a cursor from another list or tampered with). */
export function cursorValues(cursor: string | undefined, arity: number): unknown[] | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor);
  if (!values || values.length !== arity || values.some((v) => (typeof v !== 'string' && typeof v !== 'number') || (typeof v === 'string' && findUnstorable(v) !== null))) {
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
  assertCanGiveRole(ctx, found);
  return found;
}

/**
 * Giving a role hands out its permissions: the caller must hold every one of them (otherwise a custom role with
 * `members:update` or `members:invite` could make itself, or an accomplice, an admin).
 */
export function assertCanGiveRole(ctx: HandlerContext, role: { key: string; permissions: readonly Permission[] }) {
  if (!ctx.member) return;
  const held = memberPermissions(ctx.member);
  const missing = role.permissions.find((p) => !held.includes(p));
  if (missing) {
    throw new ApiError('forbidden', `You cannot give the role "${role.key}": it has the "${missing}" permission, which you do not hold`, { permission: missing });
  }
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

const HOUR_MS = 3600_000;
const INVITE_ACTIONS = ['invitation.created', 'invitation.resent', 'member.added'];

/**
 * Caps emails to new people per rolling hour, counted from the audit trail (shared by every instance,
 * so no in-memory state). Checked before a request writes anything, under per-org and per-caller advisory locks.
 */
export async function assertInvitationRate(ctx: HandlerContext, requested: number) {
  const limits = ctx.settings.rateLimits;
  if (!limits || !ctx.org || !ctx.user) return;
  // Serialize the check per organization, then per caller (always in that order), until commit: otherwise concurrent
  // requests each count the others' uncommitted invitations as zero and all pass (N batches over the limit, not one).
  await ctx.db.query(`select pg_advisory_xact_lock(hashtext('seatkit:invite-rate:org:' || $1::text)::bigint)`, [ctx.org.id]);
  await ctx.db.query(`select pg_advisory_xact_lock(hashtext('seatkit:invite-rate:caller:' || $1::text)::bigint)`, [ctx.user.email]);
  const since = new Date(ctx.now.getTime() - HOUR_MS);
  const { rows } = await ctx.db.query<{ org_count: number; caller_count: number; org_oldest: Date | null; caller_oldest: Date | null }>(
    `select (select count(*)::int from audit_events where org_id = $1 and action = any($3::text[]) and created_at > $4) as org_count,
            (select min(created_at) from audit_events where org_id = $1 and action = any($3::text[]) and created_at > $4) as org_oldest,
            (select count(*)::int from audit_events where actor_email = $2 and action = any($3::text[]) and created_at > $4) as caller_count,
            (select min(created_at) from audit_events where actor_email = $2 and action = any($3::text[]) and created_at > $4) as caller_oldest`,
    [ctx.org.id, ctx.user.email, INVITE_ACTIONS, since],
  );
  const r = rows[0]!;
  const check = (count: number, limit: number, oldest: Date | null, scope: string) => {
    if (count + requested <= limit) return;
    const retryAfter = oldest ? Math.max(1, Math.ceil((new Date(oldest).getTime() + HOUR_MS - ctx.now.getTime()) / 1000)) : 3600;
    throw new ApiError(
      'rate_limited',
      `Too many invitations ${scope}: at most ${limit} per hour (${Math.max(0, limit - count)} left). Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
      { limit, remaining: Math.max(0, limit - count), retryAfterSeconds: retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  };
  check(r.caller_count, limits.invitationsPerCallerPerHour, r.caller_oldest, 'from you');
  check(r.org_count, limits.invitationsPerOrgPerHour, r.org_oldest, 'for this organization');
}
