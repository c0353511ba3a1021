import { WEBHOOK_ATTEMPT_HISTORY_LIMIT, type WebhookAttempt, type WebhookDelivery, type WebhookEndpoint } from '@seatkit/core/contract';
import { defineHandler, type HandlerContext } from '../context.js';
import { notFound, validationFailed } from '../errors.js';
import { encodeCursor, iso, isoRequired } from '../util.js';
import { WEBHOOK_SECRET_OVERLAP_MS } from '../webhooks/delivery.js';
import { createWebhookSecret } from '../webhooks/signing.js';
import { checkWebhookUrl, URL_NOT_ALLOWED } from '../webhooks/ssrf.js';
import { cursorValues, pageLimit } from './shared.js';

interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  org_id: string | null;
  description: string;
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: Date | null;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  seq: string;
  event_id: string;
  event_type: string;
  org_id: string | null;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  attempt_history: WebhookAttempt[];
}

// Never `*`: the sealed secrets stay in the database.
const ENDPOINT_COLUMNS = 'id, url, events, org_id, description, enabled, disabled_reason, failing_since, created_at';
const DELIVERY_COLUMNS =
  'id, seq, event_id, event_type, org_id, status, attempts, next_attempt_at, last_status_code, last_duration_ms, last_error, created_at, delivered_at';
/** A delivery's latest attempts, oldest first, as the contract shapes them (one subquery per row, on the primary key). */
const ATTEMPT_HISTORY = `coalesce((
  select json_agg(json_build_object('attempt', a.attempt, 'attemptedAt', to_char(a.attempted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                    'statusCode', a.status_code, 'durationMs', a.duration_ms, 'error', a.error) order by a.attempt)
    from (select * from webhook_attempts wa where wa.delivery_id = d.id order by wa.attempt desc limit ${WEBHOOK_ATTEMPT_HISTORY_LIMIT}) a
), '[]') as attempt_history`;

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  events: r.events,
  orgId: r.org_id,
  description: r.description,
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  failingSince: iso(r.failing_since),
  createdAt: isoRequired(r.created_at),
});

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  webhookId: r.event_id,
  eventType: r.event_type,
  orgId: r.org_id,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: iso(r.next_attempt_at),
  lastStatusCode: r.last_status_code,
  lastDurationMs: r.last_duration_ms,
  lastError: r.last_error,
  createdAt: isoRequired(r.created_at),
  deliveredAt: iso(r.delivered_at),
  attemptHistory: r.attempt_history,
});

/** The SSRF guard at save time: a refused URL is `validation_failed` with the issue code `url_not_allowed`. */
async function requireAllowedUrl(ctx: HandlerContext, url: string): Promise<void> {
  const check = await checkWebhookUrl(url, ctx.settings.webhooks.guard);
  if (!check.ok) throw validationFailed([{ path: ['url'], message: check.message, code: URL_NOT_ALLOWED }]);
}

async function requireEndpoint(ctx: HandlerContext, id: string, lock = false): Promise<EndpointRow> {
  const { rows } = await ctx.db.query<EndpointRow>(`select ${ENDPOINT_COLUMNS} from webhook_endpoints where id = $1${lock ? ' for update' : ''}`, [id]);
  if (!rows[0]) throw notFound('Webhook endpoint');
  return rows[0];
}

export const createWebhookEndpoint = defineHandler('createWebhookEndpoint', async (ctx) => {
  const body = ctx.body;
  await requireAllowedUrl(ctx, body.url);
  if (body.orgId) {
    const org = await ctx.db.query(`select 1 from organizations where id = $1`, [body.orgId]);
    if (!org.rows.length) throw validationFailed([{ path: ['orgId'], message: 'No such organization', code: 'unknown_organization' }]);
  }
  const secret = createWebhookSecret();
  const { cipher } = ctx.settings.webhooks;
  const { rows } = await ctx.db.query<EndpointRow>(
    `insert into webhook_endpoints (url, events, org_id, description, sealed_secret, key_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${ENDPOINT_COLUMNS}`,
    [body.url, [...new Set(body.events ?? [])], body.orgId ?? null, body.description ?? '', await cipher.seal(secret), cipher.keyId, ctx.now],
  );
  const endpoint = rows[0]!;
  ctx.settings.webhooks.mayDeliver();
  await ctx.audit({ orgId: endpoint.org_id ?? undefined, action: 'webhook_endpoint.created', targetType: 'webhook_endpoint', targetId: endpoint.id, data: { url: endpoint.url } });
  return { ...toEndpoint(endpoint), secret };
});

export const listWebhookEndpoints = defineHandler('listWebhookEndpoints', async (ctx) => {
  const { rows } = await ctx.db.query<EndpointRow>(`select ${ENDPOINT_COLUMNS} from webhook_endpoints order by created_at, id`);
  return { items: rows.map(toEndpoint) };
});

export const getWebhookEndpoint = defineHandler('getWebhookEndpoint', async (ctx) => toEndpoint(await requireEndpoint(ctx, ctx.params.endpointId)));

export const updateWebhookEndpoint = defineHandler('updateWebhookEndpoint', async (ctx) => {
  const body = ctx.body;
  const current = await requireEndpoint(ctx, ctx.params.endpointId, true);
  if (body.url !== undefined) await requireAllowedUrl(ctx, body.url);
  const enable = body.enabled === true && !current.enabled;
  const { rows } = await ctx.db.query<EndpointRow>(
    `update webhook_endpoints set url = $2, events = $3, description = $4, enabled = $5,
            disabled_reason = case when $5 then null else coalesce(disabled_reason, 'manual') end,
            failing_since = case when $6 then null else failing_since end
      where id = $1 returning ${ENDPOINT_COLUMNS}`,
    [current.id, body.url ?? current.url, body.events ? [...new Set(body.events)] : current.events, body.description ?? current.description, body.enabled ?? current.enabled, enable],
  );
  if (rows[0]!.enabled) ctx.settings.webhooks.mayDeliver();
  await ctx.audit({ orgId: current.org_id ?? undefined, action: 'webhook_endpoint.updated', targetType: 'webhook_endpoint', targetId: current.id, data: { ...body } });
  return toEndpoint(rows[0]!);
});

export const deleteWebhookEndpoint = defineHandler('deleteWebhookEndpoint', async (ctx) => {
  const current = await requireEndpoint(ctx, ctx.params.endpointId, true);
  // Its deliveries go with it (on delete cascade): nothing is sent to a deleted endpoint.
  await ctx.db.query(`delete from webhook_endpoints where id = $1`, [current.id]);
  await ctx.audit({ orgId: current.org_id ?? undefined, action: 'webhook_endpoint.deleted', targetType: 'webhook_endpoint', targetId: current.id, data: { url: current.url } });
  return null;
});

export const rotateWebhookEndpointSecret = defineHandler('rotateWebhookEndpointSecret', async (ctx) => {
  const current = await requireEndpoint(ctx, ctx.params.endpointId, true);
  const secret = createWebhookSecret();
  const { cipher } = ctx.settings.webhooks;
  // The old secret keeps signing alongside for a day, so receivers can switch without losing a webhook. A second
  // rotation within that day replaces the one before (only the latest old secret overlaps).
  const { rows } = await ctx.db.query<EndpointRow>(
    `update webhook_endpoints set sealed_previous_secret = sealed_secret, previous_secret_expires_at = $2, sealed_secret = $3, key_id = $4
      where id = $1 returning ${ENDPOINT_COLUMNS}`,
    [current.id, new Date(ctx.now.getTime() + WEBHOOK_SECRET_OVERLAP_MS), await cipher.seal(secret), cipher.keyId],
  );
  await ctx.audit({ orgId: current.org_id ?? undefined, action: 'webhook_endpoint.secret_rotated', targetType: 'webhook_endpoint', targetId: current.id });
  return { ...toEndpoint(rows[0]!), secret };
});

export const listWebhookDeliveries = defineHandler('listWebhookDeliveries', async (ctx) => {
  await requireEndpoint(ctx, ctx.params.endpointId);
  const limit = pageLimit(ctx.query.limit);
  const after = cursorValues(ctx.query.cursor, 'seq');
  const { rows } = await ctx.db.query<DeliveryRow>(
    `select ${DELIVERY_COLUMNS}, ${ATTEMPT_HISTORY} from webhook_deliveries d
      where endpoint_id = $1 and ($2::bigint is null or seq < $2::bigint) order by seq desc limit $3`,
    [ctx.params.endpointId, after ? after[0] : null, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toDelivery), nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null };
});

export const retryWebhookDelivery = defineHandler('retryWebhookDelivery', async (ctx) => {
  await requireEndpoint(ctx, ctx.params.endpointId);
  // Due now, unclaimed; the attempt count goes on (after the last scheduled attempt, a failed retry is final at once).
  const { rows } = await ctx.db.query<DeliveryRow>(
    `update webhook_deliveries d set status = 'pending', next_attempt_at = $3, locked_at = null, delivered_at = null
      where id = $2 and endpoint_id = $1 returning ${DELIVERY_COLUMNS}, ${ATTEMPT_HISTORY}`,
    [ctx.params.endpointId, ctx.params.deliveryId, ctx.now],
  );
  if (!rows[0]) throw notFound('Webhook delivery');
  ctx.settings.webhooks.mayDeliver();
  return toDelivery(rows[0]);
});
