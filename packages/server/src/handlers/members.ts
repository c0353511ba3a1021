import { canHandOutSeats, type SubscriptionStatus } from '@seatkit/core/contract';
import { defineHandler, requireMemberCtx, requireOrgCtx, type HandlerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { removalEmail, welcomeEmail } from '../mail.js';
import { MEMBER_SELECT, requireMember, toMember, upsertUser, type MemberRow, type OrgRow } from '../repo.js';
import { encodeCursor, likeEscape } from '../util.js';
import { assertAssignableRole, assertCanGrant, assertInvitationRate, assertMemberPolicy, cursorValues, pageLimit, policyTarget } from './shared.js';

export const listMembers = defineHandler('listMembers', async (ctx) => {
  const q = ctx.query;
  const org = requireOrgCtx(ctx);
  const limit = pageLimit(q.limit);
  const where = ['m.org_id = $1'];
  const params: unknown[] = [org.id];
  const search = q.query?.trim().toLowerCase();
  if (search) {
    params.push(`%${likeEscape(search)}%`);
    where.push(`m.search_text like $${params.length} escape '\\'`);
  }
  if (q.role) {
    params.push(q.role);
    where.push(`m.role = $${params.length}`);
  }
  if (q.status) {
    params.push(q.status);
    where.push(`m.status = $${params.length}`);
  }
  const after = cursorValues(q.cursor, 'nameId');
  if (after) {
    params.push(String(after[0]), String(after[1]));
    where.push(`(m.sort_name, m.id) > ($${params.length - 1}, $${params.length})`);
  }
  params.push(limit + 1);
  const { rows } = await ctx.db.query<MemberRow & { sort_name: string }>(
    `${MEMBER_SELECT} where ${where.join(' and ')} order by m.sort_name, m.id limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toMember),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sort_name, last.id]) : null,
  };
});

export const getMember = defineHandler('getMember', async (ctx) => {
  return toMember(await requireMember(ctx.db, requireOrgCtx(ctx).id, ctx.params.memberId));
});

export const addMember = defineHandler('addMember', async (ctx) => {
  const body = ctx.body;
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const role = await assertAssignableRole(ctx, org.id, body.role, ['role']);
  assertCanGrant(ctx, body.permissions);
  await assertInvitationRate(ctx, 1);
  const user = await upsertUser(ctx.db, body.email, body);
  const inserted = await ctx.db.query<{ id: string }>(
    `insert into members (org_id, user_id, email, first_name, last_name, role, grants, invited_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (org_id, user_id) do nothing returning id`,
    [org.id, user.id, user.email, body.firstName, body.lastName, role.key, body.permissions ?? [], caller.id, ctx.now],
  );
  const memberId = inserted.rows[0]?.id;
  if (!memberId) throw new ApiError('already_member', `${body.email} is already a member of ${org.name}`, { email: body.email });

  // A pending invitation for the same person is fulfilled by the direct add: its reserved seats become theirs.
  const pending = await ctx.db.query<{ id: string }>(
    `update invitations set status = 'accepted', accepted_at = $3
      where org_id = $1 and email = $2 and status = 'pending' and expires_at > $3 returning id`,
    [org.id, user.email, ctx.now],
  );
  for (const inv of pending.rows) await convertReservations(ctx, inv.id, memberId);

  await ctx.audit({ action: 'member.added', targetType: 'member', targetId: memberId, data: { email: user.email, role: role.key } });
  await ctx.email(
    'welcome',
    welcomeEmail({ to: user.email, orgName: org.name, firstName: body.firstName, lastName: body.lastName, role: role.name, appUrl: ctx.settings.appUrl }),
  );
  return toMember(await requireMember(ctx.db, org.id, memberId));
});

/**
 * Turns an invitation's reservations into seat assignments of `memberId`: the seats were already counted, so no second
 * seat is taken. A reservation of a subscription that died since (canceled, or past its expiry: core's
 * `canHandOutSeats`) gives no seat — a dead subscription hands out nothing — and is dropped with the others. Returns
 * the ids of those subscriptions.
 */
export async function convertReservations(ctx: HandlerContext, invitationId: string, memberId: string): Promise<string[]> {
  const { rows } = await ctx.db.query<{ subscription_id: string; status: SubscriptionStatus; expires_at: Date | null }>(
    `select sr.subscription_id, s.status, s.expires_at
       from seat_reservations sr join subscriptions s on s.id = sr.subscription_id
      where sr.invitation_id = $1`,
    [invitationId],
  );
  const dead = rows.filter((r) => !canHandOutSeats({ status: r.status, expiresAt: r.expires_at }, ctx.now).allowed).map((r) => r.subscription_id);
  await ctx.db.query(
    `insert into seat_assignments (subscription_id, member_id, assigned_by, assigned_at)
     select sr.subscription_id, $2, i.invited_by, $3
       from seat_reservations sr join invitations i on i.id = sr.invitation_id
      where sr.invitation_id = $1 and sr.subscription_id <> all($4::text[])
     on conflict do nothing`,
    [invitationId, memberId, ctx.now, dead],
  );
  await ctx.db.query(`delete from seat_reservations where invitation_id = $1`, [invitationId]);
  return dead;
}

/**
 * The organization as of this transaction, share-locked until commit. An ownership transfer that committed after the
 * request began must be seen here, or the new owner could be removed or demoted (leaving the org without an owner).
 */
async function currentOrg(ctx: HandlerContext): Promise<OrgRow> {
  const { rows } = await ctx.db.query<OrgRow>(`select * from organizations where id = $1 for share`, [requireOrgCtx(ctx).id]);
  ctx.org = rows[0] ?? requireOrgCtx(ctx);
  return ctx.org;
}

export const updateMember = defineHandler('updateMember', async (ctx) => {
  const body = ctx.body;
  const org = await currentOrg(ctx);
  const target = await requireMember(ctx.db, org.id, ctx.params.memberId, true);
  const subject = policyTarget(org, target);
  const changes: Record<string, unknown> = {};

  // Each changed field is its own action of the policy, checked in this order (the first refusal answers).
  if (body.role !== undefined && body.role !== target.role) {
    assertMemberPolicy(ctx, subject, 'changeRole');
    await assertAssignableRole(ctx, org.id, body.role, ['role']);
    changes.role = { from: target.role, to: body.role };
  }
  if (body.status !== undefined && body.status !== target.status) {
    assertMemberPolicy(ctx, subject, 'changeStatus');
    changes.status = { from: target.status, to: body.status };
  }
  if (body.permissions !== undefined) {
    assertCanGrant(ctx, body.permissions);
    assertMemberPolicy(ctx, subject, 'changeGrants');
    changes.permissions = { from: target.grants, to: body.permissions };
  }
  if (body.firstName !== undefined && body.firstName !== target.first_name) changes.firstName = true;
  if (body.lastName !== undefined && body.lastName !== target.last_name) changes.lastName = true;

  let userId = target.user_id;
  let email = target.email;
  if (body.email !== undefined && body.email !== target.email) {
    // The email is the sign-in: changing it hands the membership to whoever owns the new address.
    assertMemberPolicy(ctx, subject, 'changeEmail');
    // The member now signs in with the new address: it belongs to another (possibly new) user.
    const user = await upsertUser(ctx.db, body.email, { firstName: target.first_name, lastName: target.last_name });
    const clash = await ctx.db.query(`select 1 from members where org_id = $1 and user_id = $2 and id <> $3`, [org.id, user.id, target.id]);
    if (clash.rows.length) throw new ApiError('already_member', `${body.email} is already a member of ${org.name}`, { email: body.email });
    userId = user.id;
    email = user.email;
    changes.email = { from: target.email, to: email };
  }

  await ctx.db.query(
    `update members set first_name = $3, last_name = $4, role = $5, grants = $6, status = $7, user_id = $8, email = $9
      where org_id = $1 and id = $2`,
    [
      org.id,
      target.id,
      body.firstName ?? target.first_name,
      body.lastName ?? target.last_name,
      body.role ?? target.role,
      body.permissions ?? target.grants,
      body.status ?? target.status,
      userId,
      email,
    ],
  );
  if (Object.keys(changes).length) {
    await ctx.audit({ action: 'member.updated', targetType: 'member', targetId: target.id, data: { changes } });
  }
  return toMember(await requireMember(ctx.db, org.id, target.id));
});

export const removeMember = defineHandler('removeMember', async (ctx) => {
  const org = await currentOrg(ctx);
  const target = await requireMember(ctx.db, org.id, ctx.params.memberId, true);
  assertMemberPolicy(ctx, policyTarget(org, target), 'remove');
  // Seat assignments go with the row (on delete cascade): the seats are free at commit.
  await ctx.db.query(`delete from members where org_id = $1 and id = $2`, [org.id, target.id]);
  await ctx.audit({
    action: 'member.removed',
    targetType: 'member',
    targetId: target.id,
    data: { email: target.email, role: target.role, releasedSubscriptionIds: target.subscription_ids },
  });
  await ctx.email('removal', removalEmail({ to: target.email, orgName: org.name, firstName: target.first_name }));
  return null;
});

