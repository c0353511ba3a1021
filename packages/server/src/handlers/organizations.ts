import { defineHandler, requireMemberCtx, requireOrgCtx } from '../context.js';
import { ApiError } from '../errors.js';
import { loadOrg, MEMBER_SELECT, requireMember, roleName, toMember, toOrganization, type MemberRow } from '../repo.js';
import { assertMemberPolicy, policyActor, policyTarget } from './shared.js';

export const me = defineHandler('me', async (ctx) => {
  const user = ctx.user!;
  const { rows } = await ctx.db.query<MemberRow & { org_name: string; role_name: string | null }>(
    `select x.*, o.name as org_name, r.name as role_name from (${MEMBER_SELECT} where m.user_id = $1) x
       join organizations o on o.id = x.org_id
       left join roles r on r.org_id = x.org_id and r.key = x.role
      order by lower(o.name), o.id`,
    [user.id],
  );
  return {
    user: { id: user.id, email: user.email, firstName: user.first_name, lastName: user.last_name },
    // Suspended memberships are listed (with their status) so a UI can explain why the org is closed.
    memberships: rows.map((row) => ({
      organization: { id: row.org_id, name: row.org_name },
      member: toMember(row),
      roleName: roleName(row.role, row.role_name),
    })),
  };
});

export const getOrganization = defineHandler('getOrganization', async (ctx) => {
  return toOrganization(requireOrgCtx(ctx));
});

/** The owner changes the organization's locale: every email queued from then on is written in it. */
export const updateOrganization = defineHandler('updateOrganization', async (ctx) => {
  requireMemberCtx(ctx);
  // The locked row decides who the owner is, as for a transfer (one that committed meanwhile is seen).
  const org = (ctx.org = (await loadOrg(ctx.db, requireOrgCtx(ctx).id, true))!);
  if (policyActor(ctx)?.role !== 'owner') throw new ApiError('owner_required', "Only the owner can change the organization's settings");
  const locale = ctx.body.locale ?? org.locale;
  if (locale === org.locale) return toOrganization(org);
  const { rows } = await ctx.db.query<typeof org>(`update organizations set locale = $2 where id = $1 returning *`, [org.id, locale]);
  await ctx.audit({ action: 'organization.updated', targetType: 'organization', targetId: org.id, data: { locale, previousLocale: org.locale } });
  return toOrganization(rows[0]!);
});

export const transferOwnership = defineHandler('transferOwnership', async (ctx) => {
  const body = ctx.body;
  const caller = requireMemberCtx(ctx);
  // The locked row decides who the owner is (a transfer that committed meanwhile is seen).
  const org = (ctx.org = (await loadOrg(ctx.db, requireOrgCtx(ctx).id, true))!);
  // Whether the caller may transfer at all comes first: a non-owner learns nothing about the member in the body.
  assertMemberPolicy(ctx, policyTarget(org, caller), 'transferOwnership');
  const target = await requireMember(ctx.db, org.id, body.memberId, true);
  assertMemberPolicy(ctx, policyTarget(org, target), 'transferOwnership');
  if (target.id === caller.id) return toOrganization(org);
  // One statement per row; the org row lock above keeps two transfers from interleaving.
  await ctx.db.query(`update members set role = 'admin' where id = $1`, [caller.id]);
  await ctx.db.query(`update members set role = 'owner' where id = $1`, [target.id]);
  const { rows } = await ctx.db.query<typeof org>(`update organizations set owner_member_id = $2 where id = $1 returning *`, [org.id, target.id]);
  await ctx.audit({
    action: 'organization.ownership_transferred',
    targetType: 'member',
    targetId: target.id,
    data: { fromMemberId: caller.id, toMemberId: target.id, previousRole: target.role },
  });
  return toOrganization(rows[0]!);
});

