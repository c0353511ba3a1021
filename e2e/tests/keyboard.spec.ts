/**
 * Focus return is checked softly (the rest of each test still runs and reports): a dialog's focus
 * must go back to its trigger when it closes.
 *
 * Keyboard-only variants of the invite and assign dialogs: open, fill, submit, read the results and
 * close with the keyboard alone; focus stays in the dialog and returns to the trigger.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, apiAs, openPage, screenshot, signIn, switchOrganization, tabTo, uniqueEmail, waitForMail } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
  await switchOrganization(page, 'Northwind Dental');
});

test('invite dialog, keyboard only: two people with different roles, "+" for the second row, Escape and Done return focus', async ({
  page,
  request,
}, testInfo) => {
  const first = uniqueEmail('kb.admin');
  const second = uniqueEmail('kb.member');
  await openPage(page, 'Invitations');
  const trigger = page.getByRole('button', { name: 'Invite people' });
  const dialog = page.getByRole('dialog', { name: 'Invite people' });

  // Escape closes, and focus goes back to the trigger.
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Email (Person 1)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.soft(trigger, 'focus returns to the trigger').toBeFocused();

  // (Reopen from the trigger even if focus did not come back to it.)
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Email (Person 1)' })).toBeFocused();
  await page.keyboard.type(first);
  await tabTo(page, dialog.getByRole('combobox', { name: 'Role (Person 1)' }));
  await page.keyboard.type('Admin');
  await expect(dialog.getByRole('combobox', { name: 'Role (Person 1)' })).toHaveValue('admin');

  await tabTo(page, dialog.getByRole('button', { name: 'Add another person' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Email (Person 2)' })).toBeFocused();
  await page.keyboard.type(second);
  await tabTo(page, dialog.getByRole('combobox', { name: 'Role (Person 2)' }));
  await page.keyboard.type('Member');
  await expect(dialog.getByRole('combobox', { name: 'Role (Person 2)' })).toHaveValue('member');
  await screenshot(page, testInfo, 'invite-keyboard');

  await tabTo(page, dialog.getByRole('button', { name: 'Send 2 invitations' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('2 invitations sent.')).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.soft(trigger, 'focus returns to the trigger').toBeFocused();

  await waitForMail(request, first, /You are invited to join Northwind Dental/);
  await waitForMail(request, second, /You are invited to join Northwind Dental/);
  await expect(page.getByRole('row').filter({ hasText: first })).toContainText('Admin');
  await expect(page.getByRole('row').filter({ hasText: second })).toContainText('Member');
});

test('assign dialog, keyboard only: search, pick, assign, invite someone new with a reserved seat, close', async ({ page, request }, testInfo) => {
  const outsider = uniqueEmail('kb.outsider');
  await openPage(page, 'Dashboard');
  const meter = page.getByRole('meter', { name: 'Seat usage of Imaging App' });
  const usedBefore = Number(await meter.getAttribute('aria-valuenow'));
  const trigger = page.getByRole('button', { name: 'Assign seat of Imaging App' });
  const dialog = page.getByRole('dialog', { name: 'Assign seats of Imaging App' });

  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  // Someone without a seat yet (a retry on the same server finds the first pick already seated).
  const search = dialog.getByRole('searchbox', { name: 'Search people' });
  let name = '';
  for (const candidate of ['Ben Ito', 'Chloe Petrov', 'Daniel Chen', 'Emma Jensen', 'Felix Quist']) {
    await tabTo(page, search, { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(candidate);
    const box = dialog.getByRole('checkbox', { name: new RegExp(candidate) });
    await expect(box).toBeVisible();
    if (await box.isEnabled()) {
      name = candidate;
      break;
    }
  }
  expect(name, 'a member without an Imaging App seat').not.toBe('');
  const person = dialog.getByRole('checkbox', { name: new RegExp(name) });
  await tabTo(page, person);
  await page.keyboard.press('Space');
  await expect(person).toBeChecked();
  await tabTo(page, dialog.getByRole('button', { name: 'Assign 1 seat' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByText(`${name}: seat assigned`)).toBeVisible();
  await screenshot(page, testInfo, 'assign-keyboard-results');

  // An external person, invited from inside the dialog: a seat is reserved for them.
  await tabTo(page, dialog.getByRole('button', { name: 'Invite someone new' }));
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('textbox', { name: 'Email' }));
  await page.keyboard.type(outsider);
  await tabTo(page, dialog.getByRole('button', { name: 'Invite and reserve a seat' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByText(`Invitation sent to ${outsider}. A seat of Imaging App is reserved for them.`)).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.soft(trigger, 'focus returns to the trigger').toBeFocused();
  // One seat assigned (Ben) and one reserved (the invitation).
  await expect(meter).toHaveAttribute('aria-valuenow', String(usedBefore + 2));
  await waitForMail(request, outsider, /You are invited to join Northwind Dental/);

  // Give both seats back, so later tests find the subscription as the demo left it.
  const api = await apiAs(request, ADMIN);
  const subs = await api.get<{ items: { id: string; product: { key: string } }[] }>('/subscriptions');
  const app = subs.items.find((s) => s.product.key === 'imaging-app')!;
  const members = await api.get<{ items: { id: string; email: string }[] }>(`/members?query=${encodeURIComponent(name)}`);
  expect((await api.delete(`/subscriptions/${app.id}/seats/${members.items[0]!.id}`)).ok()).toBe(true);
  const pending = await api.get<{ items: { id: string; email: string }[] }>('/invitations?status=pending&limit=200');
  const invitation = pending.items.find((i) => i.email === outsider)!;
  expect((await api.delete(`/invitations/${invitation.id}`)).ok()).toBe(true);
  await page.reload();
  await expect(meter).toHaveAttribute('aria-valuenow', String(usedBefore));
});
