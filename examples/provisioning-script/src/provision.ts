import { type SeatKitClient, type Subscription } from '@seatkit/core';
import type { PersonRow } from './csv.js';

/** What happened to one person. */
export type RowOutcome =
  | 'invited' //          a new invitation was sent
  | 'already_invited' //  a pending invitation existed: the server returned it (no second email)
  | 'already_member' //   the person is in the organization already; their seats are assigned directly
  | 'invalid' //          the row itself is wrong (bad email, unknown role or product, duplicate line)
  | 'failed'; //          the server refused it for another reason (e.g. seats_exhausted)

export type SeatOutcome = 'reserved' | 'not_reserved' | 'assigned' | 'already_assigned' | 'failed';

export interface SeatReport {
  product: string;
  outcome: SeatOutcome;
  /** The error code when `failed` (e.g. `seats_exhausted`). */
  code?: string;
  message?: string;
}

export interface RowReport {
  line: number;
  email: string;
  role: string;
  outcome: RowOutcome;
  /** The error code when `invalid` or `failed`. */
  code?: string;
  message?: string;
  seats: SeatReport[];
}

export interface ProvisionOptions {
  client: SeatKitClient;
  orgId: string;
  people: PersonRow[];
  /** People per request; the API takes at most 100. @default 100 */
  batchSize?: number;
  /** Called after each invitation batch, e.g. to print progress. */
  onBatch?: (done: number, total: number) => void;
}

const BATCH_LIMIT = 100;

/**
 * Invites everyone in `people` into the organization, with their role and a seat of each listed
 * product, and answers one report per person in file order.
 *
 * Safe to re-run: the server returns a still-pending invitation instead of creating a second one, and
 * answers `already_member` for people who joined; for those the seats are assigned directly, where
 * `already_assigned` counts as done. Each request carries an idempotency key (the client adds it), so
 * a retried request after a network error is applied once.
 */
export async function provision({ client, orgId, people, batchSize = BATCH_LIMIT, onBatch }: ProvisionOptions): Promise<RowReport[]> {
  if (batchSize < 1 || batchSize > BATCH_LIMIT) throw new RangeError(`batchSize must be 1–${BATCH_LIMIT}`);

  const subscriptionByProduct = pickSubscriptions((await client.subscriptions.list({ orgId })).items);
  const pendingBefore = await pendingInvitationEmails(client, orgId);

  const reports = new Map<PersonRow, RowReport>();
  const toInvite: { person: PersonRow; subscriptions: Subscription[] }[] = [];
  const firstLineOf = new Map<string, number>();

  // Local checks first: a row we can tell is wrong is never sent.
  for (const person of people) {
    const report: RowReport = { line: person.line, email: person.email, role: person.role, outcome: 'invited', seats: [] };
    reports.set(person, report);
    const key = person.email.trim().toLowerCase();
    const unknown = person.products.filter((p) => !subscriptionByProduct.has(p));
    if (!key) {
      Object.assign(report, { outcome: 'invalid', code: 'validation_failed', message: 'No email on this line' });
    } else if (firstLineOf.has(key)) {
      Object.assign(report, { outcome: 'invalid', code: 'duplicate', message: `Same email as line ${firstLineOf.get(key)}` });
    } else if (unknown.length) {
      Object.assign(report, {
        outcome: 'invalid',
        code: 'unknown_product',
        message: `No active subscription of ${unknown.join(', ')} in this organization (have: ${[...subscriptionByProduct.keys()].join(', ') || 'none'})`,
      });
    } else {
      toInvite.push({ person, subscriptions: person.products.map((p) => subscriptionByProduct.get(p)!) });
    }
    if (key && !firstLineOf.has(key)) firstLineOf.set(key, person.line);
  }

  // Invitations, in batches of at most 100 (one result per item: one bad row does not sink the batch).
  const members: { person: PersonRow; subscriptions: Subscription[] }[] = [];
  for (let start = 0; start < toInvite.length; start += batchSize) {
    const batch = toInvite.slice(start, start + batchSize);
    const { results } = await client.invitations.create({
      orgId,
      invitations: batch.map(({ person, subscriptions }) => ({
        email: person.email,
        role: person.role,
        ...(person.firstName ? { firstName: person.firstName } : {}),
        ...(person.lastName ? { lastName: person.lastName } : {}),
        ...(subscriptions.length ? { subscriptionIds: subscriptions.map((s) => s.id) } : {}),
      })),
    });
    results.forEach((result, i) => {
      const { person, subscriptions } = batch[i]!;
      const report = reports.get(person)!;
      if (result.ok) {
        report.outcome = pendingBefore.has(result.invitation.email) ? 'already_invited' : 'invited';
        report.seats = subscriptions.map((s) => ({
          product: s.product.key,
          // A pending invitation from an earlier run keeps the seats it reserved then.
          outcome: result.invitation.subscriptionIds.includes(s.id) ? 'reserved' : 'not_reserved',
        }));
      } else if (result.error.code === 'already_member') {
        report.outcome = 'already_member';
        if (subscriptions.length) members.push({ person, subscriptions });
      } else {
        report.outcome = result.error.code === 'validation_failed' ? 'invalid' : 'failed';
        report.code = result.error.code;
        report.message = result.error.message;
      }
    });
    onBatch?.(Math.min(start + batchSize, toInvite.length), toInvite.length);
  }

  // People who are members already get their seats directly (grouped per subscription, ≤100 per call).
  if (members.length) {
    const memberIdByEmail = new Map<string, string>();
    for (const { person } of members) {
      const email = person.email.trim().toLowerCase();
      const page = await client.members.list({ orgId, query: email, limit: 20 });
      const member = page.items.find((m) => m.email.toLowerCase() === email);
      if (member) memberIdByEmail.set(email, member.id);
    }
    const wanted = new Map<string, { subscription: Subscription; people: PersonRow[] }>();
    for (const { person, subscriptions } of members) {
      for (const subscription of subscriptions) {
        const entry = wanted.get(subscription.id) ?? { subscription, people: [] };
        entry.people.push(person);
        wanted.set(subscription.id, entry);
      }
    }
    for (const { subscription, people: holders } of wanted.values()) {
      const withIds = holders.filter((p) => memberIdByEmail.has(p.email.trim().toLowerCase()));
      for (const person of holders.filter((p) => !withIds.includes(p))) {
        reports.get(person)!.seats.push({ product: subscription.product.key, outcome: 'failed', code: 'not_found', message: 'Member not found' });
      }
      for (let start = 0; start < withIds.length; start += batchSize) {
        const batch = withIds.slice(start, start + batchSize);
        const memberIds = batch.map((p) => memberIdByEmail.get(p.email.trim().toLowerCase())!);
        const { results } = await client.seats.assign({ orgId, subscriptionId: subscription.id, memberIds });
        results.forEach((result, i) => {
          const seats = reports.get(batch[i]!)!.seats;
          const product = subscription.product.key;
          if (result.ok) seats.push({ product, outcome: 'assigned' });
          else if (result.error.code === 'already_assigned') seats.push({ product, outcome: 'already_assigned' });
          else seats.push({ product, outcome: 'failed', code: result.error.code, message: result.error.message });
        });
      }
    }
  }

  return people.map((person) => reports.get(person)!);
}

/** For each product, the subscription seats come from: active and unexpired, the one with most seats left. */
function pickSubscriptions(subscriptions: Subscription[]): Map<string, Subscription> {
  const now = Date.now();
  const byProduct = new Map<string, Subscription>();
  for (const s of subscriptions) {
    if (s.status !== 'active' || (s.expiresAt && Date.parse(s.expiresAt) <= now)) continue;
    const current = byProduct.get(s.product.key);
    if (!current || s.seats.available > current.seats.available) byProduct.set(s.product.key, s);
  }
  return byProduct;
}

async function pendingInvitationEmails(client: SeatKitClient, orgId: string): Promise<Set<string>> {
  const emails = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.invitations.list({ orgId, status: 'pending', limit: 200, ...(cursor ? { cursor } : {}) });
    for (const invitation of page.items) emails.add(invitation.email.toLowerCase());
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return emails;
}

/** `true` when every row ended well (re-run outcomes included) and every seat is in place. */
export function allDone(reports: RowReport[]): boolean {
  return reports.every(
    (r) => (r.outcome !== 'invalid' && r.outcome !== 'failed') && r.seats.every((s) => s.outcome !== 'failed' && s.outcome !== 'not_reserved'),
  );
}

/** A plain-text table of the reports and a summary line. */
export function formatReport(reports: RowReport[]): string {
  const rows = reports.map((r) => [
    String(r.line),
    r.email,
    r.role,
    r.outcome,
    r.seats.map((s) => `${s.product}: ${s.outcome}${s.code ? ` (${s.code})` : ''}`).join(', ') || '-',
    r.message ?? r.seats.find((s) => s.message)?.message ?? '',
  ]);
  const header = ['line', 'email', 'role', 'result', 'seats', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const count = (o: RowOutcome) => reports.filter((r) => r.outcome === o).length;
  const summary =
    `${reports.length} rows: ${count('invited')} invited, ${count('already_invited')} already invited, ` +
    `${count('already_member')} already members, ${count('invalid')} invalid, ${count('failed')} failed`;
  return [line(header), ...rows.map(line), '', summary].join('\n');
}

