import { LIMITS } from '@seatkit/core/contract';
import type { Database, Queryable } from './db/database.js';
import { invitationEmail, enqueueEmail } from './mail.js';
import type { OutboxCipher } from './outbox-cipher.js';
import { insertOrganization } from './handlers/provisioning.js';
import { randomToken, sha256Hex } from './util.js';

/** Ids of the demo data, for tests, stories and docs. */
export interface DemoSeed {
  northwind: {
    orgId: string;
    ownerMemberId: string;
    adminMemberId: string;
    memberMemberId: string;
    subscriptions: { imagingApp: string; imagingCloud: string };
    pendingInvitationId: string;
    /** Ava Brooks's pending request for a seat of Imaging Cloud. */
    pendingSeatRequestId: string;
  };
  lakeside: { orgId: string; ownerMemberId: string };
}

export const DEMO_USERS = {
  owner: { email: 'owner@northwind.test', firstName: 'Olivia', lastName: 'Owner' },
  admin: { email: 'admin@northwind.test', firstName: 'Adam', lastName: 'Admin' },
  member: { email: 'member@northwind.test', firstName: 'Mia', lastName: 'Member' },
  lakesideOwner: { email: 'owner@lakeside.test', firstName: 'Leo', lastName: 'Lakeside' },
  invitee: { email: 'new.hire@northwind.test', firstName: 'Nina', lastName: 'Newhire' },
} as const;

const FIRST = ['Ava', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Felix', 'Grace', 'Hugo', 'Isla', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara'];
const LAST = ['Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Khan', 'Larsen', 'Moreau', 'Nowak', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Silva', 'Tanaka', 'Udeh'];

const DAY = 24 * 3600 * 1000;

/** Loads the demo organizations once. A second call finds them and returns their ids (a restarted CLI keeps its data). */
export async function seedDemo(database: Database, now: () => Date, appUrl: string, cipher: OutboxCipher): Promise<DemoSeed> {
  return database.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(727274002)`);
    const existing = await findDemo(tx);
    if (existing) return existing;
    const at = now();

    const northwind = await insertOrganization(tx, { name: 'Northwind Dental', owner: DEMO_USERS.owner }, at);
    const addMember = async (u: { email: string; firstName: string; lastName: string }, role: string, orgId = northwind.id) => {
      const user = await tx.query<{ id: string }>(
        `insert into users (email, first_name, last_name) values ($1, $2, $3)
         on conflict (email) do update set email = excluded.email returning id`,
        [u.email, u.firstName, u.lastName],
      );
      const { rows } = await tx.query<{ id: string }>(
        `insert into members (org_id, user_id, email, first_name, last_name, role, created_at) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [orgId, user.rows[0]!.id, u.email, u.firstName, u.lastName, role, at],
      );
      return rows[0]!.id;
    };
    const adminId = await addMember(DEMO_USERS.admin, 'admin');
    const memberId = await addMember(DEMO_USERS.member, 'member');
    const generated: string[] = [];
    for (let i = 0; i < 20; i++) {
      const firstName = FIRST[i]!;
      const lastName = LAST[(i * 7) % LAST.length]!;
      generated.push(await addMember({ email: `${firstName}.${lastName}@northwind.test`.toLowerCase(), firstName, lastName }, 'member'));
    }

    const product = async (key: string, name: string) =>
      (
        await tx.query<{ id: string }>(
          `insert into products (key, name, created_at) values ($1, $2, $3) on conflict (key) do update set name = excluded.name returning id`,
          [key, name, at],
        )
      ).rows[0]!.id;
    const imagingAppProduct = await product('imaging-app', 'Imaging App');
    const imagingCloudProduct = await product('imaging-cloud', 'Imaging Cloud');
    const subscription = async (orgId: string, productId: string, seats: number) =>
      (
        await tx.query<{ id: string }>(
          `insert into subscriptions (org_id, product_id, seat_limit, status, expires_at, created_at) values ($1, $2, $3, 'active', $4, $5) returning id`,
          [orgId, productId, seats, new Date(at.getTime() + 365 * DAY), at],
        )
      ).rows[0]!.id;
    const imagingApp = await subscription(northwind.id, imagingAppProduct, 5);
    const imagingCloud = await subscription(northwind.id, imagingCloudProduct, 2);
    for (const holder of [northwind.owner_member_id, memberId]) {
      await tx.query(`insert into seat_assignments (subscription_id, member_id, assigned_by, assigned_at) values ($1, $2, $3, $4)`, [
        imagingApp,
        holder,
        adminId,
        at,
      ]);
    }

    // The pending invitation, with its email in the outbox so the dev mailbox shows a working link.
    const seatRequest = await tx.query<{ id: string }>(
      `insert into seat_requests (org_id, member_id, product_id, note, created_at) values ($1, $2, $3, $4, $5) returning id`,
      [northwind.id, generated[0], imagingCloudProduct, 'I review the scans on Thursdays.', at],
    );

    const token = randomToken(32);
    const expiresAt = new Date(at.getTime() + LIMITS.invitationDays * DAY);
    const invitation = await tx.query<{ id: string }>(
      `insert into invitations (org_id, email, role, first_name, last_name, token_hash, expires_at, created_at, invited_by)
       values ($1, $2, 'member', $3, $4, $5, $6, $7, $8) returning id`,
      [northwind.id, DEMO_USERS.invitee.email, DEMO_USERS.invitee.firstName, DEMO_USERS.invitee.lastName, await sha256Hex(token), expiresAt, at, adminId],
    );
    await enqueueEmail(
      tx,
      cipher,
      'invitation',
      invitationEmail({
        to: DEMO_USERS.invitee.email,
        locale: northwind.locale,
        orgName: 'Northwind Dental',
        inviterName: 'Adam Admin',
        role: { key: 'member', name: 'Member' },
        acceptUrl: `${appUrl}/accept-invitation?token=${token}`,
        expiresAt,
      }),
      at,
    );

    const lakeside = await insertOrganization(tx, { name: 'Lakeside Clinic', owner: DEMO_USERS.lakesideOwner }, at);
    await addMember(DEMO_USERS.admin, 'admin', lakeside.id);
    await subscription(lakeside.id, imagingAppProduct, 3);

    return {
      northwind: {
        orgId: northwind.id,
        ownerMemberId: northwind.owner_member_id,
        adminMemberId: adminId,
        memberMemberId: memberId,
        subscriptions: { imagingApp, imagingCloud },
        pendingInvitationId: invitation.rows[0]!.id,
        pendingSeatRequestId: seatRequest.rows[0]!.id,
      },
      lakeside: { orgId: lakeside.id, ownerMemberId: lakeside.owner_member_id },
    };
  });
}

async function findDemo(db: Queryable): Promise<DemoSeed | null> {
  const org = async (name: string, ownerEmail: string) =>
    (
      await db.query<{ id: string; owner_member_id: string }>(
        `select o.id, o.owner_member_id from organizations o join members m on m.id = o.owner_member_id
          where o.name = $1 and m.email = $2 order by o.created_at limit 1`,
        [name, ownerEmail],
      )
    ).rows[0];
  const northwind = await org('Northwind Dental', DEMO_USERS.owner.email);
  const lakeside = await org('Lakeside Clinic', DEMO_USERS.lakesideOwner.email);
  if (!northwind || !lakeside) return null;
  const memberId = async (email: string) =>
    (await db.query<{ id: string }>(`select id from members where org_id = $1 and email = $2`, [northwind.id, email])).rows[0]?.id ?? '';
  const sub = async (key: string) =>
    (
      await db.query<{ id: string }>(
        `select s.id from subscriptions s join products p on p.id = s.product_id where s.org_id = $1 and p.key = $2 order by s.created_at limit 1`,
        [northwind.id, key],
      )
    ).rows[0]?.id ?? '';
  const invitation = await db.query<{ id: string }>(`select id from invitations where org_id = $1 and email = $2 order by seq limit 1`, [
    northwind.id,
    DEMO_USERS.invitee.email,
  ]);
  const seatRequest = await db.query<{ id: string }>(
    `select r.id from seat_requests r join products p on p.id = r.product_id where r.org_id = $1 and p.key = 'imaging-cloud' order by r.seq limit 1`,
    [northwind.id],
  );
  return {
    northwind: {
      orgId: northwind.id,
      ownerMemberId: northwind.owner_member_id,
      adminMemberId: await memberId(DEMO_USERS.admin.email),
      memberMemberId: await memberId(DEMO_USERS.member.email),
      subscriptions: { imagingApp: await sub('imaging-app'), imagingCloud: await sub('imaging-cloud') },
      pendingInvitationId: invitation.rows[0]?.id ?? '',
      pendingSeatRequestId: seatRequest.rows[0]?.id ?? '',
    },
    lakeside: { orgId: lakeside.id, ownerMemberId: lakeside.owner_member_id },
  };
}

/** Adds `count` members with generated names in one INSERT … SELECT over generate_series (10,000 in well under a second on Postgres). */
export async function seedMembers(database: Database, orgId: string, count: number, now: () => Date): Promise<number> {
  if (!Number.isInteger(count) || count < 0) throw new Error('seedMembers: count must be a non-negative integer');
  const batch = randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, 'x');
  const inserted = await database.transaction(async (tx) => {
    const org = await tx.query(`select 1 from organizations where id = $1`, [orgId]);
    if (!org.rows.length) throw new Error(`seedMembers: organization ${orgId} not found`);
    const { rows } = await tx.query<{ n: number }>(
      `with gen as (
         select g, $3::text[] as f, $4::text[] as l from generate_series(1, $2::int) g
       ), u as (
         insert into users (email, first_name, last_name)
         select 'seed-' || $5 || '-' || g || '@example.test', f[1 + g % array_length(f, 1)], l[1 + (g / array_length(f, 1)) % array_length(l, 1)]
           from gen
         returning id, email, first_name, last_name
       ), m as (
         insert into members (org_id, user_id, email, first_name, last_name, role, created_at)
         select $1, u.id, u.email, u.first_name, u.last_name, 'member', $6 from u
         returning 1
       )
       select count(*)::int as n from m`,
      [orgId, count, FIRST, LAST, batch, now()],
    );
    return Number(rows[0]!.n);
  });
  // Fresh statistics after a bulk load, as Postgres advises: PGlite never auto-analyzes, and with none the
  // planner guessed 10 matches for a common surname and sorted 5,000 of them instead of walking the sort index.
  await database.exec('analyze members');
  return inserted;
}
