import { DEFAULT_LOCALE, type CreateOrganizationBody } from '@seatkit/core/contract';
import { defineHandler, requireOrgCtx, type HandlerContext } from '../context.js';
import { ApiError, notFound, validationFailed } from '../errors.js';
import { loadSubscription, lockSubscriptions, reclaimPolicyOf, refillSeatTokens, requireMember, toMember, toOrganization, toSubscription, upsertUser, type OrgRow } from '../repo.js';

export const createProduct = defineHandler('createProduct', async (ctx) => {
  const body = ctx.body;
  const { rows } = await ctx.db.query<{ id: string; key: string; name: string }>(
    `insert into products (key, name, created_at) values ($1, $2, $3) on conflict (key) do nothing returning id, key, name`,
    [body.key, body.name, ctx.now],
  );
  if (!rows[0]) throw validationFailed([{ path: ['key'], message: `A product "${body.key}" already exists`, code: 'product_exists' }]);
  await ctx.audit({ action: 'product.created', targetType: 'product', targetId: rows[0].id, data: { key: body.key } });
  return rows[0];
});

export const createOrganization = defineHandler('createOrganization', async (ctx) => {
  const body = ctx.body;
  const org = await insertOrganization(ctx.db, body, ctx.now);
  await ctx.audit({ orgId: org.id, action: 'organization.created', targetType: 'organization', targetId: org.id, data: { name: body.name, ownerEmail: body.owner.email, locale: org.locale } });
  return { organization: toOrganization(org), owner: toMember(await requireMember(ctx.db, org.id, org.owner_member_id)) };
});

/** Creates an organization and its owner member in the caller's transaction. */
export async function insertOrganization(db: HandlerContext['db'], body: CreateOrganizationBody, now: Date): Promise<OrgRow> {
  const { rows } = await db.query<OrgRow>(`insert into organizations (name, locale, created_at) values ($1, $2, $3) returning *`, [
    body.name,
    body.locale ?? DEFAULT_LOCALE,
    now,
  ]);
  const org = rows[0]!;
  const user = await upsertUser(db, body.owner.email, body.owner);
  const member = await db.query<{ id: string }>(
    `insert into members (org_id, user_id, email, first_name, last_name, role, created_at) values ($1, $2, $3, $4, $5, 'owner', $6) returning id`,
    [org.id, user.id, user.email, body.owner.firstName, body.owner.lastName, now],
  );
  const updated = await db.query<OrgRow>(`update organizations set owner_member_id = $2 where id = $1 returning *`, [org.id, member.rows[0]!.id]);
  return updated.rows[0]!;
}

export const createSubscription = defineHandler('createSubscription', async (ctx) => {
  const body = ctx.body;
  const org = requireOrgCtx(ctx);
  const product = await ctx.db.query<{ id: string }>(`select id from products where key = $1`, [body.productKey]);
  if (!product.rows[0]) throw validationFailed([{ path: ['productKey'], message: `Unknown product "${body.productKey}"`, code: 'unknown_product' }]);
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into subscriptions (org_id, product_id, seat_limit, status, expires_at, created_at) values ($1, $2, $3, $4, $5, $6) returning id`,
    [org.id, product.rows[0].id, body.seatLimit, body.status ?? 'active', body.expiresAt ? new Date(body.expiresAt) : null, ctx.now],
  );
  const id = rows[0]!.id;
  await refillSeatTokens(ctx.db, id, ctx.now);
  await ctx.audit({ action: 'subscription.created', targetType: 'subscription', targetId: id, data: { productKey: body.productKey, seatLimit: body.seatLimit } });
  return toSubscription((await loadSubscription(ctx.db, org.id, id, ctx.now))!);
});

export const updateSubscription = defineHandler('updateSubscription', async (ctx) => {
  const body = ctx.body;
  const org = requireOrgCtx(ctx);
  const locked = await lockSubscriptions(ctx.db, org.id, [ctx.params.subscriptionId], ctx.now);
  const sub = locked.get(ctx.params.subscriptionId);
  if (!sub) throw notFound('Subscription');
  if (body.seatLimit !== undefined && body.seatLimit < sub.assigned + sub.reserved) {
    throw new ApiError(
      'seats_in_use',
      `${sub.assigned + sub.reserved} seats are in use (${sub.assigned} assigned, ${sub.reserved} reserved); unassign some before shrinking to ${body.seatLimit}`,
      { assigned: sub.assigned, reserved: sub.reserved, requested: body.seatLimit },
    );
  }
  const policy = body.reclaimPolicy === undefined ? reclaimPolicyOf(sub) : body.reclaimPolicy;
  await ctx.db.query(
    `update subscriptions set seat_limit = $2, status = $3, expires_at = $4, reclaim_idle_days = $5, reclaim_warn_days = $6 where id = $1`,
    [
      sub.id,
      body.seatLimit ?? sub.seat_limit,
      body.status ?? sub.status,
      body.expiresAt === undefined ? sub.expires_at : body.expiresAt === null ? null : new Date(body.expiresAt),
      policy?.idleDays ?? null,
      policy?.warnDays ?? null,
    ],
  );
  await refillSeatTokens(ctx.db, sub.id, ctx.now);
  await ctx.audit({ action: 'subscription.updated', targetType: 'subscription', targetId: sub.id, data: { ...body } });
  return toSubscription((await loadSubscription(ctx.db, org.id, sub.id, ctx.now))!);
});
