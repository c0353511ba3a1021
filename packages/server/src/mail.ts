import type { OutboxEmail } from '@seatkit/core/contract';
import type { Database, Queryable } from './db/database.js';
import type { Logger } from './logger.js';
import type { OutboxCipher } from './outbox-cipher.js';
import { isoRequired } from './util.js';

/** One email as SeatKit hands it to a mailer. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * `<eml_…@host>`, the same for every attempt at one outbox email: a mailer that sets it as the `Message-ID` header
   * lets receivers drop the copy a retry sends after a crash between sending and recording it.
   */
  messageId?: string;
  /**
   * The language the email is written in (a BCP 47 tag such as `de` or `pt-BR`: the organization's locale): a mailer
   * sets it as the `Content-Language` header. Absent on an email queued before it was recorded.
   */
  locale?: string;
}

/**
 * Sends email. SeatKit writes every email to its outbox table in the same transaction as the change
 * that caused it, then hands it to the mailer after commit; a mailer that throws is retried on the next dispatch.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** The default mailer: logs who got which subject (never the body, which may hold an invitation link). */
export function createLogMailer(logger: Logger): Mailer {
  return {
    async send(message) {
      logger.info(`[seatkit] email to ${message.to}: ${message.subject}`);
    },
  };
}

export type EmailKind =
  | 'invitation'
  | 'welcome'
  | 'removal'
  | 'seat_assigned'
  | 'seat_requested'
  | 'seat_request_approved'
  | 'seat_request_denied'
  | 'seat_idle_warning'
  | 'seat_reclaimed';

/** Invitation links carry the secret token: what the outbox keeps readable, and what logs show, has it replaced. */
export const redactTokens = (text: string) => redactWithSecrets(text).redacted;

/** An email ready for the outbox: its body sealed (see `OutboxCipher`), its readable columns with any token redacted. */
export interface SealedEmail {
  kind: EmailKind;
  to: string;
  subject: string;
  /** Readable copies, tokens redacted. */
  text: string;
  html: string | null;
  sealed: string;
  keyId: string;
}

/** Seals an email for the outbox: no statement that queues it ever carries a token in clear. */
export async function sealEmail(cipher: OutboxCipher, kind: EmailKind, message: MailMessage): Promise<SealedEmail> {
  const text = redactWithSecrets(message.text);
  const html = message.html ? redactWithSecrets(message.html) : null;
  // Only what the readable copies lack is sealed: the tokens redaction took out, with where each goes back. The body
  // itself is in the readable columns already (four times smaller a record than sealing the whole body again).
  const secrets: SealedSecrets = { v: 2, text: text.secrets, html: html?.secrets ?? [], locale: message.locale ?? null };
  return {
    kind,
    to: message.to,
    subject: message.subject,
    text: text.redacted,
    html: html?.redacted ?? null,
    sealed: await cipher.seal(JSON.stringify(secrets)),
    keyId: cipher.keyId,
  };
}

/**
 * A sealed body since 2026-12-06: the tokens `redactTokens` replaced, each with the offset in the redacted copy where
 * its `[redacted]` starts (offsets, not a search for the marker, so text that happens to contain it is left alone).
 * Earlier rows seal the whole body (`{ text, html, locale }`); both open.
 */
interface SealedSecrets {
  v: 2;
  text: [number, string][];
  html: [number, string][];
  locale: string | null;
}

const REDACTED = '[redacted]';

function redactWithSecrets(text: string): { redacted: string; secrets: [number, string][] } {
  const secrets: [number, string][] = [];
  let shift = 0;
  const redacted = text.replace(/token=([A-Za-z0-9_-]+)/g, (_match, token: string, offset: number) => {
    // `offset` is in the text as it was; `shift` moves it to the redacted copy.
    secrets.push([offset + shift + 'token='.length, token]);
    shift += REDACTED.length - token.length;
    return `token=${REDACTED}`;
  });
  return { redacted, secrets };
}

function restoreSecrets(redacted: string, secrets: readonly [number, string][]): string {
  let text = redacted;
  for (let i = secrets.length - 1; i >= 0; i--) {
    const [at, token] = secrets[i]!;
    if (text.slice(at, at + REDACTED.length) !== REDACTED) throw new Error('SeatKit: a sealed outbox body does not match its readable copy');
    text = text.slice(0, at) + token + text.slice(at + REDACTED.length);
  }
  return text;
}

/**
 * The outbox insert of any number of sealed emails in one statement, for a caller that makes it part of a statement
 * of its own (a seat assignment queues its emails in the statement that claims the seats). The emails are the jsonb
 * array `records` made by `outboxRecords`, inserted in their order; `extra` declares the record's other keys (`name
 * type, …`) and `where` filters on them (each record is `e`).
 */
export function outboxInsertSql(records: string, now: string, extra = '', where = 'true'): string {
  return `insert into outbox_emails (to_email, subject, text_body, html_body, sealed_body, key_id, kind, created_at)
    select e.to_email, e.subject, e.text_body, e.html_body, e.sealed_body, e.key_id, e.kind, ${now}
      from jsonb_to_recordset(${records}::jsonb)
        as e(ord int, to_email text, subject text, text_body text, html_body text, sealed_body text, key_id text, kind text${extra ? `, ${extra}` : ''})
     where ${where} order by e.ord`;
}

/** The records `outboxInsertSql` reads, in order; `extra` adds keys of each email's own (see its `extra`). */
export function outboxRecords<T extends object>(emails: readonly SealedEmail[], extra?: (index: number) => T): string {
  return JSON.stringify(
    emails.map((e, ord) => ({
      ord,
      to_email: e.to,
      subject: e.subject,
      text_body: e.text,
      html_body: e.html,
      sealed_body: e.sealed,
      key_id: e.keyId,
      kind: e.kind,
      ...extra?.(ord),
    })),
  );
}

/** Queues emails inside the caller's transaction, in order: one statement, whatever their number. */
export async function queueSealedEmails(tx: Queryable, emails: readonly SealedEmail[], now: Date): Promise<void> {
  if (emails.length) await tx.query(outboxInsertSql('$1', '$2'), [outboxRecords(emails), now]);
}

/** Queues an email inside the caller's transaction, sealed (see `sealEmail`). */
export async function enqueueEmail(tx: Queryable, cipher: OutboxCipher, kind: EmailKind, message: MailMessage, now: Date): Promise<void> {
  await queueSealedEmails(tx, [await sealEmail(cipher, kind, message)], now);
}

const MAX_ATTEMPTS = 5;
const CLAIM_BATCH = 20;
/** A claim older than this (its instance crashed or hangs) is taken over. Default of the `claimTimeoutMs` option. */
export const DEFAULT_CLAIM_TIMEOUT_MS = 30_000;

export interface DispatchResult {
  sent: number;
  failed: number;
}

interface OutboxRow {
  id: string;
  seq: string | number;
  to_email: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  sealed_body: string | null;
  locked_at: Date;
}

export interface OutboxOptions {
  database: Database;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  cipher: OutboxCipher;
  /** A claim older than this is taken over by the next dispatch. */
  claimTimeoutMs: number;
  /** The right-hand side of each email's `Message-ID` (the app's host name). */
  messageIdDomain: string;
  /** Keep bodies after sending (the dev mailbox shows them); otherwise the sealed body is dropped once sent. */
  retainBodies: boolean;
  /**
   * Set when the instance shuts down: the claimed emails not yet handed to the mailer are released (pending again, the
   * attempt not counted), so another instance sends them on its next run instead of after `claimTimeoutMs`.
   */
  stopping?: boolean;
}

/**
 * Claims the next emails due: pending, failed (fewer than 5 attempts) or claimed longer than `claimTimeoutMs` ago by an
 * instance that stopped. `FOR UPDATE SKIP LOCKED`, so instances dispatching at once never claim the same row; only rows
 * sealed under this instance's key (or written before sealing existed), so an instance never claims what it cannot open.
 */
export async function claimEmails(db: Queryable, options: Pick<OutboxOptions, 'cipher' | 'claimTimeoutMs'>, now: Date): Promise<OutboxRow[]> {
  const claimed = await db.query<OutboxRow>(CLAIM_EMAILS_SQL, [now, MAX_ATTEMPTS, new Date(now.getTime() - options.claimTimeoutMs), options.cipher.keyId]);
  // RETURNING has no order: send in queue order.
  return claimed.rows.sort((a, b) => Number(a.seq) - Number(b.seq));
}

/**
 * The claim (`$1` now, `$2` the attempts allowed, `$3` when a claim goes stale, `$4` the key id). It walks the queue in
 * order through `outbox_emails_due` (migration 018) and stops after the batch: `query-plans.test.ts` checks the plan.
 */
export const CLAIM_EMAILS_SQL = `update outbox_emails set status = 'sending', attempts = attempts + 1, locked_at = $1
      where id in (
        select id from outbox_emails
         where attempts < $2
           and (key_id = $4 or key_id is null)
           and (status in ('pending', 'failed') or (status = 'sending' and locked_at < $3))
         order by seq limit ${CLAIM_BATCH}
         for update skip locked)
      returning id, seq, to_email, subject, text_body, html_body, sealed_body, locked_at`;

/**
 * The body as it was queued: its readable copies with their sealed tokens put back, or the readable columns of a row
 * written before sealing.
 */
async function openBody(
  cipher: OutboxCipher,
  row: Pick<OutboxRow, 'text_body' | 'html_body' | 'sealed_body'>,
): Promise<{ text: string; html: string | null; locale?: string | null }> {
  if (!row.sealed_body) return { text: row.text_body, html: row.html_body };
  const opened = JSON.parse(await cipher.open(row.sealed_body)) as SealedSecrets | { text: string; html: string | null; locale?: string | null };
  // A whole body, sealed before only the secrets were (`locale`: absent from one sealed before it was recorded).
  if (!('v' in opened)) return opened;
  return {
    text: restoreSecrets(row.text_body, opened.text),
    html: row.html_body === null ? null : restoreSecrets(row.html_body, opened.html),
    locale: opened.locale,
  };
}

/** `openBody`, for the outbox tests. @internal */
export const openBodyForTest = openBody;

/**
 * How long the emails of a claimed batch are handed to the mailer before their claim is renewed: a tenth of the claim
 * timeout, so a claim goes stale only after its instance made no progress for nine tenths of it (the mailer hung or
 * the instance died), and a batch sent by a fast mailer costs one renewal and one record whatever its size.
 */
const renewEvery = (claimTimeoutMs: number) => claimTimeoutMs / 10;

/** What became of one email handed to the mailer; `error` (redacted) when it failed. */
interface Outcome {
  row: OutboxRow;
  error?: string;
}

/**
 * Hands claimed emails to the mailer, one by one, in chunks: each chunk but a fresh claim's first starts by claiming
 * again, in one statement, every email of the batch not yet sent (their `locked_at` moved on, so only a claim its
 * instance stopped working on goes stale; one taken over meanwhile drops out), and ends by recording its outcomes in one statement, each only
 * while the claim is still ours. A chunk ends after `renewEvery` of the claim timeout, when the batch is done, or
 * when the instance stops (the rest is released). A crash between sending and recording sends that chunk's emails
 * again after the claim timeout, with their `Message-ID`s.
 */
export async function deliverEmails(options: OutboxOptions, rows: OutboxRow[]): Promise<DispatchResult> {
  const { database, now } = options;
  const result: DispatchResult = { sent: 0, failed: 0 };
  let rest = rows;
  while (rest.length) {
    if (options.stopping) {
      await releaseClaims(database, rest);
      break;
    }
    // A claim made less than `renewEvery` ago is fresh: its first chunk needs no renewal (one statement and one row
    // version per email fewer; `recordOutcomes` still checks the claim is the one made).
    const claimedAt = rest === rows ? rows[0]!.locked_at.getTime() : null;
    const fresh =
      claimedAt !== null &&
      rows.every((r) => r.locked_at.getTime() === claimedAt) &&
      now().getTime() - claimedAt < renewEvery(options.claimTimeoutMs);
    const sendingAt = fresh ? rows[0]!.locked_at : now();
    if (!fresh) rest = await renewClaims(database, rest, sendingAt);
    const outcomes: Outcome[] = [];
    for (const row of rest) {
      if (options.stopping || (outcomes.length && now().getTime() - sendingAt.getTime() >= renewEvery(options.claimTimeoutMs))) break;
      const outcome = await sendEmail(options, row);
      outcomes.push(outcome);
      if (outcome.error === undefined) result.sent++;
      else result.failed++;
    }
    await recordOutcomes(options, outcomes, sendingAt);
    rest = rest.slice(outcomes.length);
  }
  return result;
}

/** Opens one claimed email's body and hands it to the mailer; a failure is logged and returned, redacted. */
async function sendEmail(options: OutboxOptions, row: OutboxRow): Promise<Outcome> {
  try {
    const body = await openBody(options.cipher, row);
    await options.mailer.send({
      to: row.to_email,
      subject: row.subject,
      text: body.text,
      ...(body.html ? { html: body.html } : {}),
      ...(body.locale ? { locale: body.locale } : {}),
      messageId: `<${row.id}@${options.messageIdDomain}>`,
    });
    return { row };
  } catch (error) {
    const message = redactTokens(error instanceof Error ? error.message : String(error));
    options.logger.warn(`[seatkit] email ${row.id} to ${row.to_email} failed: ${message}`);
    return { row, error: message.slice(0, 500) };
  }
}

/** The claimed rows whose claim is still the one made, claimed again at `at`, in their order (one statement). */
async function renewClaims(database: Queryable, rows: OutboxRow[], at: Date): Promise<OutboxRow[]> {
  const { rows: still } = await database.query<{ id: string }>(
    `update outbox_emails o set locked_at = $3
       from unnest($1::text[], $2::timestamptz[]) as c(id, locked_at)
      where o.id = c.id and o.status = 'sending' and o.locked_at = c.locked_at
      returning o.id`,
    [rows.map((r) => r.id), rows.map((r) => r.locked_at.toISOString()), at],
  );
  const ours = new Set(still.map((r) => r.id));
  return rows.filter((r) => ours.has(r.id)).map((r) => ({ ...r, locked_at: at }));
}

/**
 * Records a chunk's outcomes in one statement, each only while the claim is still ours (`locked_at` is the chunk's):
 * an instance that took one over meanwhile records its own. Sent: the sealed body dropped unless `retainBodies`; a
 * row queued before bodies were sealed has its link in the readable columns, redacted once sent.
 */
async function recordOutcomes(options: OutboxOptions, outcomes: Outcome[], lockedAt: Date): Promise<void> {
  if (!outcomes.length) return;
  const redacted = (o: Outcome) => o.error === undefined && !options.retainBodies && !o.row.sealed_body;
  await options.database.query(
    `update outbox_emails o
        set status = case when u.error is null then 'sent' else 'failed' end,
            sent_at = case when u.error is null then $6 else o.sent_at end,
            last_error = u.error, locked_at = null,
            sealed_body = case when u.error is null and not $7 then null else o.sealed_body end,
            text_body = case when u.redact then u.text_body else o.text_body end,
            html_body = case when u.redact then u.html_body else o.html_body end
       from unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::text[]) as u(id, error, redact, text_body, html_body)
      where o.id = u.id and o.locked_at = $8`,
    [
      outcomes.map((o) => o.row.id),
      outcomes.map((o) => o.error ?? null),
      outcomes.map(redacted),
      outcomes.map((o) => (redacted(o) ? redactTokens(o.row.text_body) : null)),
      outcomes.map((o) => (redacted(o) && o.row.html_body ? redactTokens(o.row.html_body) : null)),
      options.now(),
      options.retainBodies,
      lockedAt,
    ],
  );
}

/** Hands claimed emails back (pending, attempt not counted), each only while the claim is still the one made. */
async function releaseClaims(database: Queryable, rows: Pick<OutboxRow, 'id' | 'locked_at'>[]): Promise<void> {
  await database.query(
    `update outbox_emails o set status = case when o.attempts > 1 then 'failed' else 'pending' end, attempts = o.attempts - 1, locked_at = null
       from unnest($1::text[], $2::timestamptz[]) as c(id, locked_at)
      where o.id = c.id and o.status = 'sending' and o.locked_at = c.locked_at`,
    [rows.map((r) => r.id), rows.map((r) => r.locked_at.toISOString())],
  );
}

/** Claims and sends due outbox emails until none is left or one fails (failed ones wait for the next dispatch). */
export async function dispatchOutbox(options: OutboxOptions): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, failed: 0 };
  for (;;) {
    const rows = await claimEmails(options.database, options, options.now());
    if (rows.length === 0) return result;
    const r = await deliverEmails(options, rows);
    result.sent += r.sent;
    result.failed += r.failed;
    if (r.failed > 0 || r.sent === 0 || options.stopping) return result;
  }
}

/** A page of the outbox, newest first, bodies opened (the dev mailbox). `before`: the `seq` the previous page ended at. */
export async function listOutbox(db: Queryable, cipher: OutboxCipher, page: { limit: number; before?: string }): Promise<{ items: OutboxEmail[]; next: string | null }> {
  const { rows } = await db.query<OutboxRow & { created_at: Date }>(
    `select id, seq, to_email, subject, text_body, html_body, sealed_body, created_at from outbox_emails
      where ($1::bigint is null or seq < $1::bigint) order by seq desc limit $2`,
    [page.before ?? null, page.limit + 1],
  );
  const items = await Promise.all(
    rows.slice(0, page.limit).map(async (r) => {
      // A body sealed under another key (another secret) cannot be opened here: its readable, redacted copies.
      const body = await openBody(cipher, r).catch(() => ({ text: r.text_body, html: r.html_body }));
      return { id: r.id, to: r.to_email, subject: r.subject, text: body.text, html: body.html, createdAt: isoRequired(r.created_at) };
    }),
  );
  return { items, next: rows.length > page.limit ? String(rows[page.limit - 1]!.seq) : null };
}

// ---------------------------------------------------------------- templates

// The emails, in the organization's locale with an HTML part: laid out in emails/render.ts, worded in emails/<locale>.ts.
export {
  invitationEmail,
  removalEmail,
  seatAssignedEmail,
  seatIdleWarningEmail,
  seatReclaimedEmail,
  seatRequestApprovedEmail,
  seatRequestDeniedEmail,
  seatRequestedEmail,
  welcomeEmail,
  type EmailRole,
} from './emails/render.js';

/** The app's page that opens the seat request flow for a product (the kit's `AccessGate` reads `requestSeat`). */
export const requestSeatUrl = (appUrl: string, orgId: string, productKey: string) =>
  `${appUrl}/?org=${encodeURIComponent(orgId)}&requestSeat=${encodeURIComponent(productKey)}`;
