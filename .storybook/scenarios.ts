/**
 * Data shapes for stories, made through the real server or its HTTP API after the demo seed.
 * Use them as `parameters: { seatkit: { setup: scenarios.seatsExhausted() } }`.
 */
import { DEMO_USERS } from '@seatkit/server';
import type { StoryBackend } from './backend';

type Setup = (backend: StoryBackend) => Promise<void>;

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
