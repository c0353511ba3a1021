import type { Database, Queryable } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { OutboxCipher } from '../outbox-cipher.js';
import { signWebhook } from './signing.js';
import { checkWebhookUrl, URL_NOT_ALLOWED, type UrlGuardOptions } from './ssrf.js';
import type { WebhookTransport } from './transport.js';

/**
 * When a failed delivery is tried again, after its first attempt (made at once): the schedule of the Standard Webhooks
 * reference implementations. After the last one the delivery is `failed` (a retry through the API sends it once more).
 */
export const WEBHOOK_RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 5 * 3600_000, 10 * 3600_000, 10 * 3600_000] as const;
/** An endpoint whose deliveries all failed for this long is disabled (`disabledReason: 'failing'`). */
export const WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 3600_000;
/** A rotated secret keeps signing alongside the new one this long. */
export const WEBHOOK_SECRET_OVERLAP_MS = 24 * 3600_000;
export const WEBHOOK_DEFAULT_TIMEOUT_MS = 10_000;
/** A claim this old belongs to an instance that stopped (crashed, hung) before recording the attempt: taken over. */
const CLAIM_TIMEOUT_MS = 60_000;
/** Deliveries claimed at a time. */
export const WEBHOOK_CLAIM_BATCH = 50;

export interface WebhookDeliveryOptions {
  database: Database;
  logger: Logger;
  now: () => Date;
  /** Opens the endpoints' sealed secrets; an instance claims only deliveries to endpoints sealed under its key. */
  cipher: OutboxCipher;
  guard: UrlGuardOptions;
  timeoutMs: number;
  /** Sends an attempt: the pinned Node transport, or a `fetch` (see `transport.ts`). */
  transport: WebhookTransport;
}

interface Claimed {
  id: string;
  event_id: string;
  body: string;
  attempts: number;
  locked_at: Date;
  url: string;
  endpoint_id: string;
  sealed_secret: string;
  sealed_previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

/** Claims due deliveries (`SKIP LOCKED`: two instances never claim the same one) in the caller's transaction. */
export async function claimWebhooks(db: Queryable, options: Pick<WebhookDeliveryOptions, 'cipher'>, at: Date): Promise<Claimed[]> {
  const { rows } = await db.query<Claimed>(
    `with claimed as (
       update webhook_deliveries d set locked_at = $1, attempts = d.attempts + 1
        where d.id in (
          select d2.id from webhook_deliveries d2 join webhook_endpoints e on e.id = d2.endpoint_id
           where d2.status = 'pending' and d2.next_attempt_at <= $1 and (d2.locked_at is null or d2.locked_at < $2)
             and e.enabled and e.key_id = $3
           order by d2.next_attempt_at, d2.seq limit ${WEBHOOK_CLAIM_BATCH}
           for update of d2 skip locked)
       returning d.id, d.event_id, d.payload::text as body, d.attempts, d.locked_at, d.endpoint_id)
     select c.*, e.url, e.sealed_secret, e.sealed_previous_secret, e.previous_secret_expires_at
       from claimed c join webhook_endpoints e on e.id = c.endpoint_id`,
    [at, new Date(at.getTime() - CLAIM_TIMEOUT_MS), options.cipher.keyId],
  );
  return rows;
}

/** Sends claimed deliveries (after the claim's commit), at most 10 at a time, and records each attempt. */
export async function sendWebhooks(options: WebhookDeliveryOptions, claimed: Claimed[]): Promise<{ delivered: number; failed: number }> {
  const result = { delivered: 0, failed: 0 };
  const queue = [...claimed];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (await attempt(options, next)) result.delivered++;
      else result.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(10, claimed.length) }, worker));
  return result;
}

async function attempt(options: WebhookDeliveryOptions, row: Claimed): Promise<boolean> {
  const at = options.now();
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  const check = await checkWebhookUrl(row.url, options.guard);
  if (!check.ok) error = `${URL_NOT_ALLOWED}: ${check.message}`;
  else {
    try {
      const secrets = [await options.cipher.open(row.sealed_secret)];
      if (row.sealed_previous_secret && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > at) {
        secrets.push(await options.cipher.open(row.sealed_previous_secret));
      }
      const timestamp = Math.floor(at.getTime() / 1000);
      statusCode = await options.transport({
        url: row.url,
        pinned: check.addresses,
        timeoutMs: options.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SeatKit-Webhooks/1',
          'webhook-id': row.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': await signWebhook(secrets, row.event_id, timestamp, row.body),
        },
        body: row.body,
      });
      if (statusCode < 200 || statusCode > 299) error = `The endpoint answered ${statusCode}`;
    } catch (cause) {
      error = describeFailure(cause, options.timeoutMs, check.addresses);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const done = options.now();
  // The attempt's row is written by the statement that records it on its delivery, and only when that one still holds
  // the claim (a claim taken over after CLAIM_TIMEOUT_MS records nothing: the attempt that took it over does).
  const history = (atParam: number) => `a as (insert into webhook_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, error)
                         select id, attempts, $${atParam}, last_status_code, last_duration_ms, last_error from d)`;
  if (error === null) {
    await options.database.query(
      `with d as (
         update webhook_deliveries set status = 'delivered', delivered_at = $3, last_status_code = $4, last_duration_ms = $5, last_error = null,
                locked_at = null, next_attempt_at = null
          where id = $1 and locked_at = $2 returning id, endpoint_id, attempts, last_status_code, last_duration_ms, last_error),
       ${history(6)}
       update webhook_endpoints set failing_since = null where id = (select endpoint_id from d)`,
      [row.id, row.locked_at, done, statusCode, durationMs, at],
    );
    return true;
  }
  options.logger.warn(`[seatkit] webhook ${row.event_id} to endpoint ${row.endpoint_id} failed (attempt ${row.attempts}): ${error}`);
  const delay = WEBHOOK_RETRY_DELAYS_MS[row.attempts - 1];
  await options.database.query(
    `with d as (
       update webhook_deliveries set status = $3, next_attempt_at = $4, last_status_code = $5, last_duration_ms = $6, last_error = $7, locked_at = null
        where id = $1 and locked_at = $2 returning id, endpoint_id, attempts, last_status_code, last_duration_ms, last_error),
     ${history(8)}
     update webhook_endpoints e set failing_since = coalesce(e.failing_since, $8),
            enabled = e.enabled and coalesce(e.failing_since, $8) > $9,
            disabled_reason = case when e.enabled and coalesce(e.failing_since, $8) <= $9 then 'failing' else e.disabled_reason end
      where e.id = (select endpoint_id from d)`,
    [
      row.id,
      row.locked_at,
      delay === undefined ? 'failed' : 'pending',
      delay === undefined ? null : new Date(done.getTime() + delay),
      statusCode,
      durationMs,
      error.slice(0, 500),
      at,
      new Date(done.getTime() - WEBHOOK_DISABLE_AFTER_MS),
    ],
  );
  return false;
}

function describeFailure(cause: unknown, timeoutMs: number, pinned: readonly string[] | null): string {
  // The addresses tried, when the connection was pinned: which server kept silent is worth knowing.
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) return `No answer within ${timeoutMs} ms${pinned ? ` from ${pinned.join(', ')}` : ''}`;
  const inner = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause instanceof Error ? cause.message : String(cause)}${inner}`;
}

/** Runs claim-then-send until nothing is due, or until `keepGoing()` says stop (checked before each claim). */
export async function deliverDueWebhooks(options: WebhookDeliveryOptions, keepGoing: () => boolean = () => true): Promise<{ delivered: number; failed: number }> {
  const total = { delivered: 0, failed: 0 };
  while (keepGoing()) {
    // One statement, so no transaction of its own: a kick after every write costs one round trip, not three.
    const claimed = await claimWebhooks(options.database, options, options.now());
    if (!claimed.length) return total;
    const r = await sendWebhooks(options, claimed);
    total.delivered += r.delivered;
    total.failed += r.failed;
    if (claimed.length < WEBHOOK_CLAIM_BATCH) return total;
  }
  return total;
}

/**
 * How long a kicker trusts what it last learned about the endpoints (`hasEndpoints`) before it looks again: the jobs'
 * default interval, since what a stale answer delays is sent by the jobs' `deliverWebhooks` anyway.
 */
export const WEBHOOK_ENDPOINTS_RECHECK_MS = 10_000;

/** Whether any enabled endpoint this instance can sign for exists: no endpoint, no delivery to claim. */
async function hasEndpoints(db: Queryable, options: Pick<WebhookDeliveryOptions, 'cipher'>): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>(`select exists (select 1 from webhook_endpoints where enabled and key_id = $1) as any`, [options.cipher.keyId]);
  return rows[0]?.any === true;
}

/**
 * The first attempt at once: after a change commits, the instance that made it claims and sends what is due, off the
 * request's path (the scheduler's `deliverWebhooks` job stays the fallback, for retries and for a kick that failed or
 * died with its instance). Claims are the job's (`SKIP LOCKED`, then a stamped claim), so another instance never sends
 * the same attempt. Kicks while one runs make one more run, not one each.
 *
 * Most installations have no endpoint, so a kick does nothing at all while the kicker knows there is none: it looks
 * (one `exists` on the endpoints) at most once per `recheckMs`, and `mayDeliver()` (an endpoint created, enabled, a
 * delivery retried on this instance) makes the next kicks claim without looking. An endpoint created on another
 * instance is seen here within `recheckMs`; until then this instance's changes wait for the jobs (within
 * `jobs.intervalMs`), as a change written without a request does: delivery is delayed, never lost.
 */
export function createWebhookKicker(options: WebhookDeliveryOptions, recheckMs = WEBHOOK_ENDPOINTS_RECHECK_MS) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** What the kicker last learned (`null`: nothing yet), when, and a counter `mayDeliver` moves on. */
  let endpoints: { any: boolean; at: number } | null = null;
  let generation = 0;

  const clock = () => options.now().getTime();
  // A clock that went back (a test's, or NTP's) makes the answer stale rather than trusted for longer.
  const fresh = () => endpoints !== null && clock() >= endpoints.at && clock() - endpoints.at < recheckMs;

  async function run(): Promise<void> {
    if (!fresh()) {
      const asked = generation;
      const any = await hasEndpoints(options.database, options);
      // A `mayDeliver()` while the question was out wins: its endpoint may not have been committed when it was asked.
      if (asked === generation) endpoints = { any, at: clock() };
    }
    if (endpoints!.any) await deliverDueWebhooks(options, () => !stopped);
  }

  return {
    kick(): void {
      if (stopped || (fresh() && !endpoints!.any)) return;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await run();
        } while (again && !stopped);
      })()
        .catch((error: unknown) => options.logger.error('[seatkit] webhook delivery failed', error))
        .finally(() => {
          running = null;
        });
    },
    /**
     * There may be deliveries to send from now on (an endpoint was created or enabled, a delivery retried): kicks claim
     * without looking at the endpoints, until `recheckMs` from now.
     */
    mayDeliver(): void {
      generation++;
      endpoints = { any: true, at: clock() };
    },
    /** Resolves once no kicked delivery is in flight. */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** No more kicks (shutdown); the one in flight finishes. */
    stop(): void {
      stopped = true;
    },
  };
}
export type WebhookKicker = ReturnType<typeof createWebhookKicker>;
