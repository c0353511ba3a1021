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

/**
 * Activity stamps waiting to be written: the newest request time per member. Requests only note the time in memory;
 * the jobs write them in one statement per tick, so a read never writes and a member's row is written at most once
 * per {@link LAST_ACTIVE_INTERVAL_MS}.
 */
export class LastActiveBuffer {
  private readonly pending = new Map<string, Date>();

  note(memberId: string, at: Date): void {
    this.pending.set(memberId, at);
  }

  /** Writes the noted stamps (each only forward in time); a failed write keeps them for the next flush. */
  async flush(db: Queryable): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = [...this.pending];
    this.pending.clear();
    try {
      await db.query(
        `update members m set last_active_at = v.at
           from (select unnest($1::text[]) as id, unnest($2::timestamptz[]) as at) v
          where m.id = v.id and (m.last_active_at is null or m.last_active_at < v.at)`,
        [batch.map(([id]) => id), batch.map(([, at]) => at)],
      );
    } catch (error) {
      for (const [id, at] of batch) if (!this.pending.has(id)) this.pending.set(id, at);
      throw error;
    }
    return batch.length;
  }
}

/** Stage "resolve member" (activity): notes an active member's request, at most every few minutes; nothing is written here. */
export function touchLastActive(buffer: LastActiveBuffer, member: MemberRow | null, now: Date): void {
  if (!member || member.status !== 'active') return;
  const last = member.last_active_at ? new Date(member.last_active_at).getTime() : 0;
  if (now.getTime() - last > LAST_ACTIVE_INTERVAL_MS) buffer.note(member.id, now);
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
