import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type Database, type DemoSeed, type MailMessage, type SeatKitServer } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';
import { ADMIN, createTempPgDatabase, databaseTargets, TestMailer } from './helpers.js';

const DAY = 24 * 3600_000;
const CLAIM_TIMEOUT_MS = 30_000;

/** A mailer that takes the email and never answers: its instance died between sending and recording it. */
class DyingMailer {
  sent: MailMessage[] = [];
  private release: (() => void) | null = null;
  send(message: MailMessage) {
    this.sent.push(message);
    return new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }
  /** Lets the stuck send return (so the test can close the instance). */
  wake() {
    this.release?.();
  }
}

/**
 * Two instances (two servers, two connections on Postgres) over one database, with one clock the test moves: the
 * periodic jobs must run once between them, purge exactly what is past retention, and take over a dead claim.
 */
for (const kind of databaseTargets()) {
  describe(`${kind}: periodic jobs across two instances`, () => {
    const clock = { offsetMs: 0 };
    const now = () => new Date(Date.now() + clock.offsetMs);
    let a: SeatKitServer;
    let b: SeatKitServer;
    const mailerA = new DyingMailer();
    const mailerB = new TestMailer();
    let demo: DemoSeed;
    let drop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      let first: Database;
      let second: Database;
      if (kind === 'pglite') {
        // One PGlite process can hold a database: two instances share its connection.
        first = second = await createPGliteDatabase();
      } else {
        const temp = await createTempPgDatabase();
        drop = temp.drop;
        first = temp.database;
        second = createPgDatabase({ connectionString: temp.url, max: 5 });
      }
      const options = {
        auth: { mode: 'dev', secret: 'shared-secret' } as const,
        logger: silentLogger,
        appUrl: 'http://app.test',
        now,
        claimTimeoutMs: CLAIM_TIMEOUT_MS,
        // The timer never fires within a test: each test runs the jobs itself.
        jobs: { intervalMs: 60_000, auditRetentionDays: 30 },
      };
      a = await createSeatKitServer({ ...options, database: first, mailer: mailerA });
      b = await createSeatKitServer({ ...options, database: second, mailer: mailerB });
    });

    beforeEach(async () => {
      clock.offsetMs = 0;
      await b.reset();
      demo = await b.seedDemo();
      // The seed's invitation email is not part of these stories.
      await b.database.query(`delete from outbox_emails`);
      mailerA.sent = [];
      mailerB.sent = [];
    });

    afterAll(async () => {
      mailerA.wake();
      await a?.close();
      await b?.close();
      await drop?.();
    });

    it('each job runs on one instance when both run them at once', async () => {
      const [ra, rb] = await Promise.all([a.runJobs(), b.runJobs()]);
      for (const job of Object.keys(ra) as (keyof typeof ra)[]) {
        expect([ra[job], rb[job]].filter((r) => r !== null), job).toHaveLength(1);
      }
      // Half an interval later they are due again, but for the two on periods of their own (a minute, five minutes).
      clock.offsetMs = 31_000;
      const again = await b.runJobs();
      const { applyReclaimPolicies, recordSeatUsage, ...rest } = again;
      expect(Object.values(rest).every((r) => r !== null)).toBe(true);
      expect([applyReclaimPolicies, recordSeatUsage]).toEqual([null, null]);
    });

    it('purges exactly what is past retention', async () => {
      const t = now().getTime();
      const at = (ms: number) => new Date(t - ms);
      const db = b.database;
      const nw = demo.northwind;
      await db.query(`insert into idempotency_keys (scope, key, request_hash, created_at) values ('s', 'old', 'h', $1), ('s', 'young', 'h', $2)`, [at(DAY + 60_000), at(DAY - 60_000)]);
      await db.query(
        `insert into outbox_emails (to_email, subject, text_body, kind, status, created_at, sent_at) values
           ('old-sent@x.test', 's', 't', 'welcome', 'sent', $1, $1),
           ('young-sent@x.test', 's', 't', 'welcome', 'sent', $2, $2),
           ('old-failed@x.test', 's', 't', 'welcome', 'failed', $1, null)`,
        [at(7 * DAY + 60_000), at(7 * DAY - 60_000)],
      );
      await db.query(`update outbox_emails set attempts = 5 where status = 'failed'`);
      await db.query(`delete from audit_events`);
      await db.query(
        `insert into audit_events (org_id, action, target_type, created_at) values ($1, 'old', 'x', $2), ($1, 'young', 'x', $3)`,
        [nw.orgId, at(30 * DAY + 60_000), at(30 * DAY - 60_000)],
      );
      const invitation = async (email: string, expiresAt: Date) => {
        const { rows } = await db.query<{ id: string }>(
          `insert into invitations (org_id, email, role, token_hash, expires_at) values ($1, $2, 'member', $3, $4) returning id`,
          [nw.orgId, email, `hash-${email}`, expiresAt],
        );
        await db.query(`insert into seat_reservations (subscription_id, invitation_id) values ($1, $2)`, [nw.subscriptions.imagingCloud, rows[0]!.id]);
        return rows[0]!.id;
      };
      const longExpired = await invitation('long-expired@x.test', at(30 * DAY + 60_000));
      const recentlyExpired = await invitation('recently-expired@x.test', at(30 * DAY - 60_000));
      const live = await invitation('live@x.test', new Date(t + DAY));

      const result = await b.runJobs();
      expect(result).toMatchObject({ purgeIdempotencyKeys: 1, purgeSentEmails: 1, purgeAuditEvents: 1, purgeExpiredReservations: 1 });
      expect((await db.query<{ key: string }>(`select key from idempotency_keys`)).rows.map((r) => r.key)).toEqual(['young']);
      expect((await db.query<{ to_email: string }>(`select to_email from outbox_emails order by to_email`)).rows.map((r) => r.to_email)).toEqual([
        'old-failed@x.test',
        'young-sent@x.test',
      ]);
      expect((await db.query<{ action: string }>(`select action from audit_events`)).rows.map((r) => r.action)).toEqual(['young']);
      const reserved = (await db.query<{ invitation_id: string }>(`select invitation_id from seat_reservations`)).rows.map((r) => r.invitation_id);
      expect(reserved).not.toContain(longExpired);
      expect(reserved).toEqual(expect.arrayContaining([recentlyExpired, live]));
    });

    it('an email claimed by an instance that died is sent again after the claim timeout, with the same Message-ID', async () => {
      const token = await a.devToken(ADMIN);
      const invited = await a.fetch(
        new Request(`http://seatkit.test/v1/orgs/${demo.northwind.orgId}/invitations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ invitations: [{ email: 'late@x.test', role: 'member' }] }),
        }),
      );
      expect(invited.status).toBe(200);
      // A claimed the email and handed it to its mailer, then never came back.
      await expect.poll(() => mailerA.sent.length).toBe(1);
      const first = mailerA.sent[0]!;
      expect(first.messageId).toMatch(/^<eml_[0-9a-f]+@app\.test>$/);

      clock.offsetMs = CLAIM_TIMEOUT_MS - 5_000;
      expect((await b.runJobs()).dispatchEmails).toBe(0);
      expect(mailerB.sent).toHaveLength(0);

      clock.offsetMs = CLAIM_TIMEOUT_MS + 5_000 + 30_000;
      expect((await b.runJobs()).dispatchEmails).toBe(1);
      expect(mailerB.sent.map((m) => [m.to, m.messageId, m.text])).toEqual([[first.to, first.messageId, first.text]]);

      // A wakes up late: its outcome no longer counts, the row stays B's.
      mailerA.wake();
      await a.dispatchEmails();
      const { rows } = await b.database.query<{ status: string; attempts: number }>(`select status, attempts from outbox_emails where to_email = 'late@x.test'`);
      expect(rows).toEqual([{ status: 'sent', attempts: 2 }]);
    });
  });
}
