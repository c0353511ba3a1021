import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { animationsFinished } from '../test/animations.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, provisioning, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { SeatHolderList } from './seat-holder-list.js';
import { SubscriptionList } from './subscription-list.js';

const ctx = useTestServer();

async function serverSubscription(key: 'imagingApp' | 'imagingCloud') {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const { items } = await owner.subscriptions.list({ orgId: ctx.demo.northwind.orgId });
  return items.find((s) => s.id === ctx.demo.northwind.subscriptions[key])!;
}

test('each subscription shows product, status, expiry and an accessible seat meter; zero axe violations', async () => {
  await renderWithServer(ctx, <SubscriptionList />, { as: USERS.admin });
  const app = page.getByRole('article', { name: 'Imaging App' });
  await expect.element(app).toBeVisible();
  await expect.element(app.getByText('Active')).toBeVisible();
  await expect.element(app.getByText(/^Renews /)).toBeVisible();
  const meter = page.getByRole('meter', { name: 'Seat usage of Imaging App' });
  await expect.element(meter).toHaveAttribute('aria-valuenow', '2');
  await expect.element(meter).toHaveAttribute('aria-valuemax', '5');
  await expect.element(meter).toHaveAttribute('aria-valuetext', '2 of 5 seats in use: 2 assigned, 0 reserved');
  await expect.element(page.getByRole('meter', { name: 'Seat usage of Imaging Cloud' })).toHaveAttribute('aria-valuenow', '0');
  await expectNoAxeViolations();
});

test('workflow 1: the owner takes a seat for themself, invites an outsider with a reserved seat, and meets seats_exhausted', async () => {
  const { orgId, subscriptions, adminMemberId } = ctx.demo.northwind;
  await renderWithServer(ctx, <SubscriptionList />, { as: USERS.owner });
  const app = page.getByRole('article', { name: 'Imaging App' });

  // The seeded holders, in the expandable list; the owner gives their own seat back first.
  await app.getByRole('button', { name: 'Show seat holders (2)' }).click();
  const holders = app.getByRole('list', { name: 'Seat holders of Imaging App' });
  await expect.element(holders.getByText('Olivia Owner')).toBeVisible();
  await expect.element(holders.getByText('Mia Member')).toBeVisible();
  await app.getByRole('button', { name: 'Unassign Olivia Owner' }).click();
  await page.getByRole('alertdialog', { name: 'Take the seat back from Olivia Owner?' }).getByRole('button', { name: 'Unassign seat' }).click();
  await expect.element(app.getByText('The seat of Olivia Owner was released.')).toBeVisible();
  await expect.element(holders.getByText('Olivia Owner')).not.toBeInTheDocument();
  await expect.element(page.getByRole('meter', { name: 'Seat usage of Imaging App' })).toHaveAttribute('aria-valuenow', '1');

  // "Assign Subscription" under the subscription: yourself is listed first.
  await app.getByRole('button', { name: 'Assign seat of Imaging App' }).click();
  let dialog = page.getByRole('dialog', { name: 'Assign seats of Imaging App' });
  await expect.element(dialog).toBeVisible();
  await expect.element(dialog.getByRole('searchbox')).toHaveFocus();
  await expect.element(dialog.getByText('4 seats left')).toBeVisible();
  await expect.element(dialog.getByRole('listitem').first()).toHaveTextContent(/^Olivia Owner \(you\)/);
  await expect.element(dialog.getByRole('checkbox', { name: /Mia Member/ })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /Olivia Owner \(you\)/ }).click();
  await expect.element(dialog.getByText('1 selected; 3 seats would be left')).toBeVisible();
  await animationsFinished();
  await expectNoAxeViolations();
  await dialog.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect.element(dialog.getByText('Olivia Owner: seat assigned')).toBeVisible();
  await expect.element(dialog.getByText('3 seats left')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect.element(dialog).not.toBeInTheDocument();
  // Focus is back on the button that opened the dialog.
  await expect.element(app.getByRole('button', { name: 'Assign seat of Imaging App' })).toHaveFocus();
  await expect.element(holders.getByText('Olivia Owner')).toBeVisible();
  expect((await serverSubscription('imagingApp')).seats).toMatchObject({ assigned: 2, available: 3 });

  // Imaging Cloud: invite an outside person from inside the dialog; the reserved seat shows at once.
  const cloud = page.getByRole('article', { name: 'Imaging Cloud' });
  await cloud.getByRole('button', { name: 'Assign seat of Imaging Cloud' }).click();
  dialog = page.getByRole('dialog', { name: 'Assign seats of Imaging Cloud' });
  await expect.element(dialog.getByText('2 seats left')).toBeVisible();
  await dialog.getByRole('button', { name: 'Invite someone new' }).click();
  const invite = dialog.getByRole('region', { name: 'Invite someone new' });
  await userEvent.fill(invite.getByRole('textbox', { name: 'Email' }), 'Dr.Outside@Clinic.test');
  await invite.getByRole('button', { name: 'Invite and reserve a seat' }).click();
  await expect.element(invite.getByRole('status')).toHaveTextContent(
    'Invitation sent to dr.outside@clinic.test. A seat of Imaging Cloud is reserved for them.',
  );
  await expect.element(dialog.getByText('1 seat left')).toBeVisible();
  await expect.element(dialog.getByText('(0 assigned, 1 reserved, 2 in total)')).toBeVisible();
  expect((await ctx.server.mailbox()).some((m) => m.to === 'dr.outside@clinic.test')).toBe(true);

  // One seat left: picking one person disables the others, with the reason.
  await userEvent.fill(dialog.getByRole('searchbox', { name: 'Search people' }), 'mia');
  await dialog.getByRole('checkbox', { name: /Mia Member/ }).click();
  await expect.element(dialog.getByText(/1 selected; no seats would be left\. No more seats to hand out/)).toBeVisible();
  await userEvent.fill(dialog.getByRole('searchbox', { name: 'Search people' }), 'adam');
  await expect.element(dialog.getByRole('checkbox', { name: /Adam Admin/ })).toBeDisabled();

  // Meanwhile someone else takes the last seat: the server refuses Mia's, and the dialog says why.
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.seats.assign({ orgId, subscriptionId: subscriptions.imagingCloud, memberIds: [adminMemberId] });
  await dialog.getByRole('button', { name: 'Assign 1 seat' }).click();
  const result = dialog.getByRole('listitem').filter({ hasText: 'Mia Member:' });
  await expect.element(result).toHaveAttribute('data-code', 'seats_exhausted');
  await expect.element(result).toHaveTextContent(/Mia Member: not assigned, no seats were left/);
  await expect.element(dialog.getByText('No seats left', { exact: true })).toBeVisible();
  await expect.element(dialog.getByText(/All seats of this subscription are in use/)).toBeVisible();
  expect((await serverSubscription('imagingCloud')).seats).toMatchObject({ assigned: 1, reserved: 1, available: 0 });
  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  // A full subscription's button is disabled with the reason.
  await expect.element(cloud.getByRole('button', { name: 'Assign seat of Imaging Cloud' })).toHaveAccessibleDescription(
    /All seats of this subscription are in use/,
  );
  // A whole workflow of some 40 steps: on a loaded 2-core machine it can outlast the 30 s default.
}, 90_000);

test('a plain member sees usage and holders but cannot assign or unassign, and is told why', async () => {
  await renderWithServer(ctx, <SubscriptionList defaultExpanded={[ctx.demo.northwind.subscriptions.imagingApp]} />, {
    as: USERS.member,
  });
  const app = page.getByRole('article', { name: 'Imaging App' });
  await expect.element(app.getByText('Olivia Owner')).toBeVisible();
  const assign = app.getByRole('button', { name: 'Assign seat of Imaging App' });
  await expect.element(assign).toHaveAttribute('aria-disabled', 'true');
  await expect.element(assign).toHaveAccessibleDescription('You need the “Assign seats” permission to do this.');
  await assign.click({ force: true });
  expect(page.getByRole('dialog').elements()).toHaveLength(0);
  expect(app.getByRole('button', { name: /^Unassign/ }).elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('an inactive subscription cannot hand out seats', async () => {
  const { orgId, subscriptions } = ctx.demo.northwind;
  await provisioning(ctx).subscriptions.update({ orgId, subscriptionId: subscriptions.imagingCloud, status: 'canceled' });
  await renderWithServer(ctx, <SubscriptionList />, { as: USERS.owner });
  const cloud = page.getByRole('article', { name: 'Imaging Cloud' });
  await expect.element(cloud.getByText('Canceled', { exact: true })).toBeVisible();
  await expect.element(cloud.getByRole('button', { name: 'Assign seat of Imaging Cloud' })).toHaveAccessibleDescription(
    'This subscription was canceled, so its seats cannot be handed out.',
  );
});

test('a past-due subscription still hands out seats: what overdue means is the host’s call', async () => {
  const { orgId, subscriptions } = ctx.demo.northwind;
  await provisioning(ctx).subscriptions.update({ orgId, subscriptionId: subscriptions.imagingCloud, status: 'past_due' });
  await renderWithServer(ctx, <SubscriptionList />, { as: USERS.owner });
  const cloud = page.getByRole('article', { name: 'Imaging Cloud' });
  await expect.element(cloud.getByText('Payment overdue')).toBeVisible();
  const assign = cloud.getByRole('button', { name: 'Assign seat of Imaging Cloud' });
  await expect.element(assign).not.toHaveAttribute('aria-disabled', 'true');
  await assign.click();
  await expect.element(page.getByRole('dialog', { name: 'Assign seats of Imaging Cloud' }).getByText(/payment for this subscription is overdue/)).toBeVisible();
});

test('loading, error with retry, and empty states', async () => {
  let fail = true;
  const { unmount } = await renderWithServer(ctx, <SubscriptionList />, {
    as: USERS.owner,
    intercept: (request) => (fail && request.url.endsWith('/subscriptions') ? Response.error() : undefined),
  });
  await expect.element(page.getByRole('alert')).toHaveTextContent(/Could not load subscriptions/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.element(page.getByRole('article', { name: 'Imaging App' })).toBeVisible();
  unmount();

  // Lakeside's owner: one subscription (Imaging App, 3 seats), nobody holding a seat.
  await renderWithServer(ctx, <SeatHolderList subscriptionId={(await lakesideSubscriptionId())!} />, {
    as: USERS.lakesideOwner,
    orgId: ctx.demo.lakeside.orgId,
  });
  await expect.element(page.getByText('Nobody holds a seat yet')).toBeVisible();
});

async function lakesideSubscriptionId() {
  const owner = await createTestClient(ctx, { as: USERS.lakesideOwner });
  return (await owner.subscriptions.list({ orgId: ctx.demo.lakeside.orgId })).items[0]?.id;
}

test('a refused unassign puts the holder back and says why (keyboard only)', async () => {
  await renderWithServer(ctx, <SeatHolderList subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />, {
    as: USERS.admin,
    intercept: (request) =>
      request.method === 'DELETE'
        ? Response.json({ error: { code: 'forbidden', message: 'no', requestId: 'r1' } }, { status: 403 })
        : undefined,
  });
  const unassign = page.getByRole('button', { name: 'Unassign Mia Member' });
  await expect.element(unassign).toBeVisible();
  (unassign.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('alertdialog')).toBeVisible();
  // Cancel is focused first in an alert dialog; Tab to the destructive action.
  await userEvent.tab();
  await expect.element(page.getByRole('button', { name: 'Unassign seat' })).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByText('Could not unassign Mia Member: You do not have permission to do that.')).toBeVisible();
  await expect.element(page.getByText('Mia Member', { exact: true })).toBeVisible();
});

test('opening the dialog fetches the counts afresh: a seat taken elsewhere meanwhile shows at once', async () => {
  await renderWithServer(ctx, <SubscriptionList />, { as: USERS.owner });
  const meter = page.getByRole('meter', { name: 'Seat usage of Imaging Cloud' });
  await expect.element(meter).toHaveAttribute('aria-valuenow', '0');
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.seats.assign({
    orgId: ctx.demo.northwind.orgId,
    subscriptionId: ctx.demo.northwind.subscriptions.imagingCloud,
    memberIds: [ctx.demo.northwind.adminMemberId],
  });
  await page.getByRole('button', { name: 'Assign seat of Imaging Cloud' }).click();
  await expect.element(page.getByRole('dialog').getByText('1 seat left')).toBeVisible();
  // The list behind shares the refreshed counts.
  await userEvent.keyboard('{Escape}');
  await expect.element(meter).toHaveAttribute('aria-valuenow', '1');
});

test('someone who is not a member of the organization is told so, and no subscriptions are asked for', async () => {
  const asked: string[] = [];
  await renderWithServer(ctx, <SubscriptionList />, {
    as: USERS.lakesideOwner,
    orgId: ctx.demo.northwind.orgId,
    intercept: (request) => {
      asked.push(new URL(request.url).pathname);
      return undefined;
    },
  });
  await expect.element(page.getByText('You need the “See seats” permission to do this.')).toBeVisible();
  expect(asked).toContain('/v1/me');
  expect(asked.filter((path) => path.endsWith('/subscriptions'))).toEqual([]);
});

test('an organization without subscriptions shows the empty state; the dark theme passes axe', async () => {
  const res = await ctx.server.fetch(
    new Request('http://seatkit.test/v1/orgs', {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Empty Practice', owner: { email: 'owner@empty.test', firstName: 'Erin', lastName: 'Empty' } }),
    }),
  );
  const { organization } = (await res.json()) as { organization: { id: string } };
  const { unmount } = await renderWithServer(ctx, <SubscriptionList />, { as: 'owner@empty.test', orgId: organization.id });
  await expect.element(page.getByText('No subscriptions')).toBeVisible();
  unmount();

  // A dark host: the class on <html> and its page on the theme's background.
  document.documentElement.classList.add('dark');
  document.body.style.background = 'var(--seatkit-background)';
  try {
    await renderWithServer(ctx, <SubscriptionList defaultExpanded={[ctx.demo.northwind.subscriptions.imagingApp]} />, {
      as: USERS.owner,
    });
    await expect.element(page.getByRole('button', { name: 'Unassign Mia Member' })).toBeVisible();
    await expectNoAxeViolations();
  } finally {
    document.documentElement.classList.remove('dark');
    document.body.style.background = '';
  }
});
