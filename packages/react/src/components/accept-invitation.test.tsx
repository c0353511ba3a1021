import { parseInvitationToken } from '@seatkit/core';
import { expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fr } from '../messages/fr/index.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { AcceptInvitation } from './accept-invitation.js';

const ctx = useTestServer();
const INVITEE = 'dr.rivera@example.test';

/** Invites `email` as the Northwind admin (reserving an Imaging Cloud seat) and returns the link's token from the mailbox. */
async function invite(email = INVITEE) {
  const admin = await createTestClient(ctx, { as: USERS.admin });
  const { results } = await admin.invitations.create({
    orgId: ctx.demo.northwind.orgId,
    invitations: [{ email, role: 'member', subscriptionIds: [ctx.demo.northwind.subscriptions.imagingCloud] }],
  });
  expect(results[0]?.ok).toBe(true);
  const mail = (await ctx.server.mailbox()).filter((m) => m.to === email).at(-1)!;
  const token = parseInvitationToken(/https?:\/\/\S+/.exec(mail.text)![0]);
  expect(token).toBeTruthy();
  return { admin, token: token!, invitation: results[0]!.ok ? results[0]!.invitation : null };
}

test('the invited person previews, accepts, and is told they joined; the reserved seat becomes theirs', async () => {
  const { token } = await invite();
  const onAccepted = vi.fn();
  const onContinue = vi.fn();
  await renderWithServer(ctx, <AcceptInvitation token={token} onAccepted={onAccepted} onContinue={onContinue} />, { as: INVITEE });

  const card = page.getByRole('region', { name: 'Join Northwind Dental' });
  await expect.element(card).toBeVisible();
  await expect.element(card.getByText('Adam Admin invited you to join Northwind Dental as Member.')).toBeVisible();
  await expect.element(card.getByText(/This invitation is for dr\.rivera@example\.test\./)).toBeVisible();
  await expectNoAxeViolations();

  await card.getByRole('button', { name: 'Accept invitation' }).click();
  await expect.element(page.getByRole('status')).toHaveTextContent('You have joined Northwind Dental.');
  // Focus moves to the confirmation's heading (the button it was on is gone).
  await expect.element(page.getByRole('heading', { name: 'Welcome' })).toHaveFocus();
  expect(onAccepted).toHaveBeenCalledWith(expect.objectContaining({ organization: { id: ctx.demo.northwind.orgId, name: 'Northwind Dental' } }));
  await expectNoAxeViolations();

  await page.getByRole('button', { name: 'Continue to Northwind Dental' }).click();
  expect(onContinue).toHaveBeenCalledTimes(1);

  // On the server: a member now, holding the seat that was reserved (not a second one).
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const { items } = await owner.members.list({ orgId: ctx.demo.northwind.orgId, query: 'dr.rivera' });
  expect(items[0]?.subscriptionIds).toEqual([ctx.demo.northwind.subscriptions.imagingCloud]);
  const cloud = (await owner.subscriptions.list({ orgId: ctx.demo.northwind.orgId })).items.find(
    (s) => s.id === ctx.demo.northwind.subscriptions.imagingCloud,
  )!;
  expect(cloud.seats).toMatchObject({ assigned: 1, reserved: 0, available: 1 });
});

test('keyboard only: Tab reaches Accept and Enter accepts', async () => {
  const { token } = await invite();
  await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: INVITEE });
  await expect.element(page.getByRole('button', { name: 'Accept invitation' })).toBeVisible();
  await userEvent.tab();
  await expect.element(page.getByRole('button', { name: 'Accept invitation' })).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByText('You have joined Northwind Dental.')).toBeVisible();
});

test('the token is read from the page URL when no prop is given', async () => {
  const { token } = await invite();
  const before = window.location.href;
  window.history.replaceState(null, '', `/accept-invitation?token=${encodeURIComponent(token)}`);
  try {
    await renderWithServer(ctx, <AcceptInvitation />, { as: INVITEE });
    await expect.element(page.getByRole('heading', { name: 'Join Northwind Dental' })).toBeVisible();
  } finally {
    window.history.replaceState(null, '', before);
  }
});

test('signed in as someone else: says which address to use and offers no Accept', async () => {
  const { token } = await invite();
  const onSignIn = vi.fn();
  await renderWithServer(ctx, <AcceptInvitation token={token} onSignIn={onSignIn} />, { as: USERS.member });
  await expect.element(page.getByText(/You are signed in as member@northwind\.test, but this invitation is for dr\.rivera@example\.test/)).toBeVisible();
  expect(page.getByRole('button', { name: 'Accept invitation' }).elements()).toHaveLength(0);
  await page.getByRole('button', { name: 'Use another account' }).click();
  expect(onSignIn).toHaveBeenCalledWith(INVITEE);
  await expect.element(page.getByRole('region')).toHaveAttribute('data-state', 'wrong-account');
});

test('a revoked invitation explains itself', async () => {
  const { admin, token, invitation } = await invite();
  await admin.invitations.revoke({ orgId: ctx.demo.northwind.orgId, invitationId: invitation!.id });
  await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: INVITEE });
  await expect.element(page.getByRole('heading', { name: 'This invitation was withdrawn' })).toBeVisible();
  expect(page.getByRole('button', { name: 'Accept invitation' }).elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('an expired invitation names who to ask for a new one', async () => {
  const { token, invitation } = await invite();
  // Age it past its expiry in the database: the server derives "expired" from its own clock.
  await ctx.server.database.query(`update invitations set expires_at = now() - interval '1 day' where id = $1`, [invitation!.id]);
  await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: INVITEE });
  await expect.element(page.getByRole('heading', { name: 'This invitation has expired' })).toBeVisible();
  await expect.element(page.getByText('Invitations are valid for 7 days. Ask Adam Admin to send you a new one.')).toBeVisible();
});

test('an invitation that expires between preview and accept switches to the expired screen', async () => {
  const { token, invitation } = await invite();
  await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: INVITEE });
  await expect.element(page.getByRole('button', { name: 'Accept invitation' })).toBeVisible();
  await ctx.server.database.query(`update invitations set expires_at = now() - interval '1 minute' where id = $1`, [invitation!.id]);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect.element(page.getByRole('heading', { name: 'This invitation has expired' })).toBeVisible();
});

test('an already accepted invitation and an unknown token each say so', async () => {
  const { token } = await invite();
  const invitee = await createTestClient(ctx, { as: INVITEE });
  await invitee.invitations.accept({ token });
  const { unmount } = await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: INVITEE });
  await expect.element(page.getByRole('heading', { name: 'This invitation was already accepted' })).toBeVisible();
  unmount();

  await renderWithServer(ctx, <AcceptInvitation token={'x'.repeat(43)} />, { as: INVITEE });
  await expect.element(page.getByRole('heading', { name: 'This invitation link does not work' })).toBeVisible();
});

test('no token at all', async () => {
  await renderWithServer(ctx, <AcceptInvitation token={null} />, { as: INVITEE });
  await expect.element(page.getByRole('heading', { name: 'No invitation in this link' })).toBeVisible();
});

test('nobody signed in: the preview still shows, with a sign-in button for the invited address', async () => {
  const { token } = await invite();
  const onSignIn = vi.fn();
  await renderWithServer(ctx, <AcceptInvitation token={token} onSignIn={onSignIn} />, {
    as: INVITEE,
    intercept: (request) =>
      request.url.endsWith('/v1/me')
        ? Response.json({ error: { code: 'unauthorized', message: 'No session', requestId: 'r' } }, { status: 401 })
        : undefined,
  });
  await expect.element(page.getByRole('heading', { name: 'Join Northwind Dental' })).toBeVisible();
  await expect.element(page.getByText(`Sign in as ${INVITEE} to accept this invitation.`)).toBeVisible();
  expect(page.getByRole('button', { name: 'Accept invitation' }).elements()).toHaveLength(0);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect(onSignIn).toHaveBeenCalledWith(INVITEE);
});

test('signedIn={false}: the sign-in screen without asking /v1/me', async () => {
  const { token } = await invite();
  const asked: string[] = [];
  await renderWithServer(ctx, <AcceptInvitation token={token} signedIn={false} onSignIn={() => {}} />, {
    as: INVITEE,
    intercept: (request) => {
      asked.push(new URL(request.url).pathname);
      return undefined;
    },
  });
  await expect.element(page.getByText(`Sign in as ${INVITEE} to accept this invitation.`)).toBeVisible();
  expect(asked.some((path) => path.startsWith('/v1/invitations/'))).toBe(true);
  expect(asked).not.toContain('/v1/me');
});

test('French', async () => {
  const { token } = await invite();
  await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: INVITEE, messages: fr, locale: 'fr' });
  await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect.element(page.getByRole('status')).toHaveTextContent('Vous avez rejoint Northwind Dental.');
});

test('a failed preview shows the error with a retry', async () => {
  const { token } = await invite();
  let fail = true;
  await renderWithServer(ctx, <AcceptInvitation token={token} />, {
    as: INVITEE,
    intercept: (request) =>
      fail && request.method === 'GET' && request.url.includes('/v1/invitations/')
        ? Response.json({ error: { code: 'internal', message: 'x', requestId: 'req_prev' } }, { status: 500 })
        : undefined,
  });
  await expect.element(page.getByRole('alert')).toHaveTextContent(/Could not load the invitation/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.element(page.getByRole('button', { name: 'Accept invitation' })).toBeVisible();
});

test('an invitation with a custom role names the role, not its key', async () => {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.roles.create({ orgId: ctx.demo.northwind.orgId, key: 'hygienist', name: 'Dental hygienist', permissions: ['members:read'] });
  await owner.invitations.create({ orgId: ctx.demo.northwind.orgId, invitations: [{ email: INVITEE, role: 'hygienist' }] });
  const mail = (await ctx.server.mailbox()).filter((m) => m.to === INVITEE).at(-1)!;
  const token = parseInvitationToken(/https?:\/\/\S+/.exec(mail.text)![0])!;
  await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: INVITEE });
  await expect.element(page.getByText('Olivia Owner invited you to join Northwind Dental as Dental hygienist.')).toBeVisible();
});
