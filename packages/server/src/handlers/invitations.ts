import {
  InvitationInputSchema,
  LIMITS,
  type Invitation,
  type InvitationInput,
  type InvitationResult,
  type Role,
} from '@seatkit/core/contract';
import * as z from 'zod/mini';
import { defineHandler, requireMemberCtx, requireOrgCtx, type HandlerContext } from '../context.js';
import { ApiError, itemError, notFound, toIssues } from '../errors.js';
import { invitationEmail, outboxInsertSql, outboxRecords, type MailMessage } from '../mail.js';
import {
  AUDIT_INSERT_COLUMNS,
  INVITATION_SELECT,
  loadInvitation,
  loadOrg,
  loadRole,
  lockSubscriptions,
  requireMember,
  toInvitation,
  toMember,
  upsertUser,
  type InvitationRow,
  type SubscriptionRow,
} from '../repo.js';
import { encodeCursor, randomToken, sha256Hex } from '../util.js';
import { convertReservations } from './members.js';
import { reserveSeat, seatRefusal } from './seats.js';
import { assertAssignableRole, assertCanGrant, assertInvitationRate, cursorValues, fullName, pageLimit } from './shared.js';

const DAY_MS = 24 * 3600 * 1000;
const expiryFrom = (now: Date) => new Date(now.getTime() + LIMITS.invitationDays * DAY_MS);

/** A new secret for the link: 32 random bytes; only its SHA-256 is stored. */
async function newToken() {
  const token = randomToken(32);
  return { token, hash: await sha256Hex(token) };
}

export const listInvitations = defineHandler('listInvitations', async (ctx) => {
  const q = ctx.query;
  const org = requireOrgCtx(ctx);
  const limit = pageLimit(q.limit);
  const params: unknown[] = [org.id, ctx.now];
  const where = ['i.org_id = $1'];
  // `expired` is partly derived: pending rows past their expiry count as expired.
  if (q.status === 'pending') where.push(`i.status = 'pending' and i.expires_at > $2`);
  else if (q.status === 'expired') where.push(`(i.status = 'expired' or (i.status = 'pending' and i.expires_at <= $2))`);
  else if (q.status) {
    params.push(q.status);
    // $2 must appear in every branch: Postgres cannot infer the type of an unused parameter.
    where.push(`i.status = $${params.length} and $2::timestamptz is not null`);
  } else where.push('$2::timestamptz is not null');
  const after = cursorValues(q.cursor, 'seq');
  if (after) {
    params.push(String(after[0]));
    where.push(`i.seq < $${params.length}::bigint`);
  }
  params.push(limit + 1);
  const { rows } = await ctx.db.query<InvitationRow>(`${INVITATION_SELECT} where ${where.join(' and ')} order by i.seq desc limit $${params.length}`, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => toInvitation(r, ctx.now)), nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null };
});

/**
 * Invites in bulk, one result per item, in order. Set-based: whatever the number of items, one statement each checks
 * the members, finds the pending invitations, expires the stale ones, inserts the invitations, their reservations,
 * their audit events and their emails, and reads them back.
 */
export const createInvitations = defineHandler('createInvitations', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const items = ctx.body.invitations;
  await assertInvitationRate(ctx, items.length);

  // Validate each item on its own; collect the subscriptions to lock them once, in a fixed order.
  const parsed = items.map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? z.safeParse(InvitationInputSchema, item) : null));
  const wanted = parsed.flatMap((p) => (p?.success ? (p.data.subscriptionIds ?? []) : []));
  const subscriptions = await lockSubscriptions(ctx.db, org.id, wanted, ctx.now);

  // What needs no database, per item: the item's shape, the role (looked up once per role) and the grants.
  const roles = new Map<string, Promise<Role>>();
  const roleOf = (key: string) => {
    if (!roles.has(key)) roles.set(key, assertAssignableRole(ctx, org.id, key, ['role']));
    return roles.get(key)!;
  };
  const results: (InvitationResult | Pending)[] = [];
  for (let index = 0; index < items.length; index++) {
    const raw = items[index];
    const p = parsed[index];
    const rawEmail = typeof raw === 'object' && raw && typeof (raw as { email?: unknown }).email === 'string' ? (raw as { email: string }).email.trim().toLowerCase() : '';
    if (!p || !p.success) {
      const issues = p ? toIssues(p.error.issues as never) : [{ path: [], message: 'Each invitation must be an object', code: 'invalid_type' }];
      results.push({ ok: false, email: rawEmail, error: { code: 'validation_failed', message: issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '), details: issues } });
      continue;
    }
    try {
      const role = await roleOf(p.data.role);
      assertCanGrant(ctx, p.data.permissions);
      results.push({ input: p.data, role });
    } catch (error) {
      results.push({ ok: false, email: p.data.email, error: itemError(error) });
    }
  }

  // Who is a member already, and who has a pending invitation: one statement each for the whole batch.
  const emails = [...new Set(results.filter(isPending).map((r) => r.input.email))];
  const members = emails.length
    ? new Set((await ctx.db.query<{ email: string }>(`select email from members where org_id = $1 and email = any($2::text[])`, [org.id, emails])).rows.map((r) => r.email))
    : new Set<string>();
  const invitable = emails.filter((email) => !members.has(email));
  const pendingRows = invitable.length
    ? (await ctx.db.query<InvitationRow>(`${INVITATION_SELECT} where i.org_id = $1 and i.email = any($2::text[]) and i.status = 'pending'`, [org.id, invitable])).rows
    : [];
  // Inviting someone with a pending invitation is idempotent: the same invitation comes back, no new email.
  const live = new Map(pendingRows.filter((r) => new Date(r.expires_at) > ctx.now).map((r) => [r.email, r]));
  const stale = pendingRows.filter((r) => !live.has(r.email)).map((r) => r.id);
  if (stale.length) await ctx.db.query(`update invitations set status = 'expired' where id = any($1::text[])`, [stale]);

  // The new invitations, decided in order: a dead or full subscription reserves nothing (the same rule as a bulk
  // assignment's), and the cap counts the reservations of the items before.
  const reservedNow = new Map<string, number>();
  const created = new Map<string, NewInvitation>();
  for (let index = 0; index < results.length; index++) {
    const item = results[index]!;
    if (!isPending(item)) continue;
    const { input, role } = item;
    try {
      if (members.has(input.email)) throw new ApiError('already_member', `${input.email} is already a member of ${org.name}`, { email: input.email });
      const current = live.get(input.email);
      if (current) {
        results[index] = { ok: true, email: input.email, invitation: toInvitation(current, ctx.now), alreadyInvited: true };
        continue;
      }
      const earlier = created.get(input.email);
      if (earlier) {
        // Named again in the same batch: the invitation its first mention makes, as a second request would get it.
        const again = { ok: true, email: input.email, alreadyInvited: true } as NewInvitation['result'];
        earlier.again.push(again);
        results[index] = again;
        continue;
      }
      const subscriptionIds = [...new Set(input.subscriptionIds ?? [])];
      for (const id of subscriptionIds) {
        const sub = subscriptions.get(id);
        if (!sub) throw new ApiError('not_found', `Subscription ${id} not found`, { subscriptionId: id });
        const refusal = seatRefusal(sub, ctx.now, reservedNow.get(id) ?? 0);
        if (refusal) throw refusal;
      }
      for (const id of subscriptionIds) reservedNow.set(id, (reservedNow.get(id) ?? 0) + 1);
      const entry: NewInvitation = { input, role, subscriptionIds, ...(await newToken()), result: { ok: true, email: input.email } as NewInvitation['result'], again: [] };
      created.set(input.email, entry);
      results[index] = entry.result;
    } catch (error) {
      results[index] = { ok: false, email: input.email, error: itemError(error) };
    }
  }

  if (created.size) await insertInvitations(ctx, [...created.values()]);
  // The new invitations' result objects sit in `results`; insertInvitations filled them in.
  return { results: results as InvitationResult[] };
});

/** An item that passed the checks that need no database, waiting for the batch's statements. */
interface Pending {
  input: InvitationInput;
  role: Role;
}
const isPending = (r: InvitationResult | Pending): r is Pending => 'input' in r;

interface NewInvitation extends Pending {
  subscriptionIds: string[];
  token: string;
  hash: string;
  /** Its item's result and those of later mentions of the same email, filled in by `insertInvitations`. */
  result: Extract<InvitationResult, { ok: true }>;
  again: Extract<InvitationResult, { ok: true }>[];
}

/**
 * Inserts the batch's invitations with their reservations, audit events and emails in one statement, whatever the
 * batch's size, and returns them as inserted (the emails are sealed first, the statement queues those of the
 * invitations it made). An email a concurrent request invited first (the insert skips it) gets that request's
 * invitation: one more statement, only then.
 */
async function insertInvitations(ctx: HandlerContext, batch: NewInvitation[]) {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const expiresAt = expiryFrom(ctx.now);
  // The batch's emails differ only by role and link: each role's is written once with a stand-in token (random, the
  // shape of a real one, so the layout is the same), which each invitation's own token then replaces.
  const standIn = randomToken(32);
  const drafts = new Map<string, MailMessage>();
  const emailOf = (b: NewInvitation): MailMessage => {
    let draft = drafts.get(b.role.key);
    if (!draft) {
      draft = invitationEmail({ to: '', locale: org.locale, orgName: org.name, inviterName: fullName(caller) || null, role: b.role, acceptUrl: acceptUrl(ctx, standIn), expiresAt });
      drafts.set(b.role.key, draft);
    }
    const link = (text: string) => text.split(standIn).join(encodeURIComponent(b.token));
    return { ...draft, to: b.input.email, text: link(draft.text), ...(draft.html !== undefined && { html: link(draft.html) }) };
  };
  const emails = await Promise.all(batch.map((b) => ctx.sealEmail('invitation', emailOf(b))));
  const rows = batch.map((b, ord) => ({
    ord,
    email: b.input.email,
    role: b.role.key,
    first_name: b.input.firstName ?? null,
    last_name: b.input.lastName ?? null,
    grants: b.input.permissions ?? [],
    token_hash: b.hash,
    subscription_ids: b.subscriptionIds,
  }));
  // Each statement of a CTE sees the tables as they were before it: the reservations, audit events and emails are
  // joined to what the insert returned, so a skipped email gets none of them. The webhook trigger runs after the
  // statement and reads the invitation with its reservations (migration 010).
  const { rows: inserted } = await ctx.db.query<InvitationRow>(
    `with r as materialized (
       select * from jsonb_to_recordset($2::jsonb)
         as r(ord int, email text, role text, first_name text, last_name text, grants jsonb, token_hash text, subscription_ids jsonb)
     ),
     inserted as (
       insert into invitations (org_id, email, role, first_name, last_name, grants, token_hash, expires_at, created_at, invited_by)
       select $1, r.email, r.role, r.first_name, r.last_name, array(select jsonb_array_elements_text(r.grants)), r.token_hash, $3, $4, $5
         from r order by r.ord
       on conflict (org_id, email) where status = 'pending' do nothing
       returning id, org_id, email, role, first_name, last_name, grants, status, expires_at, created_at, invited_by, accepted_at, seq
     ),
     reserved as (
       insert into seat_reservations (subscription_id, invitation_id)
       select s.subscription_id, i.id from inserted i join r on r.email = i.email
        cross join lateral jsonb_array_elements_text(r.subscription_ids) as s(subscription_id)
     ),
     audited as (
       insert into audit_events (${AUDIT_INSERT_COLUMNS})
       select $1, $5, $6, 'invitation.created', 'invitation', i.id,
              jsonb_build_object('email', r.email, 'role', r.role, 'subscriptionIds', r.subscription_ids), $7, $4
         from inserted i join r on r.email = i.email order by r.ord
     ),
     queued as (
       ${outboxInsertSql('$8', '$4', 'invitation_email text', 'e.invitation_email in (select i.email from inserted i)')}
     )
     select i.*, array(select jsonb_array_elements_text(r.subscription_ids) order by 1) as subscription_ids
       from inserted i join r on r.email = i.email`,
    [
      org.id,
      JSON.stringify(rows),
      expiresAt,
      ctx.now,
      caller.id,
      ctx.user?.email ?? null,
      ctx.requestId,
      outboxRecords(emails, (i) => ({ invitation_email: batch[i]!.input.email })),
    ],
  );
  const byEmail = new Map(inserted.map((r) => [r.email, r]));
  const skipped = batch.filter((b) => !byEmail.has(b.input.email)).map((b) => b.input.email);
  if (skipped.length) {
    const { rows: theirs } = await ctx.db.query<InvitationRow>(`${INVITATION_SELECT} where i.org_id = $1 and i.email = any($2::text[]) and i.status = 'pending'`, [
      org.id,
      skipped,
    ]);
    for (const row of theirs) byEmail.set(row.email, row);
  }
  for (const b of batch) {
    const invitation = toInvitation(byEmail.get(b.input.email)!, ctx.now);
    Object.assign(b.result, { invitation, ...(skipped.includes(b.input.email) && { alreadyInvited: true }) });
    for (const again of b.again) again.invitation = invitation;
  }
}

const acceptUrl = (ctx: HandlerContext, token: string) => `${ctx.settings.appUrl}/accept-invitation?token=${encodeURIComponent(token)}`;

/** Sends a new link (a new token: the old link stops working) and renews the expiry. */
export const resendInvitation = defineHandler('resendInvitation', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const caller = requireMemberCtx(ctx);
  const row = await loadInvitation(ctx.db, org.id, ctx.params.invitationId, true);
  if (!row) throw notFound('Invitation');
  if (row.status !== 'pending' && row.status !== 'expired') {
    throw new ApiError('invitation_not_pending', `The invitation is ${row.status} and cannot be resent`, { status: row.status });
  }
  await assertInvitationRate(ctx, 1);
  const wasLive = row.status === 'pending' && new Date(row.expires_at) > ctx.now;
  if (!wasLive) {
    // Its reservations stopped counting when it expired: take them again only if seats are still free.
    const subs = await lockSubscriptions(ctx.db, org.id, row.subscription_ids, ctx.now);
    for (const id of row.subscription_ids) {
      const sub = subs.get(id);
      if (sub && sub.assigned + sub.reserved + 1 > sub.seat_limit) {
        throw new ApiError('seats_exhausted', `No seats left in ${sub.product_name} to reserve again`, { subscriptionId: id });
      }
    }
    const other = await ctx.db.query(`select 1 from invitations where org_id = $1 and email = $2 and status = 'pending' and id <> $3`, [org.id, row.email, row.id]);
    if (other.rows.length) throw new ApiError('invitation_not_pending', 'A newer invitation for this email is pending; resend that one');
    const member = await ctx.db.query(`select 1 from members where org_id = $1 and email = $2`, [org.id, row.email]);
    if (member.rows.length) throw new ApiError('already_member', `${row.email} is already a member of ${org.name}`, { email: row.email });
  }
  const { token, hash } = await newToken();
  const expiresAt = expiryFrom(ctx.now);
  await ctx.db.query(`update invitations set token_hash = $2, expires_at = $3, status = 'pending' where id = $1`, [row.id, hash, expiresAt]);
  const role = await loadRole(ctx.db, org.id, row.role);
  await ctx.audit({ action: 'invitation.resent', targetType: 'invitation', targetId: row.id, data: { email: row.email } });
  await ctx.email(
    'invitation',
    invitationEmail({ to: row.email, locale: org.locale, orgName: org.name, inviterName: fullName(caller) || null, role: role ?? { key: row.role, name: row.role }, acceptUrl: acceptUrl(ctx, token), expiresAt }),
  );
  return toInvitation((await loadInvitation(ctx.db, org.id, row.id))!, ctx.now);
});

export const revokeInvitation = defineHandler('revokeInvitation', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const row = await loadInvitation(ctx.db, org.id, ctx.params.invitationId, true);
  if (!row) throw notFound('Invitation');
  if (row.status !== 'pending' && row.status !== 'expired') {
    throw new ApiError('invitation_not_pending', `The invitation is ${row.status} and cannot be revoked`, { status: row.status });
  }
  await ctx.db.query(`update invitations set status = 'revoked' where id = $1`, [row.id]);
  // Frees the reserved seats at once.
  await ctx.db.query(`delete from seat_reservations where invitation_id = $1`, [row.id]);
  await ctx.audit({ action: 'invitation.revoked', targetType: 'invitation', targetId: row.id, data: { email: row.email } });
  return toInvitation({ ...row, status: 'revoked', subscription_ids: [] }, ctx.now);
});

async function byToken(ctx: HandlerContext, lock: boolean): Promise<InvitationRow> {
  const token = ctx.params.token ?? '';
  if (token.length < 20 || token.length > 200) throw notFound('Invitation');
  const hash = await sha256Hex(token);
  if (lock) await ctx.db.query(`select id from invitations where token_hash = $1 for update`, [hash]);
  const { rows } = await ctx.db.query<InvitationRow>(`${INVITATION_SELECT} where i.token_hash = $1`, [hash]);
  if (!rows[0]) throw notFound('Invitation');
  return rows[0];
}

export const previewInvitation = defineHandler('previewInvitation', async (ctx) => {
  const row = await byToken(ctx, false);
  const org = (await loadOrg(ctx.db, row.org_id))!;
  const inviter = row.invited_by
    ? (await ctx.db.query<{ first_name: string; last_name: string }>(`select first_name, last_name from members where id = $1`, [row.invited_by])).rows[0]
    : undefined;
  const invitation = toInvitation(row, ctx.now);
  const role = await loadRole(ctx.db, org.id, row.role);
  return {
    organization: { id: org.id, name: org.name },
    email: row.email,
    role: row.role,
    roleName: role?.name ?? row.role,
    status: invitation.status,
    expiresAt: invitation.expiresAt,
    invitedBy: inviter ? { firstName: inviter.first_name, lastName: inviter.last_name } : null,
  };
});

export const acceptInvitation = defineHandler('acceptInvitation', async (ctx) => {
  const user = ctx.user!;
  const row = await byToken(ctx, true);
  const status = toInvitation(row, ctx.now).status;
  if (status === 'expired') throw new ApiError('invitation_expired', 'This invitation has expired; ask for a new one');
  if (status !== 'pending') throw new ApiError('invitation_not_pending', `This invitation was already ${status}`, { status });
  if (row.email !== user.email) {
    throw new ApiError('forbidden', 'This invitation was sent to another email address; sign in with that address to accept it', { reason: 'email_mismatch' });
  }
  const org = (await loadOrg(ctx.db, row.org_id))!;
  // Lock the reserved subscriptions so the conversion is atomic against concurrent seat changes.
  await lockSubscriptions(ctx.db, org.id, row.subscription_ids, ctx.now);
  const role = (await loadRole(ctx.db, org.id, row.role)) ? row.role : 'member';
  const named = await upsertUser(ctx.db, user.email, { firstName: row.first_name ?? '', lastName: row.last_name ?? '' });
  const inserted = await ctx.db.query<{ id: string }>(
    `insert into members (org_id, user_id, email, first_name, last_name, role, grants, invited_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (org_id, user_id) do nothing returning id`,
    [org.id, user.id, user.email, row.first_name ?? named.first_name, row.last_name ?? named.last_name, role, row.grants, row.invited_by, ctx.now],
  );
  // Already a member (added directly meanwhile): the invitation still completes and its seats go to that member.
  const memberId =
    inserted.rows[0]?.id ??
    (await ctx.db.query<{ id: string }>(`select id from members where org_id = $1 and user_id = $2`, [org.id, user.id])).rows[0]!.id;
  await ctx.db.query(`update invitations set status = 'accepted', accepted_at = $2 where id = $1`, [row.id, ctx.now]);
  // A reservation of a subscription that died meanwhile gives no seat; the invitation is accepted all the same.
  const notGiven = await convertReservations(ctx, row.id, memberId);
  await ctx.audit({
    orgId: org.id,
    action: 'invitation.accepted',
    targetType: 'invitation',
    targetId: row.id,
    data: { email: user.email, memberId, subscriptionIds: row.subscription_ids, ...(notGiven.length && { seatsNotGiven: notGiven }) },
  });
  return { organization: { id: org.id, name: org.name }, member: toMember(await requireMember(ctx.db, org.id, memberId)) };
});
