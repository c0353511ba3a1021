import { expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { fr } from '../messages/fr/index.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { AccessGate } from './access-gate.js';

const ctx = useTestServer();

const DENIED_MESSAGE =
  'Access to the app is currently unavailable. Please visit our website for more details on your account status.';

/** A provisioning call with the server key (the host's back office). */
async function provision(path: string, body: unknown) {
  const res = await ctx.server.fetch(
    new Request(`http://seatkit.test${path}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer sk_test', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  expect(res.status, await res.clone().text()).toBe(200);
}

const subscriptionPath = () =>
  `/v1/orgs/${ctx.demo.northwind.orgId}/subscriptions/${ctx.demo.northwind.subscriptions.imagingApp}`;

test('a seat holder sees the product', async () => {
  await renderWithServer(
    ctx,
    <AccessGate product="imaging-app">
      <p>Imaging workspace</p>
    </AccessGate>,
    { as: USERS.owner },
  );
  await expect.element(page.getByText('Imaging workspace')).toBeVisible();
  expect(page.getByRole('heading', { name: 'Access Denied' }).elements()).toHaveLength(0);
});

test('without a seat: the help-center message, the reason, and "Request a seat"; zero axe violations', async () => {
  await renderWithServer(
    ctx,
    <AccessGate product="imaging-app">
      <p>Imaging workspace</p>
    </AccessGate>,
    { as: USERS.admin },
  );
  const panel = page.getByRole('region', { name: 'Access Denied' });
  await expect.element(panel).toBeVisible();
  await expect.element(panel.getByText(DENIED_MESSAGE)).toBeVisible();
  await expect.element(panel).toHaveAttribute('data-reason', 'no_seat');
  // The product's name comes from the subscriptions, not its key.
  await expect.element(panel.getByText('You do not hold a seat of Imaging App.')).toBeVisible();
  await expect.element(panel.getByRole('button', { name: 'Request a seat' })).toBeVisible();
  expect(page.getByRole('link').elements()).toHaveLength(0);
  expect(page.getByText('Imaging workspace').elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('"Request a seat" files a seat request; the gate says when, and opens by itself once an admin approves', async () => {
  const orgId = ctx.demo.northwind.orgId;
  // A short recheck so the test waits for the state, not for 30 s.
  await renderWithServer(
    ctx,
    <AccessGate product="imaging-app" recheckInterval={200}>
      <p>Imaging workspace</p>
    </AccessGate>,
    { as: USERS.admin },
  );
  await page.getByRole('button', { name: 'Request a seat' }).click();
  await expect.element(page.getByRole('status')).toHaveTextContent(/^You asked for a seat on .+\. The admins have been told/);
  expect(page.getByRole('button', { name: 'Request a seat' }).elements()).toHaveLength(0);

  const owner = await createTestClient(ctx, { as: USERS.owner });
  const pending = await owner.seatRequests.list({ orgId, status: 'pending' });
  const mine = pending.items.find((r) => r.member.email === USERS.admin && r.product.key === 'imaging-app');
  expect(mine).toBeDefined();
  await owner.seatRequests.approve({ orgId, requestId: mine!.id });
  // No reload, no focus change: the pending request's timer checks again.
  await expect.element(page.getByText('Imaging workspace')).toBeVisible();
});

test('a denied request is named, and the member may ask again', async () => {
  const orgId = ctx.demo.northwind.orgId;
  const admin = await createTestClient(ctx, { as: USERS.admin });
  const request = await admin.seatRequests.create({ orgId, product: 'imaging-app' });
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.seatRequests.deny({ orgId, requestId: request.id, reason: 'Budget is frozen' });
  await renderWithServer(ctx, <AccessGate product="imaging-app">ok</AccessGate>, { as: USERS.admin });
  await expect.element(page.getByText(/^Your request of .+ was not granted\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Ask again' }).click();
  await expect.element(page.getByText(/^You asked for a seat on /)).toBeVisible();
});

test('the window regaining focus checks again (an approval arrives without the timer)', async () => {
  const orgId = ctx.demo.northwind.orgId;
  const admin = await createTestClient(ctx, { as: USERS.admin });
  const request = await admin.seatRequests.create({ orgId, product: 'imaging-app' });
  await renderWithServer(ctx, <AccessGate product="imaging-app" recheckInterval={false}>ok-workspace</AccessGate>, { as: USERS.admin });
  await expect.element(page.getByText(/^You asked for a seat on /)).toBeVisible();
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.seatRequests.approve({ orgId, requestId: request.id });
  window.dispatchEvent(new Event('visibilitychange'));
  document.dispatchEvent(new Event('visibilitychange'));
  await expect.element(page.getByText('ok-workspace')).toBeVisible();
});

test('when a seat request would not help (the subscription is not active), an email link to the owner', async () => {
  const orgId = ctx.demo.northwind.orgId;
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.seats.assign({ orgId, subscriptionId: ctx.demo.northwind.subscriptions.imagingApp, memberIds: [ctx.demo.northwind.adminMemberId] });
  await provision(subscriptionPath(), { status: 'past_due' });
  await renderWithServer(ctx, <AccessGate product="imaging-app">ok</AccessGate>, { as: USERS.admin });
  const panel = page.getByRole('region', { name: 'Access Denied' });
  await expect.element(panel).toHaveAttribute('data-reason', 'subscription_inactive');
  const link = panel.getByRole('link', { name: 'Email Olivia Owner for access' });
  await expect.element(link).toHaveAttribute('href', expect.stringMatching(/^mailto:owner%40northwind\.test\?subject=Access%20to%20Imaging%20App/));
  expect(panel.getByRole('button', { name: 'Request a seat' }).elements()).toHaveLength(0);
});

test('onRequestAccess replaces the email link and receives the reason', async () => {
  const onRequestAccess = vi.fn();
  await renderWithServer(ctx, <AccessGate product="imaging-cloud" onRequestAccess={onRequestAccess} />, { as: USERS.member });
  await page.getByRole('button', { name: 'Ask an admin for access' }).click();
  expect(onRequestAccess).toHaveBeenCalledWith(
    expect.objectContaining({ product: 'imaging-cloud', productName: 'Imaging Cloud', reason: 'no_seat', orgId: ctx.demo.northwind.orgId }),
  );
  await expect.element(page.getByText('Your request was sent.')).toBeVisible();
  expect(page.getByRole('link').elements()).toHaveLength(0);
});

test('an inactive or expired subscription is named as the reason', async () => {
  await provision(subscriptionPath(), { status: 'past_due' });
  const { unmount } = await renderWithServer(ctx, <AccessGate product="imaging-app">ok</AccessGate>, { as: USERS.owner });
  await expect.element(page.getByText(/subscription to Imaging App is not active/)).toBeVisible();
  unmount();

  await provision(subscriptionPath(), { status: 'active', expiresAt: '2020-01-01T00:00:00.000Z' });
  await renderWithServer(ctx, <AccessGate product="imaging-app">ok</AccessGate>, { as: USERS.owner });
  await expect.element(page.getByText('The subscription to Imaging App has expired.')).toBeVisible();
});

test('a suspended member is told so, even with a seat', async () => {
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.members.update({ orgId: ctx.demo.northwind.orgId, memberId: ctx.demo.northwind.memberMemberId, status: 'suspended' });
  await renderWithServer(ctx, <AccessGate product="imaging-app">ok</AccessGate>, { as: USERS.member });
  await expect.element(page.getByRole('region', { name: 'Access Denied' })).toHaveAttribute('data-reason', 'member_suspended');
  await expect.element(page.getByText('Your account in this organization is suspended.')).toBeVisible();
});

test('someone outside the organization is not a member (and nothing is requested for it)', async () => {
  await renderWithServer(ctx, <AccessGate product="imaging-app" productName="the imaging app">ok</AccessGate>, {
    as: USERS.lakesideOwner,
  });
  await expect.element(page.getByText('You are not a member of this organization.')).toBeVisible();
  expect(page.getByRole('link').elements()).toHaveLength(0);
});

test('a fallback function renders the denial its own way; the loading fallback shows first', async () => {
  await renderWithServer(
    ctx,
    <AccessGate
      product="imaging-cloud"
      loadingFallback={<p>Please wait</p>}
      fallback={(denied) => <p>Custom: {denied.reason} / {denied.reasonText}</p>}
    >
      ok
    </AccessGate>,
    { as: USERS.member },
  );
  await expect.element(page.getByText('Please wait')).toBeVisible();
  await expect.element(page.getByText('Custom: no_seat / You do not hold a seat of Imaging Cloud.')).toBeVisible();
});

test('a failed check shows the error with a retry, not the denial', async () => {
  let fail = true;
  await renderWithServer(ctx, <AccessGate product="imaging-app">Imaging workspace</AccessGate>, {
    as: USERS.owner,
    intercept: (request) => (fail && request.url.includes('/access') ? Response.error() : undefined),
  });
  await expect.element(page.getByRole('alert')).toHaveTextContent(/Could not check your access/);
  expect(page.getByRole('heading', { name: 'Access Denied' }).elements()).toHaveLength(0);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.element(page.getByText('Imaging workspace')).toBeVisible();
});

test('the title and message follow the locale and can be overridden', async () => {
  const { unmount } = await renderWithServer(ctx, <AccessGate product="imaging-app">ok</AccessGate>, {
    as: USERS.admin,
    messages: fr,
    locale: 'fr',
  });
  await expect.element(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  unmount();
  await renderWithServer(ctx, <AccessGate product="imaging-app" title="No licence" message="Talk to your clinic manager." />, {
    as: USERS.admin,
  });
  await expect.element(page.getByRole('heading', { name: 'No licence' })).toBeVisible();
  await expect.element(page.getByText('Talk to your clinic manager.')).toBeVisible();
});
