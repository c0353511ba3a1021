import { expect, test } from '@playwright/test';
import { API_URL, MEMBER, OWNER, screenshot, signIn } from './helpers.js';

test('the sign-in screen lists the demo users with their organizations; the token is kept out of the page', async ({ page }, testInfo) => {
  await page.goto('/');
  const users = page.getByRole('list', { name: 'Demo users' });
  await expect(users.getByRole('button', { name: /owner@northwind\.test/ })).toContainText('Northwind Dental (owner)');
  await expect(users.getByRole('button', { name: /admin@northwind\.test/ })).toContainText('Lakeside Clinic (admin)');
  await screenshot(page, testInfo, 'sign-in');

  await users.getByRole('button', { name: /owner@northwind\.test/ }).click();
  await expect(page.getByLabel('Signed in as')).toHaveText(OWNER);
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('seatkit-example.session') ?? '{}').token as string);
  expect(token.length).toBeGreaterThan(20);
  expect(await page.content()).not.toContain(token);

  // The dev mailbox is one click away.
  await expect(page.getByRole('link', { name: 'Dev mailbox' })).toHaveAttribute('href', `${API_URL}/dev/mailbox`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('seatkit-example.session'))).toBeNull();
});

test('signing in as another user starts from their own data', async ({ page }) => {
  await signIn(page, OWNER);
  await signIn(page, MEMBER);
  await expect(page.getByLabel('Signed in as')).toHaveText(MEMBER);
});
