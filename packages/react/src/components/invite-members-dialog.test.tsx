import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { InviteMembersDialog } from './invite-members-dialog.js';

const ctx = useTestServer();

async function pendingInvitations() {
  const client = await createTestClient(ctx, { as: USERS.owner });
  const { items } = await client.invitations.list({ orgId: ctx.demo.northwind.orgId, status: 'pending', limit: 200 });
  return items;
}

const dialog = () => page.getByRole('dialog', { name: 'Invite people' });
const email = (n: number) => dialog().getByRole('textbox', { name: `Email (Person ${n})` });
const role = (n: number) => dialog().getByRole('combobox', { name: `Role (Person ${n})` });

test('invites several people, each with its own role; every row reports its result', async () => {
  await renderWithServer(ctx, <InviteMembersDialog />, { as: USERS.admin });
  await page.getByRole('button', { name: 'Invite people' }).click();
  await expect.element(dialog()).toBeVisible();
  await expectNoAxeViolations();

  await userEvent.fill(email(1), 'ann@example.com');
  await dialog().getByRole('button', { name: 'Add another person' }).click();
  // The new row's email field takes focus.
  await expect.element(email(2)).toHaveFocus();
  await userEvent.fill(email(2), 'Bob@Example.com ');
  await userEvent.selectOptions(role(2), 'admin');
  await dialog().getByRole('button', { name: 'Send 2 invitations' }).click();

  await expect.element(dialog().getByText('2 invitations sent.')).toBeVisible();
  const pending = await pendingInvitations();
  expect(pending.find((i) => i.email === 'ann@example.com')?.role).toBe('member');
  expect(pending.find((i) => i.email === 'bob@example.com')?.role).toBe('admin');
  const mails = await ctx.server.mailbox();
  expect(mails.filter((m) => m.to === 'ann@example.com' || m.to === 'bob@example.com')).toHaveLength(2);

  await dialog().getByRole('button', { name: 'Done' }).click();
  await expect.element(page.getByRole('status').filter({ hasText: 'Invited 2 people.' })).toBeVisible();
  await expect.element(dialog()).not.toBeInTheDocument();
});

test('a row that is already a member fails alone, with the reason on that row', async () => {
  await renderWithServer(ctx, <InviteMembersDialog defaultOpen />, { as: USERS.admin });
  await userEvent.fill(email(1), USERS.member);
  await dialog().getByRole('button', { name: 'Add another person' }).click();
  await userEvent.fill(email(2), 'carol@example.com');
  await dialog().getByRole('button', { name: 'Send 2 invitations' }).click();

  await expect.element(dialog().getByText(/1 invitation sent, 1 not sent/)).toBeVisible();
  await expect.element(email(1)).toHaveAccessibleDescription(/Not invited: This person is already a member/);
  await expect.element(email(1)).toHaveAttribute('aria-invalid', 'true');
  // Focus goes to the row that needs attention; the sent row is locked.
  await expect.element(email(1)).toHaveFocus();
  await expect.element(email(2)).toHaveAttribute('readonly');
  await expect.element(dialog().getByRole('button', { name: 'Send invitation' })).toBeVisible();
  await expectNoAxeViolations();
  expect((await pendingInvitations()).some((i) => i.email === 'carol@example.com')).toBe(true);
});

test('invalid and duplicate emails are caught before anything is sent', async () => {
  const before = (await pendingInvitations()).length;
  await renderWithServer(ctx, <InviteMembersDialog defaultOpen />, { as: USERS.admin });
  await userEvent.fill(email(1), 'not-an-email');
  await dialog().getByRole('button', { name: 'Add another person' }).click();
  await userEvent.fill(email(2), 'dup@example.com');
  await dialog().getByRole('button', { name: 'Add another person' }).click();
  await userEvent.fill(email(3), 'DUP@example.com');
  await dialog().getByRole('button', { name: 'Send 3 invitations' }).click();

  await expect.element(email(1)).toHaveAccessibleDescription('Enter a valid email address.');
  await expect.element(email(3)).toHaveAccessibleDescription('This address is already in the list.');
  await expect.element(email(1)).toHaveFocus();
  expect((await pendingInvitations()).length).toBe(before);
});

test('a pasted list becomes rows; bad lines are reported with their line number', async () => {
  await renderWithServer(ctx, <InviteMembersDialog defaultOpen />, { as: USERS.admin });
  await dialog().getByRole('button', { name: 'Paste a list' }).click();
  await userEvent.fill(
    dialog().getByRole('textbox', { name: 'Paste a list of emails' }),
    'dan@example.com, Eve Stone <eve@example.com>\nnot an email\ndan@example.com',
  );
  await dialog().getByRole('button', { name: 'Add to the list' }).click();
  await expect.element(dialog().getByText('2 addresses added.')).toBeVisible();
  await expect.element(dialog().getByText('Line 2: “not an email” is not a valid email address.')).toBeVisible();
  await expect.element(email(1)).toHaveValue('dan@example.com');
  await expect.element(email(2)).toHaveValue('eve@example.com');
  await dialog().getByRole('button', { name: 'Send 2 invitations' }).click();
  await expect.element(dialog().getByText('2 invitations sent.')).toBeVisible();
  const eve = (await pendingInvitations()).find((i) => i.email === 'eve@example.com');
  expect([eve?.firstName, eve?.lastName]).toEqual(['Eve', 'Stone']);
});

test('a CSV file with a role column fills the rows', async () => {
  await renderWithServer(ctx, <InviteMembersDialog defaultOpen />, { as: USERS.admin });
  const file = new File(['email,first name,last name,role\nfay@example.com,Fay,Wong,admin\ngus@example.com,Gus,Hale,member\n'], 'people.csv', {
    type: 'text/csv',
  });
  await userEvent.upload(dialog().getByLabelText('Upload a CSV file'), file);
  await expect.element(email(2)).toHaveValue('gus@example.com');
  await expect.element(role(1)).toHaveValue('admin');
  await expect.element(role(2)).toHaveValue('member');
});

test('the whole flow works from the keyboard alone', async () => {
  await renderWithServer(ctx, <InviteMembersDialog />, { as: USERS.admin });
  await userEvent.tab();
  await expect.element(page.getByRole('button', { name: 'Invite people' })).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  await expect.element(dialog()).toBeVisible();
  // Radix focuses the first focusable element: the first email field.
  await expect.element(email(1)).toHaveFocus();
  await userEvent.keyboard('kim@example.com');
  await userEvent.keyboard('{Enter}');
  await expect.element(dialog().getByText('Invitation sent.')).toBeVisible();
  await expect.element(dialog().getByRole('button', { name: 'Done' })).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  await expect.element(dialog()).not.toBeInTheDocument();
  await expect.element(page.getByRole('button', { name: 'Invite people' })).toHaveFocus();
  expect((await pendingInvitations()).some((i) => i.email === 'kim@example.com')).toBe(true);
});

test('a member without members:invite gets a disabled button that says why', async () => {
  await renderWithServer(ctx, <InviteMembersDialog />, { as: USERS.member });
  const button = page.getByRole('button', { name: 'Invite people' });
  await expect.element(button).toHaveAttribute('aria-disabled', 'true');
  await expect.element(button).toHaveAccessibleDescription(/Invite and add members/);
  await button.click({ force: true });
  expect(page.getByRole('dialog').elements()).toHaveLength(0);
});

test('seats can be reserved for an invitee', async () => {
  await renderWithServer(ctx, <InviteMembersDialog defaultOpen />, { as: USERS.admin });
  await userEvent.fill(email(1), 'seat@example.com');
  await dialog().getByRole('button', { name: 'Add names' }).click();
  await dialog().getByRole('checkbox', { name: 'Imaging Cloud (Person 1)' }).click();
  await dialog().getByRole('button', { name: 'Send invitation' }).click();
  await expect.element(dialog().getByText('Invitation sent.')).toBeVisible();
  const invitation = (await pendingInvitations()).find((i) => i.email === 'seat@example.com');
  expect(invitation?.subscriptionIds).toEqual([ctx.demo.northwind.subscriptions.imagingCloud]);
});
