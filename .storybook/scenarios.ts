/**
 * Data shapes for stories, made through the real server or its HTTP API after the demo seed.
 * Use them as `parameters: { seatkit: { setup: scenarios.seatsExhausted() } }`.
 */
import { DEMO_USERS } from '@seatkit/server';
import { STORY_SERVER_KEY, type StoryBackend } from './backend';

export type Setup = (backend: StoryBackend) => Promise<void>;

/** A name that stresses truncation and wrapping: long, hyphenated, with diacritics. */
export const LONG_NAME = {
  firstName: 'Maximiliana-Théodora Alexandrina',
  lastName: 'Wolfeschlegelsteinhausen-Bergerdorff van der Linden',
  email: 'maximiliana.theodora.wolfeschlegelsteinhausen-bergerdorff@very-long-subdomain.northwind-dental-group.test',
};

/** Runs several setups in order. */
export function combine(...setups: Setup[]): Setup {
  return async (backend) => {
    for (const setup of setups) await setup(backend);
  };
}

/** Adds `count` generated members to the story's organization (one generate_series insert). */
export function manyMembers(count = 10_000): Setup {
  return async ({ server, orgId }) => {
    await server.seedMembers(orgId, count);
  };
}

/** Gives Mia Member, and one added member, very long names and a very long email (through the API, as the owner). */
export function longNames(): Setup {
  return async ({ clientFor, demo }) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    const orgId = demo.northwind.orgId;
    await owner.members.update({
      orgId,
      memberId: demo.northwind.memberMemberId,
      firstName: LONG_NAME.firstName,
      lastName: LONG_NAME.lastName,
    });
    await owner.members.add({
      orgId,
      email: LONG_NAME.email,
      firstName: 'Bartholomew-Christopher Jean-Sébastien',
      lastName: 'Montgomery-Featherstonehaugh of Northwind',
      role: 'admin',
    });
  };
}

/**
 * Fills every seat of the Northwind subscriptions through the real assign API, as the owner: the
 * server's `assigned + reserved <= seatLimit` rule decides when a pool is full.
 */
export function seatsExhausted(which: 'imagingApp' | 'imagingCloud' | 'both' = 'both'): Setup {
  return async ({ clientFor, demo }) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    const orgId = demo.northwind.orgId;
    const ids =
      which === 'both'
        ? Object.values(demo.northwind.subscriptions)
        : [demo.northwind.subscriptions[which]];
    const members = (await owner.members.list({ orgId, limit: 100 })).items;
    for (const subscriptionId of ids) {
      const holders = new Set((await owner.seats.list({ orgId, subscriptionId, limit: 100 })).items.map((s) => s.memberId));
      // Assign one by one until the server answers seats_exhausted: the pool is then full by its own rule.
      for (const member of members) {
        if (holders.has(member.id)) continue;
        const { results } = await owner.seats.assign({ orgId, subscriptionId, memberIds: [member.id] });
        if (!results[0]?.ok) break;
      }
    }
  };
}

/** Revokes every pending invitation of the organization (an empty invitation list). */
/**
 * Every seat assigned `days` ago and never used since: the seed dates everything today, so the seats are aged in the
 * database, as the passing of time would (the clock of the page's server is the browser's).
 */
export function agedSeats(days = 45): Setup {
  return async ({ server }) => {
    await server.database.query(`update seat_assignments set assigned_at = assigned_at - make_interval(days => $1)`, [days]);
  };
}

export function noInvitations(): Setup {
  return async ({ clientFor, orgId }) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    const { items } = await owner.invitations.list({ orgId, status: 'pending', limit: 100 });
    for (const invitation of items) await owner.invitations.revoke({ orgId, invitationId: invitation.id });
  };
}

/** Reads the accept token of the newest invitation email sent to `email` from the server's mailbox. */
export async function invitationTokenFor(backend: StoryBackend, email: string): Promise<string> {
  const mails = await backend.server.mailbox();
  const mail = [...mails].reverse().find((m) => m.to === email && /accept-invitation\?token=/.test(m.text));
  const token = mail?.text.match(/accept-invitation\?token=([^\s&]+)/)?.[1];
  if (!token) throw new Error(`No invitation email for ${email} in the mailbox.`);
  return decodeURIComponent(token);
}

/**
 * Changes a Northwind subscription through the provisioning API with the server key, as the host's
 * back office would (`PATCH /v1/orgs/:orgId/subscriptions/:id`): status, expiry or seat limit.
 */
export function updateSubscription(
  which: 'imagingApp' | 'imagingCloud',
  body: { status?: 'active' | 'past_due' | 'canceled'; expiresAt?: string; seatLimit?: number },
): Setup {
  return async ({ server, demo }) => {
    const res = await server.fetch(
      new Request(`http://seatkit.story/v1/orgs/${demo.northwind.orgId}/subscriptions/${demo.northwind.subscriptions[which]}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${STORY_SERVER_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    if (!res.ok) throw new Error(`Provisioning failed (${res.status}): ${await res.text()}`);
  };
}

/** Suspends a Northwind member (through the API, as the owner): it keeps its seats but loses access. */
export function suspend(who: 'member' | 'admin' = 'member'): Setup {
  return async ({ clientFor, demo }) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    const memberId = who === 'admin' ? demo.northwind.adminMemberId : demo.northwind.memberMemberId;
    await owner.members.update({ orgId: demo.northwind.orgId, memberId, status: 'suspended' });
  };
}

/** Makes Mia Member an admin too (through the API, as the owner), so an admin sees another admin. */
export function secondAdmin(): Setup {
  return async ({ clientFor, demo }) => {
    const owner = await clientFor(DEMO_USERS.owner.email);
    await owner.members.update({ orgId: demo.northwind.orgId, memberId: demo.northwind.memberMemberId, role: 'admin' });
  };
}

/** The invitee of the demo's pending invitation (Nina Newhire, invited by Adam Admin as a member). */
export const INVITEE = DEMO_USERS.invitee;

/**
 * Invites `email` as Adam Admin (reserving an Imaging Cloud seat), then brings the invitation to
 * `state` the way it happens for real: revoked through the API, accepted by the invitee, or aged
 * past its expiry in the database (the server derives "expired" from its own clock). The link's
 * token, read from the server's mailbox, lands in `backend.values.token`.
 */
export function invitation(
  state: 'pending' | 'revoked' | 'expired' | 'accepted' = 'pending',
  email = 'dr.rivera@example.test',
): Setup {
  return async (backend) => {
    const { clientFor, demo, server } = backend;
    const admin = await clientFor(DEMO_USERS.admin.email);
    const orgId = demo.northwind.orgId;
    const { results } = await admin.invitations.create({
      orgId,
      invitations: [{ email, role: 'member', subscriptionIds: [demo.northwind.subscriptions.imagingCloud] }],
    });
    const result = results[0];
    if (!result?.ok) throw new Error(`Could not invite ${email}: ${JSON.stringify(result)}`);
    const token = await invitationTokenFor(backend, email);
    backend.values.token = token;
    if (state === 'revoked') await admin.invitations.revoke({ orgId, invitationId: result.invitation.id });
    if (state === 'accepted') await (await clientFor(email)).invitations.accept({ token });
    if (state === 'expired') {
      await server.database.query(`update invitations set expires_at = now() - interval '1 day' where id = $1`, [result.invitation.id]);
    }
  };
}

/**
 * Creates `count` more organizations owned by Adam Admin through the provisioning API (the host's
 * back office), one with a very long name: a long organization switcher.
 */
export function moreOrganizations(count = 12): Setup {
  return async ({ server }) => {
    const names = Array.from({ length: count }, (_, i) => `Clinic ${String(i + 1).padStart(2, '0')}`);
    names.push('Centre hospitalier universitaire de Saint-Jean-de-Luz — Service de radiologie dentaire et maxillo-faciale');
    for (const name of names) {
      const res = await server.fetch(
        new Request('http://seatkit.story/v1/orgs', {
          method: 'POST',
          headers: { authorization: `Bearer ${STORY_SERVER_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name, owner: DEMO_USERS.admin }),
        }),
      );
      if (!res.ok) throw new Error(`Provisioning failed (${res.status}): ${await res.text()}`);
    }
  };
}

/**
 * A brand-new organization from the provisioning API, owned by Adam Admin, with nobody else and
 * no subscriptions; the story then works on it (`backend.values.orgId`). Empty states.
 */
export function newOrganization(name = 'Harbour Dental (new)'): Setup {
  return async (backend) => {
    const res = await backend.server.fetch(
      new Request('http://seatkit.story/v1/orgs', {
        method: 'POST',
        headers: { authorization: `Bearer ${STORY_SERVER_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, owner: DEMO_USERS.admin }),
      }),
    );
    if (!res.ok) throw new Error(`Provisioning failed (${res.status}): ${await res.text()}`);
    const { organization } = (await res.json()) as { organization: { id: string } };
    backend.values.orgId = organization.id;
  };
}
