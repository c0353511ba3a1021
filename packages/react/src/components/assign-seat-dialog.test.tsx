import { parseInvitationToken } from '@seatkit/core';
import { expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fr } from '../messages/fr/index.js';
import { animationsFinished } from '../test/animations.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, provisioning, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { AssignSeatDialog } from './assign-seat-dialog.js';

const ctx = useTestServer();

async function holders(key: 'imagingApp' | 'imagingCloud') {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const { items } = await owner.seats.list({ orgId: ctx.demo.northwind.orgId, subscriptionId: ctx.demo.northwind.subscriptions[key] });
  return items.map((s) => s.member.email).sort();
}

/** Tabs until `name` has focus (the dialog's tab order is long but fixed); fails after `max` presses. */
async function tabTo(name: RegExp, max = 12) {
  for (let i = 0; i < max; i++) {
    const active = document.activeElement as HTMLElement | null;
    if (active && name.test(active.getAttribute('aria-label') ?? active.textContent ?? '')) return;
    await userEvent.tab();
  }
  throw new Error(`Focus never reached ${name}`);
}

test('keyboard only: search yourself, check, assign, close; focus returns to the trigger', async () => {
  const onAssigned = vi.fn();
  await renderWithServer(
    ctx,
    <AssignSeatDialog
      subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud}
      searchDebounceMs={0}
      onAssigned={onAssigned}
      trigger={<button type="button">Open seats</button>}
    />,
    { as: USERS.admin },
  );
  const trigger = page.getByRole('button', { name: 'Open seats' });
  (trigger.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const dialog = page.getByRole('dialog', { name: 'Assign seats of Imaging Cloud' });
  await expect.element(dialog.getByRole('searchbox', { name: 'Search people' })).toHaveFocus();
  await userEvent.keyboard('adam');
  await expect.element(dialog.getByRole('checkbox')).toHaveAccessibleName(/^Adam Admin \(you\)/);
  await userEvent.tab();
  await expect.element(dialog.getByRole('checkbox', { name: /Adam Admin/ })).toHaveFocus();
  await userEvent.keyboard(' ');
  await expect.element(dialog.getByText('1 selected; 1 seat would be left.')).toBeVisible();
  await tabTo(/^Assign 1 seat$/);
  await userEvent.keyboard('{Enter}');
  await expect.element(dialog.getByText('Adam Admin: seat assigned')).toBeVisible();
  expect(onAssigned).toHaveBeenCalledWith([expect.objectContaining({ ok: true, memberId: ctx.demo.northwind.adminMemberId })]);
  // Now a holder: checked, disabled and labelled as such.
  await expect.element(dialog.getByRole('checkbox', { name: /Adam Admin/ })).toBeDisabled();
  await expect.element(dialog.getByText('Has a seat')).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(trigger).toHaveFocus();
  expect(await holders('imagingCloud')).toEqual([USERS.admin]);
});

test('search is done by the server, and names render as text', async () => {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.members.add({
    orgId: ctx.demo.northwind.orgId,
    email: 'markup@northwind.test',
    firstName: '<img src=x onerror=window.__pwned()>',
    lastName: 'Tag',
    role: 'member',
  });
  const onerror = vi.fn();
  (window as unknown as { __pwned: () => void }).__pwned = onerror;
  const queries: string[] = [];
  await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} searchDebounceMs={0} pageSize={5} />,
    {
      as: USERS.admin,
      intercept: (request) => {
        const url = new URL(request.url);
        if (url.pathname.endsWith('/members')) queries.push(url.searchParams.get('query') ?? '');
        return undefined;
      },
    },
  );
  const dialog = page.getByRole('dialog');
  // A page of 5 (plus yourself, first) and a way to load more.
  await expect.element(dialog.getByRole('button', { name: 'Show more people' })).toBeVisible();
  await userEvent.fill(dialog.getByRole('searchbox'), 'markup');
  await expect.poll(() => queries).toContain('markup');
  // Only the server's match is left (yourself does not match, so is not listed either).
  await expect.element(dialog.getByRole('checkbox', { name: /Olivia Owner/ })).not.toBeInTheDocument();
  await expect.element(dialog.getByRole('checkbox')).toHaveAccessibleName(/^<img src=x onerror=window\.__pwned\(\)> Tag/);
  await expect.element(dialog.getByText('<img src=x onerror=window.__pwned()> Tag')).toBeVisible();
  expect(dialog.element().querySelector('img')).toBeNull();
  expect(onerror).not.toHaveBeenCalled();
  await userEvent.fill(dialog.getByRole('searchbox'), 'nobody-like-this');
  await expect.element(dialog.getByText('Nobody matches “nobody-like-this”.')).toBeVisible();
});

test('without a subscription given, one is picked first; a given member is preselected', async () => {
  await renderWithServer(ctx, <AssignSeatDialog defaultOpen memberId={ctx.demo.northwind.memberMemberId} />, { as: USERS.admin });
  const dialog = page.getByRole('dialog', { name: 'Assign seats' });
  const picker = dialog.getByRole('combobox', { name: 'Subscription' });
  await expect.element(picker).toBeVisible();
  await expect.element(dialog.getByRole('option', { name: 'Imaging App (3 left)' })).toBeInTheDocument();
  await userEvent.selectOptions(picker, 'Imaging Cloud (2 left)');
  await expect.element(dialog).toHaveAccessibleName('Assign seats of Imaging Cloud');
  await expect.element(dialog.getByRole('checkbox', { name: /Mia Member/ })).toBeChecked();
  await expect.element(dialog.getByText('1 selected; 1 seat would be left.')).toBeVisible();
  await animationsFinished();
  await expectNoAxeViolations();
  await dialog.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect.element(dialog.getByText('Mia Member: seat assigned')).toBeVisible();
  expect(await holders('imagingCloud')).toEqual([USERS.member]);
});

test('someone assigned meanwhile comes back as already_assigned, explained', async () => {
  await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} searchDebounceMs={0} />,
    { as: USERS.owner },
  );
  const dialog = page.getByRole('dialog');
  await userEvent.fill(dialog.getByRole('searchbox'), 'adam');
  await dialog.getByRole('checkbox', { name: /Adam Admin/ }).click();
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.seats.assign({
    orgId: ctx.demo.northwind.orgId,
    subscriptionId: ctx.demo.northwind.subscriptions.imagingCloud,
    memberIds: [ctx.demo.northwind.adminMemberId],
  });
  await dialog.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect.element(dialog.getByText('Adam Admin: already holds a seat of this subscription')).toBeVisible();
  await expect.element(dialog.getByText('No seats assigned, 1 not assigned.')).toBeVisible();
});

test('inviting an existing member or a bad address is explained; the invite form needs members:invite', async () => {
  await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} />,
    { as: USERS.admin },
  );
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Invite someone new' }).click();
  const invite = dialog.getByRole('region', { name: 'Invite someone new' });
  const email = invite.getByRole('textbox', { name: 'Email' });
  await userEvent.fill(email, 'not-an-email');
  await userEvent.keyboard('{Enter}');
  await expect.element(email).toHaveAccessibleDescription('Enter a valid email address.');
  await expect.element(email).toHaveFocus();
  await userEvent.fill(email, USERS.member);
  await invite.getByRole('button', { name: 'Invite and reserve a seat' }).click();
  await expect.element(invite.getByRole('status')).toHaveTextContent(
    'member@northwind.test is already a member: pick them in the list above.',
  );
  await animationsFinished();
  await expectNoAxeViolations();
});

test('permission-driven: a member cannot assign; a seat manager can assign but not invite', async () => {
  const { unmount } = await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} />,
    { as: USERS.member },
  );
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByText('You need the “Assign seats” permission to assign seats.')).toBeVisible();
  expect(dialog.getByRole('checkbox').elements()).toHaveLength(0);
  expect(dialog.getByRole('button', { name: /^Assign/ }).elements()).toHaveLength(0);
  unmount();

  const owner = await createTestClient(ctx, { as: USERS.owner });
  const { orgId, memberMemberId } = ctx.demo.northwind;
  await owner.roles.create({ orgId, key: 'seat-manager', name: 'Seat manager', permissions: ['members:read', 'seats:read', 'seats:assign'] });
  await owner.members.update({ orgId, memberId: memberMemberId, role: 'seat-manager' });
  await renderWithServer(ctx, <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} />, {
    as: USERS.member,
  });
  const toggle = page.getByRole('dialog').getByRole('button', { name: 'Invite someone new' });
  await expect.element(toggle).toHaveAttribute('aria-disabled', 'true');
  await expect.element(toggle).toHaveAccessibleDescription('You need the “Invite and add members” permission to invite people.');
  await toggle.click({ force: true });
  expect(page.getByRole('region', { name: 'Invite someone new' }).elements()).toHaveLength(0);
  await expect.element(page.getByRole('dialog').getByRole('checkbox').first()).toBeVisible();
});

test('controlled: Cancel asks the owner of `open` to close it; French messages', async () => {
  const onOpenChange = vi.fn();
  await renderWithServer(
    ctx,
    <AssignSeatDialog open onOpenChange={onOpenChange} subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />,
    { as: USERS.admin, messages: fr, locale: 'fr' },
  );
  const dialog = page.getByRole('dialog', { name: 'Attribuer des licences de Imaging App' });
  await expect.element(dialog.getByText('3 licences restantes')).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  expect(onOpenChange).toHaveBeenCalledWith(false);
  // Still open: the parent did not change `open`.
  await expect.element(dialog).toBeVisible();
});

test('a failed assignment is shown in the dialog and nothing is kept optimistically', async () => {
  await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} searchDebounceMs={0} />,
    { as: USERS.admin, intercept: (request) => (request.method === 'POST' ? Response.error() : undefined) },
  );
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByText('2 seats left')).toBeVisible();
  await dialog.getByRole('checkbox', { name: /Adam Admin/ }).click();
  await dialog.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect.element(dialog.getByRole('alert')).toHaveTextContent(/Could not assign the seats/);
  await expect.element(dialog.getByText('2 seats left')).toBeVisible();
  expect(await holders('imagingCloud')).toEqual([]);
});

test('when who you are cannot be loaded, the dialog shows the error with a retry instead of loading forever', async () => {
  let failMe = true;
  await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} searchDebounceMs={0} />,
    { as: USERS.admin, intercept: (request) => (failMe && new URL(request.url).pathname === '/v1/me' ? Response.error() : undefined) },
  );
  const dialog = page.getByRole('dialog');
  const retry = dialog.getByRole('button', { name: /retry|try again/i });
  await expect.element(retry).toBeVisible();
  await expectNoAxeViolations(document.body);
  failMe = false;
  await retry.click();
  await expect.element(dialog.getByText('2 seats left')).toBeVisible();
});

/** Changes a Northwind subscription as the host's back office does (the provisioning API, with the server key). */
async function provision(key: 'imagingApp' | 'imagingCloud', body: { status?: 'active' | 'past_due' | 'canceled'; expiresAt?: string | null }) {
  await provisioning(ctx).subscriptions.update({ orgId: ctx.demo.northwind.orgId, subscriptionId: ctx.demo.northwind.subscriptions[key], ...body });
}

test('a pending invitee is listed, marked invited; picking them reserves a seat, shown as reserved; accepting makes it theirs', async () => {
  const onAssigned = vi.fn();
  await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} searchDebounceMs={0} onAssigned={onAssigned} />,
    { as: USERS.admin },
  );
  const dialog = page.getByRole('dialog', { name: 'Assign seats of Imaging Cloud' });
  const search = dialog.getByRole('searchbox', { name: 'Search people' });
  // The demo's pending invitation (Nina Newhire): found by the same search box, after the members.
  await userEvent.fill(search, 'nina');
  const nina = dialog.getByRole('checkbox', { name: /Nina Newhire/ });
  await expect.element(nina).toHaveAccessibleDescription('Invitation pending: the seat is reserved until they accept.');
  await expect.element(dialog.getByRole('listitem').filter({ hasText: 'Nina Newhire' }).getByText('Invited')).toBeVisible();
  await nina.click();
  await userEvent.fill(search, 'mia');
  await dialog.getByRole('checkbox', { name: /Mia Member/ }).click();
  await expect.element(dialog.getByText('2 selected; no seats would be left.')).toBeVisible();
  await animationsFinished();
  await expectNoAxeViolations();

  await dialog.getByRole('button', { name: 'Assign 2 seats' }).click();
  const results = dialog.getByRole('status').filter({ hasText: 'Nina Newhire' });
  await expect.element(results).toHaveTextContent('1 seat assigned, 1 reserved.');
  await expect.element(results).toHaveTextContent('Mia Member: seat assigned');
  await expect.element(results).toHaveTextContent('Nina Newhire: seat reserved; it becomes theirs when they accept the invitation');
  expect(onAssigned).toHaveBeenCalledWith([
    expect.objectContaining({ ok: true, memberId: ctx.demo.northwind.memberMemberId }),
    expect.objectContaining({ ok: true, invitationId: ctx.demo.northwind.pendingInvitationId }),
  ]);
  // Until they accept, the invitee shows as reserved: checked, locked, and said so.
  await userEvent.fill(search, 'nina');
  await expect.element(dialog.getByRole('checkbox', { name: /Nina Newhire/ })).toBeDisabled();
  await expect.element(dialog.getByRole('checkbox', { name: /Nina Newhire/ })).toBeChecked();
  await expect.element(dialog.getByText('Seat reserved', { exact: true })).toBeVisible();
  await expect.element(dialog.getByText('No seats left', { exact: true })).toBeVisible();

  // The invitee accepts (a fresh link: the admin resends the invitation): the reservation is now their seat.
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.invitations.resend({ orgId: ctx.demo.northwind.orgId, invitationId: ctx.demo.northwind.pendingInvitationId });
  const mail = (await ctx.server.mailbox()).filter((m) => m.to === 'new.hire@northwind.test').at(-1)!;
  const token = parseInvitationToken(/https?:\/\/\S+/.exec(mail.text)![0])!;
  const invitee = await createTestClient(ctx, { as: 'new.hire@northwind.test' });
  const { member } = await invitee.invitations.accept({ token });
  expect(member.subscriptionIds).toEqual([ctx.demo.northwind.subscriptions.imagingCloud]);
  expect(await holders('imagingCloud')).toEqual(['member@northwind.test', 'new.hire@northwind.test']);
});

test('an invitee whose invitation was revoked meanwhile is refused in the user’s words', async () => {
  await renderWithServer(
    ctx,
    <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} searchDebounceMs={0} />,
    { as: USERS.admin, locale: 'fr', messages: fr },
  );
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: /Nina Newhire/ }).click();
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await admin.invitations.revoke({ orgId: ctx.demo.northwind.orgId, invitationId: ctx.demo.northwind.pendingInvitationId });
  await dialog.getByRole('button', { name: 'Attribuer 1 licence' }).click();
  await expect.element(dialog.getByRole('status').filter({ hasText: 'Nina Newhire' })).toHaveTextContent(
    'Nina Newhire : aucune licence réservée, l’invitation a été acceptée ou révoquée entre-temps',
  );
});

test('a canceled or expired subscription is greyed out with the reason; a past-due one still hands out seats, and says what that means', async () => {
  await provision('imagingCloud', { status: 'canceled' });
  const { unmount } = await renderWithServer(ctx, <AssignSeatDialog defaultOpen />, { as: USERS.admin });
  const dialog = page.getByRole('dialog', { name: 'Assign seats' });
  await expect.element(dialog.getByRole('option', { name: 'Imaging Cloud (canceled)' })).toBeDisabled();
  await expect.element(dialog.getByRole('option', { name: 'Imaging App (3 left)' })).not.toBeDisabled();
  unmount();

  // Given directly (a host's own button): the dialog says why, and offers nobody to pick.
  await provision('imagingCloud', { status: 'active', expiresAt: '2020-01-01T00:00:00.000Z' });
  const second = await renderWithServer(ctx, <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} />, { as: USERS.admin });
  const expired = page.getByRole('dialog', { name: 'Assign seats of Imaging Cloud' });
  await expect.element(expired.getByText('This subscription has expired, so its seats cannot be handed out.')).toBeVisible();
  expect(expired.getByRole('checkbox').elements()).toHaveLength(0);
  expect(expired.getByRole('button', { name: /^Assign/ }).elements()).toHaveLength(0);
  second.unmount();

  await provision('imagingCloud', { status: 'past_due', expiresAt: null });
  await renderWithServer(ctx, <AssignSeatDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingCloud} />, { as: USERS.admin });
  const overdue = page.getByRole('dialog', { name: 'Assign seats of Imaging Cloud' });
  await expect.element(overdue.getByText(/payment for this subscription is overdue/)).toBeVisible();
  await overdue.getByRole('checkbox', { name: /Adam Admin/ }).click();
  await overdue.getByRole('button', { name: 'Assign 1 seat' }).click();
  await expect.element(overdue.getByText('Adam Admin: seat assigned')).toBeVisible();
  await animationsFinished();
  await expectNoAxeViolations();
});
