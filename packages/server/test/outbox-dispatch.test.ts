import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPGliteDatabase, silentLogger, type Database, type MailMessage, type Queryable } from '@seatkit/server';
import { migrate } from '../src/db/migrations.js';
import { claimEmails, deliverEmails, dispatchOutbox, enqueueEmail, type OutboxOptions } from '../src/mail.js';
import { createOutboxCipher } from '../src/outbox-cipher.js';
import { createTempPgDatabase, databaseTargets } from './helpers.js';

const CLAIM_TIMEOUT_MS = 30_000;
/** Up to this many emails are claimed at once (mail.ts). */
const CLAIM_BATCH = 20;

/**
 * The email dispatch on a real database: its statements are per claimed batch, not per email (a bulk invite of 1,000
 * used to send 2,000 statements after its commits, in the process that serves requests), and its guarantees hold per
 * email: claims renewed while its instance works, outcomes recorded only over its own claims, failures recorded
 * redacted, claims released on stop.
 */
for (const kind of databaseTargets()) {
  describe(`${kind}: outbox dispatch`, () => {
    let database: Database;
    let drop: (() => Promise<void>) | undefined;
    const clock = { at: Date.parse('2026-12-01T10:00:00Z') };
    const now = () => new Date(clock.at);
    /** Statements sent by the dispatch (outside transactions), once `counting`. */
    let statements: string[] = [];
    let options: OutboxOptions;
    const sent: MailMessage[] = [];
    let send: (message: MailMessage) => Promise<void>;

    beforeAll(async () => {
      if (kind === 'pglite') database = await createPGliteDatabase();
      else ({ database, drop } = await createTempPgDatabase());
      await migrate(database);
    });
    afterAll(async () => {
      await database?.close();
      await drop?.();
    });
    beforeEach(async () => {
      await database.query(`delete from outbox_emails`);
      statements = [];
      sent.length = 0;
      send = async (message) => {
        sent.push(message);
      };
      const counted: Database = {
        ...database,
        query: (sql, params) => {
          statements.push(sql.replace(/\s+/g, ' ').trim());
          return database.query(sql, params);
        },
      };
      options = {
        database: counted,
        mailer: { send: (message) => send(message) },
        logger: silentLogger,
        now,
        cipher: await createOutboxCipher('dispatch-test-secret'),
        claimTimeoutMs: CLAIM_TIMEOUT_MS,
        messageIdDomain: 'app.test',
        retainBodies: false,
      };
    });

    /** Queues `n` invitation emails, sealed, each with a link holding a token. */
    const queue = async (n: number, prefix = 'to') => {
      for (let i = 0; i < n; i++) {
        const text = `Join: http://app.test/accept-invitation?token=tok${prefix}${i}`;
        await enqueueEmail(database as Queryable, options.cipher, 'invitation', { to: `${prefix}-${i}@example.com`, subject: 'Invited', text, html: `<a href="${text.slice(6)}">Join</a>` }, now());
      }
      statements = [];
    };
    const rows = async () =>
      (
        await database.query<{ to_email: string; status: string; attempts: number; locked_at: Date | null; sealed_body: string | null; last_error: string | null; sent_at: Date | null }>(
          `select to_email, status, attempts, locked_at, sealed_body, last_error, sent_at from outbox_emails order by seq`,
        )
      ).rows;

    it('sends as many statements for a full claimed batch as for one email: a claim and a record', async () => {
      await queue(1, 'one');
      expect(await dispatchOutbox(options)).toEqual({ sent: 1, failed: 0 });
      const one = statements.length;
      // The claim, the record, and the claim that finds nothing left: a claim just made needs no renewal.
      expect(one).toBe(3);

      await queue(CLAIM_BATCH, 'full');
      expect(await dispatchOutbox(options)).toEqual({ sent: CLAIM_BATCH, failed: 0 });
      expect(statements).toHaveLength(one);

      await queue(2 * CLAIM_BATCH + 5, 'many');
      expect(await dispatchOutbox(options)).toEqual({ sent: 2 * CLAIM_BATCH + 5, failed: 0 });
      expect(statements).toHaveLength(3 * 2 + 1);

      // Each email went once, in queue order, opened, with a Message-ID of its own; its sealed body is gone.
      expect(sent.map((m) => m.to)).toEqual([
        'one-0@example.com',
        ...Array.from({ length: CLAIM_BATCH }, (_, i) => `full-${i}@example.com`),
        ...Array.from({ length: 2 * CLAIM_BATCH + 5 }, (_, i) => `many-${i}@example.com`),
      ]);
      expect(sent[0]!.text).toBe('Join: http://app.test/accept-invitation?token=tokone0');
      expect(new Set(sent.map((m) => m.messageId)).size).toBe(sent.length);
      for (const m of sent) expect(m.messageId).toMatch(/^<eml_[0-9a-f]+@app\.test>$/);
      const after = await rows();
      expect(after.every((r) => r.status === 'sent' && r.attempts === 1 && r.locked_at === null && r.sealed_body === null && r.sent_at !== null)).toBe(true);
    });

    it('keeps the sealed bodies when asked to (the dev mailbox shows them)', async () => {
      await queue(3);
      expect(await dispatchOutbox({ ...options, retainBodies: true })).toEqual({ sent: 3, failed: 0 });
      expect((await rows()).map((r) => [r.status, r.sealed_body !== null])).toEqual(Array(3).fill(['sent', true]));
    });

    it('a failed email is recorded with its error redacted; the rest of its batch is sent, and the dispatch stops there', async () => {
      await queue(CLAIM_BATCH + 5);
      send = async (message) => {
        if (message.to === 'to-1@example.com') throw new Error(`SMTP 550 rejected ${message.text}`);
        sent.push(message);
      };
      expect(await dispatchOutbox(options)).toEqual({ sent: CLAIM_BATCH - 1, failed: 1 });
      const after = await rows();
      expect(after[1]).toMatchObject({ status: 'failed', attempts: 1, locked_at: null, last_error: 'SMTP 550 rejected Join: http://app.test/accept-invitation?token=[redacted]' });
      expect(after[1]!.sealed_body).not.toBeNull();
      expect(after.filter((r) => r.status === 'sent')).toHaveLength(CLAIM_BATCH - 1);
      expect(after.slice(CLAIM_BATCH).map((r) => [r.status, r.attempts])).toEqual(Array(5).fill(['pending', 0]));
      // Claimed again by the next dispatch, with its Message-ID.
      send = async (message) => {
        sent.push(message);
      };
      const firstIds = new Map(sent.map((m) => [m.to, m.messageId]));
      expect(await dispatchOutbox(options)).toEqual({ sent: 6, failed: 0 });
      expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
      expect(sent.filter((m) => firstIds.has(m.to) && firstIds.get(m.to) !== m.messageId)).toEqual([]);
    });

    it('a slow mailer: each email is claimed again before it is sent, so none is taken over while its instance works', async () => {
      await queue(6);
      const lockedAtSend: number[] = [];
      send = async (message) => {
        const { rows: mine } = await database.query<{ locked_at: Date }>(`select locked_at from outbox_emails where to_email = $1`, [message.to]);
        lockedAtSend.push(now().getTime() - mine[0]!.locked_at.getTime());
        sent.push(message);
        // Each send takes a quarter of the claim timeout: the six take one and a half.
        clock.at += CLAIM_TIMEOUT_MS / 4;
      };
      const claimed = await claimEmails(database, options, now());
      expect(claimed).toHaveLength(6);
      expect(await deliverEmails(options, claimed)).toEqual({ sent: 6, failed: 0 });
      // Claimed again right before each send (the clock stands still but in the mailer).
      expect(lockedAtSend).toEqual(Array(6).fill(0));
      expect((await rows()).map((r) => [r.status, r.attempts])).toEqual(Array(6).fill(['sent', 1]));
    });

    it('an instance whose claim was taken over records nothing over it and sends no more of that batch', async () => {
      await queue(3);
      let wake!: () => void;
      let stuck!: () => void;
      const stuckSending = new Promise<void>((r) => (stuck = r));
      send = (message) => {
        sent.push(message);
        stuck();
        return new Promise<void>((r) => (wake = r));
      };
      const a = deliverEmails(options, await claimEmails(database, options, now()));
      await stuckSending;
      // Past the claim timeout, another instance takes the three over and sends them.
      clock.at += CLAIM_TIMEOUT_MS + 1_000;
      const bSent: MailMessage[] = [];
      const b = { ...options, mailer: { send: async (m: MailMessage) => void bSent.push(m) } };
      expect(await dispatchOutbox(b)).toEqual({ sent: 3, failed: 0 });
      wake();
      await a;
      // A sent its first email (the duplicate has the same Message-ID), then found its claims gone.
      expect(sent.map((m) => m.to)).toEqual(['to-0@example.com']);
      expect(bSent.find((m) => m.to === 'to-0@example.com')!.messageId).toBe(sent[0]!.messageId);
      expect((await rows()).map((r) => [r.status, r.attempts, r.locked_at])).toEqual(Array(3).fill(['sent', 2, null]));
    });

    it('stopping releases the claims not yet sent: pending again, the attempt not counted', async () => {
      await queue(5);
      send = async (message) => {
        sent.push(message);
        if (sent.length === 2) options.stopping = true;
      };
      expect(await dispatchOutbox(options)).toEqual({ sent: 2, failed: 0 });
      expect((await rows()).map((r) => [r.status, r.attempts, r.locked_at])).toEqual([
        ['sent', 1, null],
        ['sent', 1, null],
        ...Array(3).fill(['pending', 0, null]),
      ]);
    });
  });
}
