import type { Database, Queryable } from './db/database.js';
import type { Logger } from './logger.js';

/** One email as SeatKit hands it to a mailer. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
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

export type EmailKind = 'invitation' | 'welcome' | 'removal' | 'seat_assigned';

/** Queues an email inside the caller's transaction. */
export async function enqueueEmail(tx: Queryable, kind: EmailKind, message: MailMessage, now: Date): Promise<void> {
  await tx.query(
    `insert into outbox_emails (to_email, subject, text_body, html_body, kind, created_at) values ($1, $2, $3, $4, $5, $6)`,
    [message.to, message.subject, message.text, message.html ?? null, kind, now],
  );
}

const MAX_ATTEMPTS = 5;
/** A row stuck in `sending` this long (a crashed instance) is picked up again. */
const STALE_LOCK_MS = 5 * 60_000;

/** Invitation links carry the secret token; it must not outlive delivery outside the dev mailbox. */
export const redactTokens = (text: string) => text.replace(/token=[A-Za-z0-9_-]+/g, 'token=[redacted]');

export interface DispatchResult {
  sent: number;
  failed: number;
}

/**
 * Sends pending and failed outbox emails. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so several
 * instances can dispatch at once without sending an email twice.
 */
export async function dispatchOutbox(options: {
  database: Database;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  /** Keep bodies after sending (the dev mailbox shows them); otherwise tokens are redacted once sent. */
  retainBodies: boolean;
}): Promise<DispatchResult> {
  const { database, mailer, logger, now } = options;
  const result: DispatchResult = { sent: 0, failed: 0 };
  for (;;) {
    const claimedAt = now();
    const claimed = await database.query<{ id: string; seq: string | number; to_email: string; subject: string; text_body: string; html_body: string | null }>(
      `update outbox_emails set status = 'sending', attempts = attempts + 1, locked_at = $1
        where id in (
          select id from outbox_emails
           where attempts < $2
             and (status in ('pending', 'failed') or (status = 'sending' and locked_at < $3))
           order by seq limit 20
           for update skip locked)
        returning id, seq, to_email, subject, text_body, html_body`,
      [claimedAt, MAX_ATTEMPTS, new Date(claimedAt.getTime() - STALE_LOCK_MS)],
    );
    // RETURNING has no order: send in queue order.
    const rows = claimed.rows.sort((a, b) => Number(a.seq) - Number(b.seq));
    if (rows.length === 0) return result;
    for (const row of rows) {
      try {
        await mailer.send({ to: row.to_email, subject: row.subject, text: row.text_body, ...(row.html_body ? { html: row.html_body } : {}) });
        await database.query(
          options.retainBodies
            ? `update outbox_emails set status = 'sent', sent_at = $2, last_error = null, locked_at = null where id = $1`
            : `update outbox_emails set status = 'sent', sent_at = $2, last_error = null, locked_at = null, text_body = $3, html_body = $4 where id = $1`,
          options.retainBodies
            ? [row.id, now()]
            : [row.id, now(), redactTokens(row.text_body), row.html_body ? redactTokens(row.html_body) : null],
        );
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(`[seatkit] email ${row.id} to ${row.to_email} failed: ${redactTokens(message)}`);
        await database.query(`update outbox_emails set status = 'failed', last_error = $2, locked_at = null where id = $1`, [
          row.id,
          redactTokens(message).slice(0, 500),
        ]);
        result.failed++;
      }
    }
    // Rows this pass could not send are retried by the next dispatch, not in this loop.
    if (result.failed > 0) return result;
  }
}

// ---------------------------------------------------------------- templates

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function html(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const button = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '';
  return `<!doctype html><html><body style="font-family:sans-serif">${body}${button}</body></html>`;
}

export function invitationEmail(input: {
  to: string;
  orgName: string;
  inviterName: string | null;
  role: string;
  acceptUrl: string;
  expiresAt: Date;
}): MailMessage {
  const who = input.inviterName ? `${input.inviterName} invited you` : 'You are invited';
  const lines = [
    `${who} to join ${input.orgName} as ${input.role}.`,
    `Accept the invitation: ${input.acceptUrl}`,
    `The link is valid until ${input.expiresAt.toISOString().slice(0, 10)}. If you did not expect this email, ignore it.`,
  ];
  return {
    to: input.to,
    subject: `You are invited to join ${input.orgName}`,
    text: lines.join('\n\n'),
    html: html([lines[0]!, lines[2]!], { href: input.acceptUrl, label: 'Accept invitation' }),
  };
}

export function welcomeEmail(input: { to: string; orgName: string; firstName: string; lastName: string; role: string; appUrl: string }): MailMessage {
  const lines = [
    `Hello ${input.firstName},`,
    `An account was created for you in ${input.orgName}.`,
    `Account details:\n  Name: ${input.firstName} ${input.lastName}\n  Email (your sign-in): ${input.to}\n  Role: ${input.role}\n  Organization: ${input.orgName}`,
    `Sign in at ${input.appUrl}`,
  ];
  return { to: input.to, subject: `Your account in ${input.orgName}`, text: lines.join('\n\n'), html: html(lines) };
}

export function removalEmail(input: { to: string; orgName: string; firstName: string }): MailMessage {
  const lines = [
    `Hello ${input.firstName},`,
    `Your account in ${input.orgName} has been removed and is queued for deletion. You no longer have access to ${input.orgName}.`,
    `If you think this is a mistake, contact an administrator of ${input.orgName}.`,
  ];
  return { to: input.to, subject: `Your account in ${input.orgName} is queued for deletion`, text: lines.join('\n\n'), html: html(lines) };
}

export function seatAssignedEmail(input: { to: string; orgName: string; productName: string; firstName: string; appUrl: string }): MailMessage {
  const lines = [
    `Hello ${input.firstName},`,
    `You now have a seat of ${input.productName} in ${input.orgName}.`,
    `Open ${input.productName}: ${input.appUrl}`,
  ];
  return { to: input.to, subject: `You have been assigned ${input.productName}`, text: lines.join('\n\n'), html: html(lines) };
}
