import {
  BUILT_IN_ROLE_NAMES,
  BUILT_IN_ROLE_PERMISSIONS,
  BUILT_IN_ROLES,
  canHandOutSeats,
  effectivePermissions,
  isBuiltInRole,
  type Invitation,
  type Member,
  type Permission,
  type ReclaimPolicy,
  type Role,
  type Subscription,
} from '@seatkit/core/contract';
import type { Queryable } from './db/database.js';
import { notFound } from './errors.js';
import { iso, isoRequired } from './util.js';

// Row shapes as the SQL below selects them.
export interface MemberRow {
  id: string;
  org_id: string;
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  grants: string[];
  status: 'active' | 'suspended';
  invited_by: string | null;
  created_at: Date;
  last_active_at: Date | null;
  role_permissions: string[] | null;
  subscription_ids: string[];
}

export interface OrgRow {
  id: string;
  name: string;
  owner_member_id: string;
  /** The language of its emails (see `SUPPORTED_LOCALES`); `en` unless provisioned or changed otherwise. */
  locale: string;
  created_at: Date;
}

export interface UserRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
}

/** Selects members with their role's permissions and seat ids in one statement (no N+1). */
export const MEMBER_SELECT = `
  select m.id, m.org_id, m.user_id, m.email, m.first_name, m.last_name, m.role, m.grants, m.status,
         m.invited_by, m.created_at, m.last_active_at, m.sort_name,
         r.permissions as role_permissions,
         coalesce((select array_agg(sa.subscription_id order by sa.subscription_id)
                     from seat_assignments sa where sa.member_id = m.id), '{}') as subscription_ids
    from members m
    left join roles r on r.org_id = m.org_id and r.key = m.role`;

export function rolePermissions(role: string, custom: readonly string[] | null | undefined): readonly string[] {
  return isBuiltInRole(role) ? BUILT_IN_ROLE_PERMISSIONS[role] : (custom ?? []);
}

export function memberPermissions(row: Pick<MemberRow, 'role' | 'grants' | 'role_permissions'>): Permission[] {
  return effectivePermissions(rolePermissions(row.role, row.role_permissions), row.grants ?? []);
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    permissions: memberPermissions(row),
    grants: effectivePermissions([], row.grants ?? []),
    status: row.status,
    subscriptionIds: row.subscription_ids ?? [],
    createdAt: isoRequired(row.created_at),
    lastActiveAt: iso(row.last_active_at),
    invitedBy: row.invited_by,
  };
}

export async function loadMember(db: Queryable, orgId: string, memberId: string, lock = false): Promise<MemberRow | null> {
  const { rows } = await db.query<MemberRow>(
    `${MEMBER_SELECT} where m.org_id = $1 and m.id = $2${lock ? ' for update of m' : ''}`,
    [orgId, memberId],
  );
  return rows[0] ?? null;
}

export async function requireMember(db: Queryable, orgId: string, memberId: string, lock = false): Promise<MemberRow> {
  const row = await loadMember(db, orgId, memberId, lock);
  if (!row) throw notFound('Member');
  return row;
}

export async function loadOrg(db: Queryable, orgId: string, lock = false): Promise<OrgRow | null> {
  const { rows } = await db.query<OrgRow>(`select * from organizations where id = $1${lock ? ' for update' : ''}`, [orgId]);
  return rows[0] ?? null;
}

export function toOrganization(row: OrgRow) {
  return { id: row.id, name: row.name, ownerMemberId: row.owner_member_id, locale: row.locale, createdAt: isoRequired(row.created_at) };
}

/** Finds or creates the user for an email (keyed by the lower-cased, trimmed address). */
export async function upsertUser(db: Queryable, email: string, names: { firstName?: string; lastName?: string } = {}): Promise<UserRow> {
  // Every signed-in request comes through here. An upsert's DO UPDATE writes a new row version even when nothing
  // changes (a dead tuple and WAL per request, and a row lock); so the row is read first, in the same statement, and
  // written only when it is missing or a blank name can be filled in.
  const { rows } = await db.query<UserRow>(
    `with found as (select id, email, first_name, last_name from users where email = $1),
     written as (
       insert into users (email, first_name, last_name)
       select $1::text, $2::text, $3::text
        where not exists (select 1 from found f where (f.first_name <> '' or $2::text = '') and (f.last_name <> '' or $3::text = ''))
       on conflict (email) do update set
         first_name = case when users.first_name = '' then excluded.first_name else users.first_name end,
         last_name = case when users.last_name = '' then excluded.last_name else users.last_name end
       returning id, email, first_name, last_name
     )
     select * from written union all select * from found where not exists (select 1 from written)`,
    [email, names.firstName ?? '', names.lastName ?? ''],
  );
  return rows[0]!;
}

// ---------------------------------------------------------------- roles

export interface RoleRow {
  key: string;
  name: string;
  permissions: string[];
}

/** A role's display name: the built-in name, else the custom role's own (`customName`), else the key. */
export function roleName(key: string, customName: string | null | undefined): string {
  return isBuiltInRole(key) ? BUILT_IN_ROLE_NAMES[key] : (customName ?? key);
}

export function builtInRoles(): Role[] {
  return BUILT_IN_ROLES.map((key) => ({
    key,
    name: BUILT_IN_ROLE_NAMES[key],
    permissions: [...BUILT_IN_ROLE_PERMISSIONS[key]],
    builtIn: true,
  }));
}

export async function loadRole(db: Queryable, orgId: string, key: string): Promise<Role | null> {
  if (isBuiltInRole(key)) return builtInRoles().find((r) => r.key === key) ?? null;
  const { rows } = await db.query<RoleRow>(`select key, name, permissions from roles where org_id = $1 and key = $2`, [orgId, key]);
  const row = rows[0];
  return row ? { key: row.key, name: row.name, permissions: effectivePermissions(row.permissions), builtIn: false } : null;
}

// ---------------------------------------------------------------- invitations

export interface InvitationRow {
  id: string;
  org_id: string;
  email: string;
  role: string;
  first_name: string | null;
  last_name: string | null;
  grants: string[];
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  expires_at: Date;
  created_at: Date;
  invited_by: string | null;
  accepted_at: Date | null;
  seq: string | number;
  subscription_ids: string[];
}

export const INVITATION_SELECT = `
  select i.id, i.org_id, i.email, i.role, i.first_name, i.last_name, i.grants, i.status, i.expires_at,
         i.created_at, i.invited_by, i.accepted_at, i.seq,
         coalesce((select array_agg(sr.subscription_id order by sr.subscription_id)
                     from seat_reservations sr where sr.invitation_id = i.id), '{}') as subscription_ids
    from invitations i`;

/** One invitation of an organization (`lock`: `FOR UPDATE` first, so its status cannot change until commit). */
export async function loadInvitation(db: Queryable, orgId: string, id: string, lock = false): Promise<InvitationRow | null> {
  if (lock) await db.query(`select id from invitations where org_id = $1 and id = $2 for update`, [orgId, id]);
  const { rows } = await db.query<InvitationRow>(`${INVITATION_SELECT} where i.org_id = $1 and i.id = $2`, [orgId, id]);
  return rows[0] ?? null;
}

/** A pending invitation past its expiry is reported as `expired` (the row is updated lazily). */
export function invitationStatus(row: Pick<InvitationRow, 'status' | 'expires_at'>, now: Date): Invitation['status'] {
  if (row.status === 'pending' && new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return row.status;
}

export function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    role: row.role,
    firstName: row.first_name,
    lastName: row.last_name,
    permissions: effectivePermissions([], row.grants ?? []),
    subscriptionIds: row.subscription_ids ?? [],
    status: invitationStatus(row, now),
    expiresAt: isoRequired(row.expires_at),
    createdAt: isoRequired(row.created_at),
    invitedBy: row.invited_by,
    acceptedAt: iso(row.accepted_at),
  };
}

// ---------------------------------------------------------------- subscriptions

export interface SubscriptionRow {
  id: string;
  org_id: string;
  product_id: string;
  product_key: string;
  product_name: string;
  seat_limit: number;
  status: 'active' | 'past_due' | 'canceled';
  expires_at: Date | null;
  assigned: number;
  reserved: number;
  /** Absent where a row was built without them (a seat claim's subscription): read as no policy. */
  reclaim_idle_days?: number | null;
  reclaim_warn_days?: number | null;
}

/**
 * The seats assigned of the subscription whose id is the SQL expression `subscriptionId`: the sum of the counts the
 * triggers of migration 022 keep (a count(*) read every seat held).
 */
export const seatsAssignedSql = (subscriptionId: string) =>
  `(select coalesce(sum(c.assigned), 0)::int from seat_counts c where c.subscription_id = ${subscriptionId})`;

/**
 * Subscriptions with their seat counts: seats assigned (`seatsAssignedSql`), and reservations counted, only while their
 * invitation is pending and unexpired.
 */
export const SUBSCRIPTION_SELECT = `
  select s.id, s.org_id, s.product_id, p.key as product_key, p.name as product_name, s.seat_limit, s.status, s.expires_at,
         s.reclaim_idle_days, s.reclaim_warn_days,
         ${seatsAssignedSql('s.id')} as assigned,
         (select count(*)::int from seat_reservations sr join invitations i on i.id = sr.invitation_id
           where sr.subscription_id = s.id and i.status = 'pending' and i.expires_at > $1) as reserved
    from subscriptions s join products p on p.id = s.product_id`;

export function toSubscription(row: SubscriptionRow): Subscription {
  const assigned = Number(row.assigned);
  const reserved = Number(row.reserved);
  return {
    id: row.id,
    orgId: row.org_id,
    product: { id: row.product_id, key: row.product_key, name: row.product_name },
    seatLimit: Number(row.seat_limit),
    status: row.status,
    expiresAt: iso(row.expires_at),
    seats: { total: Number(row.seat_limit), assigned, reserved, available: Math.max(0, Number(row.seat_limit) - assigned - reserved) },
    reclaimPolicy: reclaimPolicyOf(row),
  };
}

/** A subscription row's reclaim policy, or `null` when it has none. */
export const reclaimPolicyOf = (row: Pick<SubscriptionRow, 'reclaim_idle_days' | 'reclaim_warn_days'>): ReclaimPolicy | null =>
  row.reclaim_idle_days == null ? null : { idleDays: Number(row.reclaim_idle_days), warnDays: Number(row.reclaim_warn_days ?? 0) };

/**
 * A subscription of the organization without its seat counts (its reservations are counted row by row), for routes
 * that need only that it exists and its product.
 */
export async function findSubscription(db: Queryable, orgId: string, subscriptionId: string): Promise<{ id: string; product_key: string } | null> {
  const { rows } = await db.query<{ id: string; product_key: string }>(
    `select s.id, p.key as product_key from subscriptions s join products p on p.id = s.product_id where s.org_id = $1 and s.id = $2`,
    [orgId, subscriptionId],
  );
  return rows[0] ?? null;
}

export async function loadSubscription(db: Queryable, orgId: string, subscriptionId: string, now: Date): Promise<SubscriptionRow | null> {
  const { rows } = await db.query<SubscriptionRow>(`${SUBSCRIPTION_SELECT} where s.org_id = $2 and s.id = $3`, [now, orgId, subscriptionId]);
  return rows[0] ?? null;
}

/**
 * The columns of `audit_events` a handler writes when it records many events in one statement, in the order of
 * `recordAudit`'s (pipeline/audit.ts) insert: same actor, request and time for every event of a request.
 */
export const AUDIT_INSERT_COLUMNS = 'org_id, actor_member_id, actor_email, action, target_type, target_id, data, request_id, created_at';

/**
 * Locks subscription rows (in id order, so two transactions never wait on each other in a cycle) and
 * returns their current counts. The lock is what keeps `assigned + reserved <= seatLimit` under concurrency.
 * It also deletes their seat tokens (migration 019): what the caller does next may take seats by the counts, and no
 * token may then stand for a seat that is gone. `refillSeatTokens` makes them again; so does the next claim.
 */
export async function lockSubscriptions(db: Queryable, orgId: string, ids: string[], now: Date): Promise<Map<string, SubscriptionRow>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return new Map();
  await db.query(`select id from subscriptions where org_id = $1 and id = any($2::text[]) order by id for update`, [orgId, unique]);
  // After the lock, in a snapshot of its own: tokens a claim that held the lock made before its commit are deleted too.
  const { rows } = await db.query<SubscriptionRow>(
    `with voided as (delete from seat_tokens where subscription_id in (select id from subscriptions where org_id = $2 and id = any($3::text[]))) ${SUBSCRIPTION_SELECT} where s.org_id = $2 and s.id = any($3::text[])`,
    [now, orgId, unique],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Sets the seat tokens of subscription `id` from its counts (migration 019): none when core's policy says it hands out
 * nothing. The caller holds its row lock (`lockSubscriptions`), or has just created it.
 */
export async function refillSeatTokens(db: Queryable, id: string, now: Date): Promise<void> {
  const { rows } = await db.query<{ status: SubscriptionRow['status']; expires_at: Date | null }>(`select status, expires_at from subscriptions where id = $1`, [id]);
  const row = rows[0];
  if (!row) return;
  await db.query(`select seatkit_refill_seat_tokens($1, $2, $3)`, [id, now, canHandOutSeats({ status: row.status, expiresAt: row.expires_at }, now).allowed]);
}
