import {
  canGrant,
  DENIAL_ERROR_CODE,
  LIMITS,
  memberPolicy,
  roleGrantability,
  type MemberAction,
  type MemberDenialReason,
  type Permission,
  type PolicyActor,
  type PolicyTarget,
  type RoleDecision,
} from '@seatkit/core/contract';
import type { HandlerContext } from '../context.js';
import { ApiError, forbidden, validationFailed } from '../errors.js';
import { loadRole, memberPermissions, type MemberRow, type OrgRow } from '../repo.js';
import { findUnstorable } from '../input-guard.js';
import { decodeCursor } from '../util.js';

export const pageLimit = (limit: string | undefined) => (limit ? Number(limit) : LIMITS.pageSizeDefault);

/** Postgres's largest `bigint` (int8). */
const INT8_MAX = 9_223_372_036_854_775_807n;

/** One value of a cursor: the text it stands for, or `null` when it is not of its kind. */
type CursorValue = (value: unknown) => string | null;

const text =
  (maxLength: number): CursorValue =>
  (value) =>
    typeof value === 'string' && value.length <= maxLength && findUnstorable(value) === null ? value : null;

/** A `bigserial` as the server writes it into cursors: decimal text, within int8. */
const bigintText: CursorValue = (value) => (typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX ? value : null);

/**
 * What each list's cursor holds, value by value: a cursor is client input like any other, and a value that is not
 * what the list's SQL compares it with (text for a `bigint`, a number past int8) must be a 400, never a 500.
 */
const CURSOR_SHAPES = {
  /** Invitations and audit events, newest first: `[seq]`. */
  seq: [bigintText],
  /** Members and seat holders, by name then id: `[sortName, id]` (names are at most 100 characters each, ids short). */
  nameId: [text(300), text(200)],
} satisfies Record<string, readonly CursorValue[]>;

export type CursorShape = keyof typeof CURSOR_SHAPES;

/**
 * Decodes a list's cursor and checks it against the list's shape, or fails with `validation_failed`
 * (`invalid_cursor`): a cursor from another list, or tampered with.
 *
 * @example
 * const after = cursorValues(q.cursor, 'seq'); // ['1234'] or null without a cursor
 */
export function cursorValues<S extends CursorShape>(cursor: string | undefined, shape: S): { [K in keyof (typeof CURSOR_SHAPES)[S]]: string } | null {
  if (cursor === undefined) return null;
  const checks: readonly CursorValue[] = CURSOR_SHAPES[shape];
  const values = decodeCursor(cursor);
  const checked = values?.length === checks.length ? values.map((value, i) => checks[i]!(value)) : null;
  if (!checked || checked.includes(null)) {
    throw validationFailed([{ path: ['cursor'], message: 'Invalid cursor', code: 'invalid_cursor' }]);
  }
  return checked as { [K in keyof (typeof CURSOR_SHAPES)[S]]: string };
}

/**
 * The caller as the policy sees it. The organization row decides who the owner is, not the caller's member row:
 * handlers lock and re-read the organization, while `ctx.member` was read before the lock. A caller whose row
 * still says `owner` after a transfer committed meanwhile is what the transfer made it, an admin.
 */
export function policyActor(ctx: HandlerContext): PolicyActor | null {
  if (!ctx.member) return null;
  const isOwner = ctx.org?.owner_member_id === ctx.member.id;
  const role = isOwner ? 'owner' : ctx.member.role === 'owner' ? 'admin' : ctx.member.role;
  return { id: ctx.member.id, role, permissions: memberPermissions(ctx.member) };
}

/** A member row as the policy sees it (see `policyActor`). */
export const policyTarget = (org: Pick<OrgRow, 'owner_member_id'>, row: Pick<MemberRow, 'id' | 'role' | 'status'>): PolicyTarget => ({
  id: row.id,
  role: org.owner_member_id === row.id ? 'owner' : row.role,
  status: row.status,
});

// The server's sentence for each refusal; the code comes from the policy (DENIAL_ERROR_CODE).
const REFUSAL_MESSAGES: Partial<Record<`${MemberAction}:${MemberDenialReason}`, string>> = {
  'remove:target_is_owner': 'The owner cannot be removed; transfer ownership to another member first',
  'remove:admin_needs_owner': 'Only the owner can remove an admin',
  'changeRole:target_is_owner': 'The owner keeps the owner role until ownership is transferred to another member',
  'changeRole:admin_needs_owner': 'Only the owner can change the role of an admin',
  'changeStatus:target_is_owner': 'The owner cannot be suspended',
  'changeStatus:admin_needs_owner': 'Only the owner can suspend or reactivate an admin',
  'changeStatus:self_status': 'You cannot change your own status',
  'changeGrants:admin_needs_owner': 'Only the owner can change the permissions of an admin',
  'changeEmail:owner_needs_owner': "Only the owner can change the owner's email",
  'changeEmail:admin_needs_owner': "Only the owner can change an admin's email",
  'transferOwnership:not_owner': 'Only the owner can transfer ownership',
  'transferOwnership:target_not_active': 'Ownership can only go to an active member',
};

// Refusals answered as `validation_failed`: the field the issue points at and its issue code.
const REFUSAL_ISSUES: Partial<Record<MemberDenialReason, { path: string; code: string }>> = {
  self_status: { path: 'status', code: 'self_status' },
  target_not_active: { path: 'memberId', code: 'member_suspended' },
};

/** Throws the server's error for what the policy refuses `ctx`'s caller to do to `target`. */
export function assertMemberPolicy(ctx: HandlerContext, target: PolicyTarget, action: MemberAction) {
  const decision = memberPolicy(policyActor(ctx), target, action);
  if (decision.allowed) return;
  if (decision.reason === 'missing_permission') throw forbidden(decision.permission);
  const message = REFUSAL_MESSAGES[`${action}:${decision.reason}`] ?? `You cannot ${action} this member (${decision.reason})`;
  const issue = REFUSAL_ISSUES[decision.reason];
  if (issue) throw validationFailed([{ path: [issue.path], message, code: issue.code }]);
  throw new ApiError(DENIAL_ERROR_CODE[decision.reason], message);
}

/**
 * The role must exist in this org; `owner` is never given out except by transfer; giving a role hands out its
 * permissions, so the caller must hold every one of them (otherwise a custom role with `members:update` or
 * `members:invite` could make itself, or an accomplice, an admin).
 */
export async function assertAssignableRole(ctx: HandlerContext, orgId: string, role: string, path: (string | number)[]) {
  // Told before the lookup: `owner` exists in every organization but is never given this way.
  if (role === 'owner') throwRoleRefusal({ key: role }, { allowed: false, reason: 'owner_role' }, path);
  const found = await loadRole(ctx.db, orgId, role);
  if (!found) throw validationFailed([{ path, message: `Unknown role "${role}"`, code: 'unknown_role' }]);
  throwRoleRefusal(found, roleGrantability(policyActor(ctx), found), path);
  return found;
}

function throwRoleRefusal(role: { key: string }, decision: RoleDecision, path: (string | number)[]) {
  if (decision.allowed) return;
  if (decision.reason === 'owner_role') {
    throw validationFailed([{ path, message: 'The owner role moves only by an ownership transfer', code: 'owner_role' }]);
  }
  const missing = decision.permission;
  throw new ApiError('forbidden', `You cannot give the role "${role.key}": it has the "${missing}" permission, which you do not hold`, { permission: missing });
}

/** A caller can hand out only permissions it holds (no escalation through grants). */
export function assertCanGrant(ctx: HandlerContext, grants: readonly Permission[] | undefined) {
  const decision = canGrant(policyActor(ctx), grants);
  if (decision.allowed) return;
  const missing = decision.permission;
  throw new ApiError('forbidden', `You cannot grant the "${missing}" permission because you do not hold it`, { permission: missing });
}

export const fullName = (row: { first_name: string; last_name: string }) => `${row.first_name} ${row.last_name}`.trim();

const HOUR_MS = 3600_000;
// A seat request emails the organization's admins, so it counts as well.
const INVITE_ACTIONS = ['invitation.created', 'invitation.resent', 'member.added', 'seat_request.created'];

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
