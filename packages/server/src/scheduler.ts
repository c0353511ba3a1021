import type { Database, Queryable } from './db/database.js';
import type { Logger } from './logger.js';
import { claimEmails, deliverEmails, enqueueEmail, type OutboxOptions } from './mail.js';
import { applyReclaimPolicies } from './handlers/idle-seats.js';
import { recordSeatUsage } from './handlers/seat-usage.js';
import { IDEMPOTENCY_TTL_MS } from './pipeline/idempotency.js';
import { claimWebhooks, deliverDueWebhooks, sendWebhooks, WEBHOOK_CLAIM_BATCH, type WebhookDeliveryOptions } from './webhooks/delivery.js';
import type { LastActiveBuffer } from './pipeline/resolve-member.js';

const DAY_MS = 24 * 3600_000;
/** How often the reclaim policies are applied, and today's seat usage recorded, across all instances. */
export const RECLAIM_EVERY_MS = 60_000;
export const SEAT_USAGE_EVERY_MS = 5 * 60_000;

/** The periodic work's settings (`SeatKitServerOptions.jobs`). */
export interface JobsOptions {
  /**
   * How often each instance runs the jobs; every job runs on one instance at a time. `0` turns the timer off (call
   * `server.runJobs()` yourself). Default 10 seconds.
   */
  intervalMs?: number;
  /** Sent outbox emails are deleted this many days after sending. Default 7. */
  outboxRetentionDays?: number;
  /**
   * Audit events are deleted this many days after they happened; at least 1 (the invitation rate limits count the last
   * hour). Default `null`: kept forever, the audit trail being what an organization may need to prove years later.
   */
  auditRetentionDays?: number | null;
  /** The seat reservations of an invitation that expired this many days ago are deleted (a resend then reserves nothing). Default 30. */
  expiredReservationDays?: number;
  /**
   * Webhook deliveries, and their attempts, are deleted this many days after the event, whatever became of them (one
   * still pending then belongs to an endpoint disabled for that long). At least 2: the retry schedule spans 27.6 hours.
   * Default 30.
   */
  webhookRetentionDays?: number;
}

export const JOBS_DEFAULTS = { intervalMs: 10_000, outboxRetentionDays: 7, auditRetentionDays: null, expiredReservationDays: 30, webhookRetentionDays: 30 } as const;

/** What one `runJobs()` did: rows each job handled, or `null` for a job another instance holds or ran less than half an interval ago. */
export type JobsResult = Record<JobName, number | null>;

/** Each job's advisory lock key (`pg_try_advisory_xact_lock`); the migrations hold 727274001. */
const JOB_LOCKS = {
  dispatchEmails: 727274011,
  purgeIdempotencyKeys: 727274012,
  purgeSentEmails: 727274013,
  purgeAuditEvents: 727274014,
  purgeExpiredReservations: 727274015,
  applyReclaimPolicies: 727274016,
  recordSeatUsage: 727274017,
  deliverWebhooks: 727274021,
  purgeWebhookDeliveries: 727274022,
} as const;
export type JobName = keyof typeof JOB_LOCKS;

/** Checks the options and fills in the defaults; a bad value is a configuration error, thrown at start. */
export function jobSettings(options: JobsOptions = {}): Required<JobsOptions> {
  const settings = { ...JOBS_DEFAULTS, ...options } as Required<JobsOptions>;
  const whole = (name: keyof JobsOptions, value: number, min: number) => {
    if (!Number.isSafeInteger(value) || value < min) throw new Error(`SeatKit: jobs.${name} must be a whole number ≥ ${min} (got ${value})`);
  };
  whole('intervalMs', settings.intervalMs, 0);
  whole('outboxRetentionDays', settings.outboxRetentionDays, 0);
  whole('expiredReservationDays', settings.expiredReservationDays, 0);
  whole('webhookRetentionDays', settings.webhookRetentionDays, 2);
  if (settings.auditRetentionDays !== null) whole('auditRetentionDays', settings.auditRetentionDays, 1);
  return settings;
}

/**
 * The periodic work of one instance. Every instance runs it; each job runs inside a transaction that first takes the
 * job's advisory lock with `pg_try_advisory_xact_lock` (an instance that does not get it skips the job) and then
 * stamps the job's last run in `seatkit_jobs`, so a job that just ran elsewhere is skipped too (PGlite has one
 * connection, on which advisory locks cannot tell instances apart). Emails are claimed under the lock and sent after
 * its transaction commits, never inside it.
 */
export function createJobs(options: {
  database: Database;
  logger: Logger;
  now: () => Date;
  settings: Required<JobsOptions>;
  outbox: OutboxOptions;
  lastActive: LastActiveBuffer;
  /** The app's base URL, for the links in reclaim emails. */
  appUrl: string;
  webhooks: WebhookDeliveryOptions;
}) {
  const { database, settings, now } = options;
  const ago = (at: Date, days: number) => new Date(at.getTime() - days * DAY_MS);
  const count = async (db: Queryable, sql: string, params: unknown[]) => (await db.query(`with gone as (${sql} returning 1) select count(*)::int as n from gone`, params)).rows[0] as { n: number };

  /**
   * Runs `work` as job `name` if this instance gets its lock and it is due (its last run, on any instance, at least
   * `everyMs` ago; default half an interval); `null` otherwise.
   */
  const locked = <T>(name: JobName, at: Date, work: (tx: Queryable) => Promise<T>, everyMs = settings.intervalMs / 2): Promise<T | null> =>
    database.transaction(async (tx) => {
      const { rows } = await tx.query<{ ok: boolean }>(`select pg_try_advisory_xact_lock($1) as ok`, [JOB_LOCKS[name]]);
      if (!rows[0]?.ok) return null;
      const due = await tx.query(
        `insert into seatkit_jobs (name, last_run_at) values ($1, $2)
         on conflict (name) do update set last_run_at = excluded.last_run_at where seatkit_jobs.last_run_at <= $3
         returning name`,
        [name, at, new Date(at.getTime() - everyMs)],
      );
      return due.rows.length ? work(tx) : null;
    });

  const jobs: Record<JobName, (at: Date) => Promise<number | null>> = {
    // Before the email dispatch, so the warnings and release notices it queues leave in the same run. Once a minute is
    // plenty for policies counted in days; a seat is released once (the delete), a holder warned once per quiet spell.
    applyReclaimPolicies: (at) =>
      locked(
        'applyReclaimPolicies',
        at,
        async (tx) => {
          const done = await applyReclaimPolicies(tx, at, options.appUrl, (kind, message) => enqueueEmail(tx, options.outbox.cipher, kind, message, at));
          return done.warned + done.reclaimed;
        },
        RECLAIM_EVERY_MS,
      ),
    // Today's row of the seat usage report, every few minutes (it counts every subscription's seats).
    recordSeatUsage: (at) => locked('recordSeatUsage', at, (tx) => recordSeatUsage(tx, at), SEAT_USAGE_EVERY_MS),
    async dispatchEmails(at) {
      const claimed = await locked('dispatchEmails', at, (tx) => claimEmails(tx, options.outbox, at));
      if (!claimed) return null;
      return (await deliverEmails(options.outbox, claimed)).sent;
    },
    // Claimed under the job's lock, sent after its commit; a full batch means more are due: those are claimed and sent
    // without the lock (SKIP LOCKED keeps instances from claiming the same delivery).
    async deliverWebhooks(at) {
      const claimed = await locked('deliverWebhooks', at, (tx) => claimWebhooks(tx, options.webhooks, at));
      if (!claimed) return null;
      const sent = await sendWebhooks(options.webhooks, claimed);
      const more = claimed.length === WEBHOOK_CLAIM_BATCH ? await deliverDueWebhooks(options.webhooks) : { delivered: 0 };
      return sent.delivered + more.delivered;
    },
    // A key is honoured for 24 hours (the idempotency stage's rule); after that its row only takes space.
    purgeIdempotencyKeys: (at) =>
      locked('purgeIdempotencyKeys', at, async (tx) => (await count(tx, `delete from idempotency_keys where created_at < $1`, [new Date(at.getTime() - IDEMPOTENCY_TTL_MS)])).n),
    purgeSentEmails: (at) =>
      locked('purgeSentEmails', at, async (tx) => (await count(tx, `delete from outbox_emails where status = 'sent' and sent_at < $1`, [ago(at, settings.outboxRetentionDays)])).n),
    purgeAuditEvents: (at) =>
      settings.auditRetentionDays === null
        ? Promise.resolve(0)
        : locked('purgeAuditEvents', at, async (tx) => (await count(tx, `delete from audit_events where created_at < $1`, [ago(at, settings.auditRetentionDays!)])).n),
    // Attempts go with their delivery (on delete cascade). A delivery claimed right now loses its record: the attempt's
    // statement finds no row and writes nothing.
    purgeWebhookDeliveries: (at) =>
      locked('purgeWebhookDeliveries', at, async (tx) => (await count(tx, `delete from webhook_deliveries where created_at < $1`, [ago(at, settings.webhookRetentionDays)])).n),
    purgeExpiredReservations: (at) =>
      locked('purgeExpiredReservations', at, async (tx) =>
        (
          await count(
            tx,
            `delete from seat_reservations sr using invitations i
              where i.id = sr.invitation_id and i.status in ('pending', 'expired') and i.expires_at < $1`,
            [ago(at, settings.expiredReservationDays)],
          )
        ).n,
      ),
  };

  /** Runs every job once (those another instance holds or just ran are skipped) and flushes this instance's activity stamps. */
  async function runJobs(): Promise<JobsResult> {
    const at = now();
    const result = {} as JobsResult;
    for (const name of Object.keys(jobs) as JobName[]) {
      try {
        result[name] = await jobs[name](at);
      } catch (error) {
        options.logger.error(`[seatkit] job ${name} failed`, error);
        result[name] = null;
      }
    }
    await options.lastActive.flush(database).catch((error: unknown) => options.logger.error('[seatkit] last-active flush failed', error));
    return result;
  }

  return { runJobs };
}
