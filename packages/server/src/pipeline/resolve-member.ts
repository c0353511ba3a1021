import type { RouteDef } from '@seatkit/core/contract';
import type { Queryable } from '../db/database.js';
import { notFound } from '../errors.js';
import { loadOrg, MEMBER_SELECT, type MemberRow, type OrgRow, type UserRow } from '../repo.js';
import { authorize } from './authorize.js';

/** How a route treats callers who are not active members (see `TenancyOptions`). */
export interface Tenancy {
  notMemberAnswer?: unknown;
  allowSuspended?: boolean;
}

export type Resolved = { member: MemberRow | null; org: OrgRow | null } | { answer: unknown };

/** `last_active_at` is written at most this often per member, so reads stay reads. */
export const LAST_ACTIVE_INTERVAL_MS = 5 * 60_000;

/**
 * Stage "resolve member" (tenancy): the caller's membership and the organization of a path with `:orgId`. Outside
 * the organization (or suspended in it) the organization does not exist for the caller: 404, unless the route's
 * tenancy gives non-members an answer or lets suspended members through.
 *
 * @example
 * const resolved = await resolveMember(db, routes.getMember, { orgId }, user);
 */
export async function resolveMember(
  db: Queryable,
  def: RouteDef,
  params: Record<string, string>,
  user: UserRow | null,
  tenancy: Tenancy = {},
): Promise<Resolved> {
  if (params.orgId === undefined) return { member: null, org: null };
  let member: MemberRow | null = null;
  if (def.auth === 'user') {
    const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} where m.org_id = $1 and m.user_id = $2`, [params.orgId, user!.id]);
    member = rows[0] ?? null;
    // Given before the organization is loaded: the same answer whether it exists or not, so it reveals nothing.
    if (!member && tenancy.notMemberAnswer !== undefined) return { answer: tenancy.notMemberAnswer };
    if (!member || (member.status !== 'active' && !tenancy.allowSuspended)) throw notFound('Organization');
  }
  const org = await loadOrg(db, params.orgId);
  if (!org) throw notFound('Organization');
  return { member, org };
}

/** Stage "resolve member" (activity): records an active member's last request, at most every few minutes. */
export async function touchLastActive(db: Queryable, member: MemberRow | null, now: Date): Promise<void> {
  if (!member || member.status !== 'active') return;
  const last = member.last_active_at ? new Date(member.last_active_at).getTime() : 0;
  if (now.getTime() - last > LAST_ACTIVE_INTERVAL_MS) {
    await db.query(`update members set last_active_at = $2 where id = $1`, [member.id, now]);
  }
}

/**
 * The caller's membership as of a mutation's transaction, authorized again: a request racing the caller's removal,
 * suspension or demotion must not act on the copy read before it began (that was a 500 from a foreign key). Not
 * locked: a lock here, taken before the handlers' organization lock, deadlocks with ownership transfers.
 */
export async function refreshMember(tx: Queryable, def: RouteDef, member: MemberRow): Promise<MemberRow> {
  const { rows } = await tx.query<MemberRow>(`${MEMBER_SELECT} where m.id = $1`, [member.id]);
  const fresh = rows[0];
  if (!fresh || fresh.status !== 'active') throw notFound('Organization');
  authorize(def, fresh);
  return fresh;
}
