import type { Member } from '@seatkit/core';
import { parseInvitationToken } from '@seatkit/core';
import { beforeEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import type { SeatKitClassNames } from '../ui/class-names.js';
import { AcceptInvitation } from './accept-invitation.js';
import { AccessGate } from './access-gate.js';
import { AccountUsersPage } from './account-users-page.js';
import { AddMemberDialog } from './add-member-dialog.js';
import { AssignSeatDialog } from './assign-seat-dialog.js';
import { EditMemberDialog } from './edit-member-dialog.js';
import { InvitationList } from './invitation-list.js';
import { InviteMembersDialog } from './invite-members-dialog.js';
import { InviteMembersForm } from './invite-members-form.js';
import { MemberList } from './member-list.js';
import { OrganizationSwitcher } from './organization-switcher.js';
import { PermissionGrants } from './permission-grants.js';
import { RemoveMemberDialog } from './remove-member-dialog.js';
import { SeatHolderList } from './seat-holder-list.js';
import { SubscriptionList } from './subscription-list.js';
import { TransferOwnershipDialog } from './transfer-ownership-dialog.js';

const ctx = useTestServer();

// A desktop-wide page: at the default 414 px the member list shows cards (member-table.test.tsx covers them).
beforeEach(async () => {
  await page.viewport(1280, 900);
});

/** A `classNames` map that answers every slot with `probe-<slot>`, so no part can be forgotten. */
const probe = (prefix = 'probe'): SeatKitClassNames =>
  new Proxy({}, { get: (_, slot) => (typeof slot === 'string' ? `${prefix}-${slot}` : undefined) });

/** Every element with a `data-slot` on the page carries `<prefix>-<its slot>`. Returns the slots seen. */
function expectEveryPartStyled(prefix = 'probe'): string[] {
  const parts = [...document.querySelectorAll('[data-slot]')];
  const unstyled = parts
    .filter((part) => !part.classList.contains(`${prefix}-${part.getAttribute('data-slot')}`))
    .map((part) => `${part.getAttribute('data-slot')} <${part.tagName.toLowerCase()} class="${part.getAttribute('class') ?? ''}">`);
  expect(unstyled).toEqual([]);
  return [...new Set(parts.map((part) => part.getAttribute('data-slot')!))];
}

test('MemberList: every part, including the bulk bar, rows, buttons and icons, takes its class', async () => {
  await renderWithServer(ctx, <MemberList classNames={probe()} height={400} />, { as: USERS.owner });
  await page.getByRole('checkbox', { name: /Select Mia Member/ }).click();
  await expect.element(page.getByRole('group', { name: /selected/ })).toBeVisible();
  const slots = expectEveryPartStyled();
  expect(slots).toEqual(expect.arrayContaining(['member-list', 'member-row', 'member-bulk-bar', 'button', 'checkbox']));
});

test('InvitationList, SubscriptionList and SeatHolderList: every part takes its class', async () => {
  await renderWithServer(
    ctx,
    <>
      <InvitationList classNames={probe()} />
      <SubscriptionList classNames={probe()} />
      <SeatHolderList classNames={probe()} subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />
    </>,
    { as: USERS.owner },
  );
  await expect.element(page.getByText(/Nina Newhire/).first()).toBeVisible();
  await expect.element(page.getByText('Imaging Cloud').first()).toBeVisible();
  await expect.poll(() => document.querySelectorAll('[data-slot="seat-holder"]').length).toBeGreaterThan(0);
  const slots = expectEveryPartStyled();
  expect(slots).toEqual(expect.arrayContaining(['invitation-row', 'subscription', 'seat-meter', 'seat-holder']));
});

test('AssignSeatDialog: every part of the open dialog, in its portal, takes its class', async () => {
  await renderWithServer(
    ctx,
    <AssignSeatDialog classNames={probe()} defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} searchDebounceMs={0} />,
    { as: USERS.owner },
  );
  await expect.element(page.getByRole('dialog')).toBeVisible();
  await expect.poll(() => document.querySelectorAll('[data-slot="assign-seat-person"]').length).toBeGreaterThan(0);
  const slots = expectEveryPartStyled();
  expect(slots).toEqual(expect.arrayContaining(['assign-seat-dialog', 'dialog-overlay', 'assign-seat-person']));
  // The panel is named by the component's slot, and still takes the classes of the primitive's.
  expect(document.querySelector('[data-slot="assign-seat-dialog"]')!.classList).toContain('probe-dialog-content');
});

test('EditMemberDialog, AddMemberDialog and TransferOwnershipDialog: every part takes its class', async () => {
  for (const ui of [
    <EditMemberDialog key="edit" classNames={probe()} defaultOpen memberId={ctx.demo.northwind.memberMemberId} />,
    <AddMemberDialog key="add" classNames={probe()} defaultOpen />,
    <TransferOwnershipDialog key="transfer" classNames={probe()} defaultOpen />,
  ]) {
    const { unmount } = await renderWithServer(ctx, ui, { as: USERS.owner });
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await expect.poll(() => document.querySelectorAll('[data-slot="field"], [data-slot="select"]').length).toBeGreaterThan(0);
    expect(expectEveryPartStyled()).toEqual(expect.arrayContaining(['dialog-title', 'button']));
    unmount();
  }
});

test('RemoveMemberDialog: every part of the confirmation takes its class', async () => {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const member: Member = await owner.members.get({ orgId: ctx.demo.northwind.orgId, memberId: ctx.demo.northwind.memberMemberId });
  await renderWithServer(ctx, <RemoveMemberDialog classNames={probe()} defaultOpen member={member} />, { as: USERS.owner });
  await expect.element(page.getByRole('alertdialog')).toBeVisible();
  expect(expectEveryPartStyled()).toEqual(expect.arrayContaining(['remove-member-dialog', 'alert-dialog-title']));
});

test('InviteMembersDialog and InviteMembersForm: rows, fields and errors take their class', async () => {
  const { unmount } = await renderWithServer(ctx, <InviteMembersDialog classNames={probe()} defaultOpen />, { as: USERS.owner });
  await expect.element(page.getByRole('dialog')).toBeVisible();
  expect(expectEveryPartStyled()).toEqual(expect.arrayContaining(['invite-dialog', 'invite-row']));
  unmount();

  await renderWithServer(ctx, <InviteMembersForm classNames={probe()} defaultEmails={['not-an-email']} />, { as: USERS.owner });
  await page.getByRole('button', { name: /Send invitation/ }).click();
  await expect.poll(() => document.querySelectorAll('[data-slot="field-error"]').length).toBeGreaterThan(0);
  expect(expectEveryPartStyled()).toEqual(expect.arrayContaining(['invite-form', 'invite-row', 'field-error']));
});

test('OrganizationSwitcher (open), AccessGate (denied) and PermissionGrants: every part takes its class', async () => {
  await renderWithServer(
    ctx,
    <>
      <OrganizationSwitcher classNames={probe()} defaultOpen />
      <AccessGate classNames={probe()} product="imaging-app">
        <p>Imaging workspace</p>
      </AccessGate>
      <PermissionGrants classNames={probe()} rolePermissions={['members:read']} grants={['audit:read']} onChange={() => {}} />
    </>,
    { as: USERS.admin },
  );
  await expect.element(page.getByRole('heading', { name: 'Access Denied' })).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Request a seat' })).toBeVisible();
  await expect.poll(() => document.querySelectorAll('[data-slot="org-switcher-option"]').length).toBe(2);
  expect(expectEveryPartStyled()).toEqual(
    expect.arrayContaining(['org-switcher-option', 'access-gate-title', 'access-gate-request', 'permission-grants']),
  );
});

test('AcceptInvitation: the preview takes its class', async () => {
  const invitee = 'nora.new@example.com';
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.invitations.create({ orgId: ctx.demo.northwind.orgId, invitations: [{ email: invitee, role: 'member' }] });
  const mail = (await ctx.server.mailbox()).filter((m) => m.to === invitee).at(-1)!;
  const token = parseInvitationToken(/https?:\/\/\S+/.exec(mail.text)![0])!;
  await renderWithServer(ctx, <AcceptInvitation classNames={probe()} token={token} />, { as: invitee });
  await expect.element(page.getByRole('button', { name: /Accept/ })).toBeVisible();
  expect(expectEveryPartStyled()).toEqual(expect.arrayContaining(['accept-invitation', 'accept-invitation-accept']));
});

test('AccountUsersPage: the provider’s classNames reach every part of the whole admin area', async () => {
  await renderWithServer(ctx, <AccountUsersPage memberListProps={{ height: 400 }} />, { as: USERS.owner, classNames: probe() });
  await expect.element(page.getByText('Mia Member').first()).toBeVisible();
  await expect.element(page.getByText('Imaging Cloud').first()).toBeVisible();
  expect(expectEveryPartStyled()).toEqual(expect.arrayContaining(['account-users-page', 'member-row', 'subscription']));
});

test('provider and component classes both apply, after the kit’s own class; className still styles the root', async () => {
  await renderWithServer(
    ctx,
    <AccessGate product="imaging-app" className="host-root" classNames={{ 'access-gate-title': 'local-title', button: 'local-button' }}>
      <p>Imaging workspace</p>
    </AccessGate>,
    { as: USERS.admin, classNames: { 'access-gate-title': 'global-title', 'access-gate': 'global-root' } },
  );
  const title = page.getByRole('heading', { name: 'Access Denied' });
  await expect.element(title).toHaveClass('seatkit-access-gate-title global-title local-title', { exact: true });
  const root = document.querySelector('[data-slot="access-gate"]')!;
  expect([...root.classList]).toEqual(['seatkit-root', 'seatkit-access-gate', 'global-root', 'host-root']);
  // The map is not a DOM attribute.
  expect(document.querySelector('[classnames]')).toBeNull();
});
