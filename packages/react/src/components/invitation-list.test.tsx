import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { animationsFinished } from '../test/animations.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { InvitationList } from './invitation-list.js';

const ctx = useTestServer();
const SEEDED = 'new.hire@northwind.test';

async function listOnServer(status?: 'pending' | 'revoked' | 'expired') {
  const admin = await createTestClient(ctx, { as: USERS.admin });
  return (await admin.invitations.list({ orgId: ctx.demo.northwind.orgId, status })).items;
}

test('pending invitations by default, with names, role and status; zero axe violations', async () => {
  await renderWithServer(ctx, <InvitationList />, { as: USERS.admin });
  const row = page.getByRole('row').filter({ hasText: SEEDED });
  await expect.element(row).toBeVisible();
  await expect.element(row.getByText('Nina Newhire')).toBeVisible();
  await expect.element(row.getByText('Pending')).toBeVisible();
  await expect.element(page.getByRole('combobox', { name: 'Status' })).toHaveValue('pending');
  await expectNoAxeViolations();
});

test('resend sends a new email and says so', async () => {
  await renderWithServer(ctx, <InvitationList />, { as: USERS.admin });
  const before = (await ctx.server.mailbox()).filter((m) => m.to === SEEDED).length;
  await page.getByRole('button', { name: `Resend the invitation to ${SEEDED}` }).click();
  await expect.element(page.getByRole('status').filter({ hasText: 'Invitation resent' })).toHaveTextContent(
    `Invitation resent to ${SEEDED}.`,
  );
  expect((await ctx.server.mailbox()).filter((m) => m.to === SEEDED)).toHaveLength(before + 1);
});

test('revoke asks first (keyboard only), frees the reserved seat, and moves the row out of the pending list', async () => {
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.invitations.create({
    orgId: ctx.demo.northwind.orgId,
    invitations: [{ email: 'locum@example.test', role: 'member', subscriptionIds: [ctx.demo.northwind.subscriptions.imagingCloud] }],
  });
  await renderWithServer(ctx, <InvitationList />, { as: USERS.admin });
  const row = page.getByRole('row').filter({ hasText: 'locum@example.test' });
  await expect.element(row.getByRole('cell', { name: 'Imaging Cloud' })).toBeVisible();

  const revoke = page.getByRole('button', { name: 'Revoke the invitation to locum@example.test' });
  (revoke.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const dialog = page.getByRole('alertdialog', { name: 'Revoke the invitation to locum@example.test?' });
  await expect.element(dialog).toBeVisible();
  await expect.element(dialog).toHaveTextContent(/The seat reserved for them is released\./);
  await animationsFinished();
  await expectNoAxeViolations();
  // Escape cancels and focus returns to the row's Revoke button.
  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(revoke).toHaveFocus();

  await userEvent.keyboard('{Enter}');
  await expect.element(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
  await expect.element(dialog).not.toBeInTheDocument();
  const announcement = page.getByRole('status').filter({ hasText: 'was revoked' });
  await expect.element(announcement).toHaveTextContent('The invitation to locum@example.test was revoked.');
  await expect.element(announcement).toHaveFocus();
  await expect.element(row).not.toBeInTheDocument();

  expect((await listOnServer()).find((i) => i.email === 'locum@example.test')?.status).toBe('revoked');
  const cloud = (await admin.subscriptions.list({ orgId: ctx.demo.northwind.orgId })).items.find(
    (s) => s.id === ctx.demo.northwind.subscriptions.imagingCloud,
  )!;
  expect(cloud.seats.reserved).toBe(0);

  // "All" shows it as revoked, with no actions left. (The server answers 500 to ?status=revoked
  // for now: its query leaves a parameter untyped; reported to the server's owner.)
  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Status' }), 'all');
  const revokedRow = page.getByRole('row').filter({ hasText: 'locum@example.test' });
  await expect.element(revokedRow.getByText('Revoked')).toBeVisible();
  expect(revokedRow.getByRole('button').elements()).toHaveLength(0);
});

test('expired invitations are shown under Expired (not Pending) and can be resent', async () => {
  await ctx.server.database.query(`update invitations set expires_at = now() - interval '2 days' where id = $1`, [
    ctx.demo.northwind.pendingInvitationId,
  ]);
  await renderWithServer(ctx, <InvitationList />, { as: USERS.admin });
  await expect.element(page.getByText('No pending invitations')).toBeVisible();

  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Status' }), 'expired');
  const row = page.getByRole('row').filter({ hasText: SEEDED });
  await expect.element(row.getByText('Expired', { exact: true })).toBeVisible();
  await expect.element(row.getByText(/^Expired .+/)).toBeVisible();
  await row.getByRole('button', { name: `Resend the invitation to ${SEEDED}` }).click();
  await expect.element(page.getByText(`Invitation resent to ${SEEDED}.`, { exact: false })).toBeVisible();
  expect((await listOnServer('pending')).map((i) => i.email)).toEqual([SEEDED]);
});

test('a plain member sees the invitations without actions, and why', async () => {
  await renderWithServer(ctx, <InvitationList defaultStatus="all" />, { as: USERS.member });
  await expect.element(page.getByRole('row').filter({ hasText: SEEDED })).toBeVisible();
  expect(page.getByRole('button', { name: /Resend|Revoke/ }).elements()).toHaveLength(0);
  await expect.element(page.getByText(/You need the “Invite and add members” permission/)).toBeVisible();
  await expectNoAxeViolations();
});

test('a failed load shows the error and retries', async () => {
  let fail = true;
  await renderWithServer(ctx, <InvitationList />, {
    as: USERS.admin,
    intercept: (request) =>
      fail && request.url.includes('/invitations')
        ? Response.json({ error: { code: 'internal', message: 'boom', requestId: 'req_inv' } }, { status: 500 })
        : undefined,
  });
  await expect.element(page.getByRole('alert')).toHaveTextContent(/Could not load invitations/);
  await expect.element(page.getByRole('alert')).toHaveTextContent(/req_inv/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.element(page.getByRole('row').filter({ hasText: SEEDED })).toBeVisible();
});

test('a refused revoke is explained in the list', async () => {
  await renderWithServer(ctx, <InvitationList />, {
    as: USERS.admin,
    intercept: (request) =>
      request.method === 'DELETE'
        ? Response.json({ error: { code: 'invitation_not_pending', message: 'accepted', requestId: 'r' } }, { status: 409 })
        : undefined,
  });
  await page.getByRole('button', { name: `Revoke the invitation to ${SEEDED}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke invitation' }).click();
  await expect.element(page.getByText(`Could not update the invitation to ${SEEDED}: This invitation can no longer be used. It may have been accepted or revoked.`)).toBeVisible();
  await expect.element(page.getByRole('row').filter({ hasText: SEEDED })).toBeVisible();
});

test('the dark theme passes axe too', async () => {
  // A dark host: the class on <html> and its page on the theme's background.
  document.documentElement.classList.add('dark');
  document.body.style.background = 'var(--seatkit-background)';
  try {
    await renderWithServer(ctx, <InvitationList />, { as: USERS.admin });
    await expect.element(page.getByRole('row').filter({ hasText: SEEDED })).toBeVisible();
    await expectNoAxeViolations();
  } finally {
    document.documentElement.classList.remove('dark');
    document.body.style.background = '';
  }
});

test('an invitation with a custom role shows the role’s name, not its key', async () => {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.roles.create({ orgId: ctx.demo.northwind.orgId, key: 'hygienist', name: 'Dental hygienist', permissions: ['members:read'] });
  await owner.invitations.create({ orgId: ctx.demo.northwind.orgId, invitations: [{ email: 'hy@example.test', role: 'hygienist' }] });
  await renderWithServer(ctx, <InvitationList />, { as: USERS.admin });
  const row = page.getByRole('row').filter({ hasText: 'hy@example.test' });
  await expect.element(row.getByRole('cell', { name: 'Dental hygienist' })).toBeVisible();
  expect(row.getByText('hygienist', { exact: true }).elements()).toHaveLength(0);
});
