/**
 * `@seatkit/core/webhooks` — checks the webhooks a SeatKit server sends (Standard Webhooks), with Web Crypto only.
 */
export { verifyWebhook } from './webhooks/verify-webhook.js';
export type { VerifyWebhookOptions, WebhookHeaders } from './webhooks/verify-webhook.js';
export { WEBHOOK_EVENT_TYPES } from './contract/webhooks.js';
export type { WebhookActor, WebhookEvent, WebhookEventData, WebhookEventType } from './contract/webhooks.js';
export { SeatKitError } from './seat-kit-error.js';
export { isSeatKitError } from './is-seat-kit-error.js';
