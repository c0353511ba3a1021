import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { fr } from '../messages/fr/index.js';
import { AddMemberDialog } from './add-member-dialog.js';

const ctx = useTestServer();
const dialog = () => page.getByRole('dialog', { name: 'Add a user' });

async function findMember(email: string) {
  const client = await createTestClient(ctx, { as: USERS.owner });
  const { items } = await client.members.list({ orgId: ctx.demo.northwind.orgId, query: email });
  return items.find((m) => m.email === email);
}

test('adds a user with names, role and an extra permission; the user is emailed the account details', async () => {
  const added: string[] = [];
  await renderWithServer(ctx, <AddMemberDialog onAdded={(m) => added.push(m.email)} />, { as: USERS.admin });
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect.element(dialog()).toBeVisible();
  await userEvent.fill(dialog().getByRole('textbox', { name: 'First name' }), 'Rita');
  await userEvent.fill(dialog().getByRole('textbox', { name: 'Last name' }), 'Reyes');
  await userEvent.fill(dialog().getByRole('textbox', { name: 'Email' }), 'Rita.Reyes@Example.com');
  await dialog().getByRole('checkbox', { name: 'See the audit trail' }).click();
  await expectNoAxeViolations();
  await dialog().getByRole('button', { name: 'Add user' }).click();
  await expect.element(dialog()).not.toBeInTheDocument();
  // The dialog is gone; what happened is said (and announced) next to its trigger.
  await expect.element(page.getByRole('status').filter({ hasText: 'Added Rita Reyes; they got an email with their account details.' })).toBeVisible();
  expect(added).toEqual(['rita.reyes@example.com']);
  const rita = await findMember('rita.reyes@example.com');
  expect(rita).toMatchObject({ firstName: 'Rita', lastName: 'Reyes', role: 'member', grants: ['audit:read'] });
  const mails = await ctx.server.mailbox();
  expect(mails.some((m) => m.to === 'rita.reyes@example.com')).toBe(true);
});

test('an existing member is reported on the email field; missing names are caught before sending', async () => {
  await renderWithServer(ctx, <AddMemberDialog defaultOpen />, { as: USERS.admin });
  await dialog().getByRole('button', { name: 'Add user' }).click();
  await expect.element(dialog().getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription('Required');
  await expect.element(dialog().getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription('Enter an email address.');

  await userEvent.fill(dialog().getByRole('textbox', { name: 'First name' }), 'Mia');
  await userEvent.fill(dialog().getByRole('textbox', { name: 'Last name' }), 'Again');
  await userEvent.fill(dialog().getByRole('textbox', { name: 'Email' }), USERS.member);
  await dialog().getByRole('button', { name: 'Add user' }).click();
  await expect.element(dialog().getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
    'This person is already a member of the organization.',
  );
  expect((await findMember(USERS.member))?.lastName).toBe('Member');
});

test('a member without members:invite cannot open it, and is told why', async () => {
  await renderWithServer(ctx, <AddMemberDialog />, { as: USERS.member });
  const button = page.getByRole('button', { name: 'Add user' });
  await expect.element(button).toHaveAttribute('aria-disabled', 'true');
  await expect.element(button).toHaveAccessibleDescription('You need the “Invite and add members” permission to add users.');
});

test('keyboard only: open, fill, submit with Enter; focus returns to the trigger', async () => {
  await renderWithServer(ctx, <AddMemberDialog />, { as: USERS.owner });
  await userEvent.tab();
  await userEvent.keyboard('{Enter}');
  await expect.element(dialog().getByRole('textbox', { name: 'First name' })).toHaveFocus();
  await userEvent.keyboard('Kai');
  await userEvent.tab();
  await userEvent.keyboard('Kim');
  await userEvent.tab();
  await userEvent.keyboard('kai@example.com{Enter}');
  await expect.element(dialog()).not.toBeInTheDocument();
  await expect.element(page.getByRole('button', { name: 'Add user' })).toHaveFocus();
  expect(await findMember('kai@example.com')).toBeDefined();
});

test('a name the server would refuse is caught before sending, in the provider’s language; nothing is added', async () => {
  const requests: string[] = [];
  await renderWithServer(ctx, <AddMemberDialog defaultOpen />, {
    as: USERS.admin,
    messages: fr,
    locale: 'fr',
    intercept: (request) => {
      if (request.method === 'POST') requests.push(request.url);
      return undefined;
    },
  });
  const frDialog = page.getByRole('dialog', { name: 'Ajouter un utilisateur' });
  await userEvent.fill(frDialog.getByRole('textbox', { name: 'Prénom' }), 'R'.repeat(101));
  await userEvent.fill(frDialog.getByRole('textbox', { name: 'Nom', exact: true }), 'Reyes');
  await userEvent.fill(frDialog.getByRole('textbox', { name: 'E-mail' }), 'rita@example.com');
  await frDialog.getByRole('button', { name: 'Ajouter l’utilisateur' }).click();
  await expect.element(frDialog.getByRole('textbox', { name: 'Prénom' })).toHaveAccessibleDescription('100 caractères au plus');
  expect(requests).toEqual([]);
  expect(await findMember('rita@example.com')).toBeUndefined();
});
