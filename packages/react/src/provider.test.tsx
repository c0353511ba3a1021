import { QueryClient } from '@tanstack/react-query';
import { createSeatKitClient } from '@seatkit/core';
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { useCan, useCurrentMember } from './hooks/use-current-member.js';
import { SeatKitProvider, useSeatKit } from './provider.js';
import { AccountUsersPage } from './components/account-users-page.js';
import { ar } from './messages/ar/index.js';
import { fr } from './messages/fr/index.js';
import { he } from './messages/he/index.js';
import { render } from './test/render.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from './test/server.js';

const ctx = useTestServer();

function Probe() {
  const { orgId, messages } = useSeatKit();
  const { member } = useCurrentMember();
  const canInvite = useCan('members:invite');
  return (
    <p>
      org:{orgId ?? 'none'} role:{member?.role ?? 'loading'} invite:{String(canInvite)} cancel:{messages.common.cancel}
    </p>
  );
}

test('useSeatKit outside the provider throws a message that says how to fix it', () => {
  function Naked() {
    useSeatKit();
    return null;
  }
  // React logs the error it rethrows; the message is what matters.
  expect(() => render(<Naked />)).toThrow(/inside <SeatKitProvider client=/);
});

test('the current member and its permissions come from /v1/me of the real server', async () => {
  await renderWithServer(ctx, <Probe />, { as: USERS.member });
  await expect.element(page.getByText(/role:member invite:false/)).toBeVisible();
});

test('an admin holds members:invite', async () => {
  await renderWithServer(ctx, <Probe />, { as: USERS.admin });
  await expect.element(page.getByText(/role:admin invite:true/)).toBeVisible();
});

test('with no orgId the first membership is used, and the host QueryClient is the one filled', async () => {
  const client = await createTestClient(ctx, { as: USERS.lakesideOwner });
  const queryClient = new QueryClient();
  render(
    <SeatKitProvider client={client} queryClient={queryClient}>
      <Probe />
    </SeatKitProvider>,
  );
  await expect.element(page.getByText(`org:${ctx.demo.lakeside.orgId} role:owner`, { exact: false })).toBeVisible();
  expect(queryClient.getQueryData(['seatkit', 'me'])).toBeDefined();
});

test('a locale replaces the messages; a partial override changes only its keys', async () => {
  const { rerender, client, queryClient } = await renderWithServer(ctx, <Probe />, { messages: fr, locale: 'fr' });
  await expect.element(page.getByText(/cancel:Annuler/)).toBeVisible();
  rerender(
    <SeatKitProvider client={client} queryClient={queryClient} orgId={ctx.demo.northwind.orgId} messages={{ common: { cancel: 'Back' } }}>
      <Probe />
    </SeatKitProvider>,
  );
  await expect.element(page.getByText(/cancel:Back/)).toBeVisible();
});

test('orgId is controlled when given: setOrgId only reports', async () => {
  const client = createSeatKitClient({ baseUrl: 'http://seatkit.test', fetch: () => Promise.reject(new Error('unused')) });
  const changes: string[] = [];
  function Switch() {
    const { orgId, setOrgId } = useSeatKit();
    return (
      <button type="button" onClick={() => setOrgId('org_2')}>
        current {orgId}
      </button>
    );
  }
  render(
    <SeatKitProvider client={client} orgId="org_1" onOrgIdChange={(id) => changes.push(id)}>
      <Switch />
    </SeatKitProvider>,
  );
  await page.getByRole('button').click();
  expect(changes).toEqual(['org_2']);
  await expect.element(page.getByRole('button')).toHaveTextContent('current org_1');
});

test('orgId is uncontrolled from defaultOrgId: setOrgId switches', async () => {
  const client = createSeatKitClient({ baseUrl: 'http://seatkit.test', fetch: () => Promise.reject(new Error('unused')) });
  function Switch() {
    const { orgId, setOrgId } = useSeatKit();
    return (
      <button type="button" onClick={() => setOrgId('org_2')}>
        current {orgId}
      </button>
    );
  }
  render(
    <SeatKitProvider client={client} defaultOrgId="org_1">
      <Switch />
    </SeatKitProvider>,
  );
  await page.getByRole('button').click();
  await expect.element(page.getByRole('button')).toHaveTextContent('current org_2');
});

test('locale="ar" makes the kit right to left: its root and its dialogs (portalled into <body>), never the host page', async () => {
  const { container } = await renderWithServer(ctx, <AccountUsersPage />, { messages: ar, locale: 'ar' });
  const root = page.getByRole('region', { name: ar.accountUsers.title });
  await expect.element(root).toHaveAttribute('dir', 'rtl');
  expect(getComputedStyle(root.element()).direction).toBe('rtl');
  await page.getByRole('button', { name: ar.invite.open }).click();
  const dialog = page.getByRole('dialog');
  await expect.element(dialog).toBeVisible();
  expect(getComputedStyle(dialog.element()).direction).toBe('rtl');
  expect(container.contains(dialog.element())).toBe(false);
  expect(document.documentElement.hasAttribute('dir')).toBe(false);
  expect(getComputedStyle(document.body).direction).toBe('ltr');
});

test('a regional right-to-left tag (he-IL) is right to left; a left-to-right locale leaves the direction to the page; dir overrides', async () => {
  const { rerender, client, queryClient } = await renderWithServer(ctx, <AccountUsersPage />, { messages: he, locale: 'he-IL' });
  const root = page.getByRole('region', { name: he.accountUsers.title });
  await expect.element(root).toHaveAttribute('dir', 'rtl');
  const provider = (props: { locale?: string; dir?: 'ltr' | 'rtl' }) => (
    <div dir="rtl">
      <SeatKitProvider client={client} queryClient={queryClient} orgId={ctx.demo.northwind.orgId} {...props}>
        <AccountUsersPage />
      </SeatKitProvider>
    </div>
  );
  rerender(provider({ locale: 'en' }));
  const english = page.getByRole('region', { name: 'Account users' });
  await expect.element(english).not.toHaveAttribute('dir');
  expect(getComputedStyle(english.element()).direction).toBe('rtl');
  rerender(provider({ locale: 'en', dir: 'ltr' }));
  await expect.element(english).toHaveAttribute('dir', 'ltr');
  expect(getComputedStyle(english.element()).direction).toBe('ltr');
});
