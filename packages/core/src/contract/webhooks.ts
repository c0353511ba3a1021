import * as z from 'zod/mini';
import { IdSchema, pageSchema, TimestampSchema } from './schemas.js';

/**
 * What a webhook endpoint can be told about. Each is an audit action of the same name, except `seat_request.resolved`,
 * which announces both `seat_request.approved` and `seat_request.denied` (the request's `status` says which): the
 * server announces exactly the changes its audit trail records (see docs/webhooks.md).
 */
export const WEBHOOK_EVENT_TYPES = [
  'member.added',
  'member.updated',
  'member.removed',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'seat.assigned',
  'seat.unassigned',
  'subscription.updated',
  'organization.ownership_transferred',
  'seat.reclaimed',
  'seat_request.created',
  'seat_request.resolved',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

/** Who made the change: a member, the server key (`email: 'server'`), or nobody known. */
export interface WebhookActor {
  memberId: string | null;
  email: string | null;
}

/**
 * The resource of an event: what the audit row recorded (`details`) and, when the change left the resource in place,
 * the row as it was right after the change (`resource`, `null` once it is gone: a removed member, a revoked seat).
 */
export interface WebhookEventData {
  /** `member`, `invitation`, `subscription`, `seat_request`. */
  object: string;
  id: string | null;
  actor: WebhookActor;
  details: Record<string, unknown>;
  resource: Record<string, unknown> | null;
}

/**
 * One webhook: what `verifyWebhook` returns. `type` is a string beyond the known ones, so a receiver built today keeps
 * working when a newer server announces more.
 *
 * @example
 * if (event.type === 'seat.assigned') grantAccess(event.orgId, event.data.id);
 */
export interface WebhookEvent<T extends string = WebhookEventType | (string & {})> {
  type: T;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  orgId: string;
  data: WebhookEventData;
}

// ---------------------------------------------------------------- endpoints (server key)

const WebhookUrlSchema = z.string().check(z.minLength(1), z.maxLength(2000), z.url({ protocol: /^https?$/ }));
const DescriptionSchema = z.string().check(z.maxLength(500));

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  /** The event types sent; empty: every type, including types added later. */
  events: z.array(z.string()),
  /** Only this organization's events; `null`: every organization's. */
  orgId: z.nullable(IdSchema),
  description: z.string(),
  enabled: z.boolean(),
  /** Why the server turned it off (`failing`: every delivery failed for 5 days); `null` while enabled. */
  disabledReason: z.nullable(z.string()),
  /** When the run of failed deliveries started; `null` after a success. */
  failingSince: z.nullable(TimestampSchema),
  createdAt: TimestampSchema,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** The only answers that carry a signing secret: creation and rotation. */
export const WebhookEndpointWithSecretSchema = z.extend(WebhookEndpointSchema, { secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

export const CreateWebhookEndpointBodySchema = z.object({
  url: WebhookUrlSchema,
  events: z.optional(z.array(WebhookEventTypeSchema).check(z.maxLength(WEBHOOK_EVENT_TYPES.length))),
  orgId: z.optional(IdSchema),
  description: z.optional(DescriptionSchema),
});
export type CreateWebhookEndpointBody = z.infer<typeof CreateWebhookEndpointBodySchema>;

export const UpdateWebhookEndpointBodySchema = z.object({
  url: z.optional(WebhookUrlSchema),
  events: z.optional(z.array(WebhookEventTypeSchema).check(z.maxLength(WEBHOOK_EVENT_TYPES.length))),
  description: z.optional(DescriptionSchema),
  /** `true` turns a disabled endpoint back on (and clears its failure run). */
  enabled: z.optional(z.boolean()),
});
export type UpdateWebhookEndpointBody = z.infer<typeof UpdateWebhookEndpointBodySchema>;

export const WebhookEndpointListSchema = z.object({ items: z.array(WebhookEndpointSchema) });

/** One try at sending a delivery: what the endpoint answered (`statusCode`, `null` when it did not answer), how long it took, and why it failed. */
export const WebhookAttemptSchema = z.object({
  /** 1 for the first attempt; counts on across manual retries. */
  attempt: z.number(),
  attemptedAt: TimestampSchema,
  statusCode: z.nullable(z.number()),
  durationMs: z.number(),
  /** `null` when delivered. */
  error: z.nullable(z.string()),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

/** How many of a delivery's attempts `attemptHistory` lists (the latest). */
export const WEBHOOK_ATTEMPT_HISTORY_LIMIT = 20;

/** One webhook to one endpoint, with its last attempt and its attempt history. */
export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  /** The `webhook-id` header: the same across retries. */
  webhookId: IdSchema,
  eventType: z.string(),
  orgId: z.nullable(IdSchema),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.nullable(TimestampSchema),
  lastStatusCode: z.nullable(z.number()),
  lastDurationMs: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  createdAt: TimestampSchema,
  deliveredAt: z.nullable(TimestampSchema),
  /** Its attempts, oldest first: the latest `WEBHOOK_ATTEMPT_HISTORY_LIMIT` (20), kept as long as the delivery is. */
  attemptHistory: z.array(WebhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export const WebhookDeliveryPageSchema = pageSchema(WebhookDeliverySchema);
