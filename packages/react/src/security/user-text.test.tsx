import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { AcceptInvitation } from '../components/accept-invitation.js';
import { InvitationList } from '../components/invitation-list.js';
import { MemberList } from '../components/member-list.js';
import { OrganizationSwitcher } from '../components/organization-switcher.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';

/**
 * User-controlled text (names, emails, organization names) is rendered as text by every component: a name that
 * is an HTML payload shows up literally, creates no element and runs nothing. Real server, real Chromium.
 */
const ctx = useTestServer();

declare global {
  interface Window {
    __seatkitXss?: number;
  }
}

const IMG = '<img src=x onerror="window.__seatkitXss=1">';
const BOLD = '<b id="injected">bold</b>';
const SVG = '<svg onload="window.__seatkitXss=2">';

afterEach(() => {
  delete window.__seatkitXss;
});

/** Nothing of the payload became DOM: no injected element anywhere in the document, and no handler ran. */
async function expectInert() {
  // An <img onerror> fires on a later task. A control image with a broken source of its own: once its error
  // event has fired, an injected one (started earlier) has had its chance to run too.
  await new Promise<void>((resolve) => {
    const control = new Image();
    control.onerror = () => resolve();
    control.src = 'x?control';
  });
  expect(document.querySelectorAll('img[src="x"], img[onerror], svg[onload], #injected')).toHaveLength(0);
  expect(window.__seatkitXss).toBeUndefined();
}

async function plantPayloads() {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const orgId = ctx.demo.northwind.orgId;
  await owner.members.update({ orgId, memberId: ctx.demo.northwind.memberMemberId, firstName: IMG, lastName: BOLD });
  const invited = await owner.invitations.create({ orgId, invitations: [{ email: 'payload@example.com', role: 'member', firstName: SVG, lastName: IMG }] });
  expect(invited.results[0]!.ok).toBe(true);
}

test('MemberList shows a markup name as text and creates no element from it', async () => {
  await plantPayloads();
  await renderWithServer(ctx, <MemberList />, { as: USERS.owner });
  await expect.element(page.getByText(`${IMG} ${BOLD}`, { exact: false }).first()).toBeVisible();
  await expectInert();
});

test('InvitationList shows an invitee markup name as text', async () => {
  await plantPayloads();
  await renderWithServer(ctx, <InvitationList />, { as: USERS.owner });
  await expect.element(page.getByText('payload@example.com').first()).toBeVisible();
  await expectInert();
});

test('OrganizationSwitcher and AcceptInvitation show a markup organization and inviter name as text', async () => {
  // Provisioning: an organization whose name is a payload, owned by the Northwind owner, who then invites Mia.
  const res = await ctx.server.fetch(
    new Request('http://seatkit.test/v1/orgs', {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test', 'content-type': 'application/json' },
      body: JSON.stringify({ name: IMG, owner: { email: USERS.owner, firstName: 'Olivia', lastName: SVG } }),
    }),
  );
  expect(res.status).toBe(201);
  const { organization } = (await res.json()) as { organization: { id: string } };
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.invitations.create({ orgId: organization.id, invitations: [{ email: USERS.member, role: 'member' }] });
  const mail = (await ctx.server.mailbox()).filter((m) => m.to === USERS.member).at(-1)!;
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

  const switcher = await renderWithServer(ctx, <OrganizationSwitcher defaultOpen />, { as: USERS.owner });
  await expect.element(page.getByText(IMG).first()).toBeVisible();
  await expectInert();
  switcher.unmount();

  await renderWithServer(ctx, <AcceptInvitation token={token} />, { as: USERS.member });
  await expect.element(page.getByText(IMG, { exact: false }).first()).toBeVisible();
  await expectInert();
});
