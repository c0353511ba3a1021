import { expect, test } from '@playwright/test';
import { ADMIN, apiAs, OWNER, openPage, screenshot, signIn, switchOrganization, uniqueEmail, waitForMail, watchBrowserProblems } from './helpers.js';

/**
 * Seat lifecycle, the two-click path: a member blocked at a product asks for a seat from the "Access
 * Denied" page, an admin approves it on the console's Requests page, and the member's open page lets them
 * in without a reload (the gate checks again when its tab becomes visible, and every 30 s while pending).
 */
test('a blocked member requests a seat, an admin approves it, the member’s open page opens the product', async ({ page, browser, request }, testInfo) => {
  // A person of their own, so the walk never depends on what other tests did to the demo members.
  const email = uniqueEmail('requester');
  const owner = await apiAs(request, OWNER);
  const added = await owner.post('/members', { email, firstName: 'Rhea', lastName: 'Requester', role: 'member' });
  expect(added.status()).toBe(201);

  const memberBrowser = watchBrowserProblems(page);
  await signIn(page, email);
  await openPage(page, 'Imaging App');
  await expect(page.getByRole('heading', { name: 'Access Denied' })).toBeVisible();
  await expect(page.getByText('You do not hold a seat of Imaging App.')).toBeVisible();
  await page.getByRole('button', { name: 'Request a seat' }).click();
  await expect(page.getByText(/^You asked for a seat on /)).toBeVisible();
  await screenshot(page, testInfo, 'seat-requested');
  // The admins who may assign seats are told.
  await waitForMail(request, ADMIN, /Rhea Requester asks for a seat of Imaging App/);

  // The admin, in a browser of their own, finds the request with its count and approves it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  // Adam Admin is in two organizations; a fresh browser opens his first, Lakeside Clinic.
  await switchOrganization(admin, 'Northwind Dental');
  await openPage(admin, 'Requests');
  const requests = admin.getByRole('region', { name: 'Seat requests' });
  const item = requests.getByRole('listitem').filter({ hasText: 'Rhea Requester' });
  await expect(item.getByText('Asks for Imaging App')).toBeVisible();
  await screenshot(admin, testInfo, 'seat-request-pending');
  await item.getByRole('button', { name: 'Approve the request of Rhea Requester' }).click();
  await expect(requests.getByText('Rhea Requester now holds a seat of Imaging App; they were emailed.')).toBeVisible();
  await expect(requests.getByRole('listitem').filter({ hasText: 'Rhea Requester' })).toHaveCount(0);
  await adminContext.close();
  await waitForMail(request, email, /Your seat of Imaging App is ready/);

  // Back on the member's tab (as when they switch to it): the gate checks again and opens, no reload.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(page.getByRole('heading', { name: 'Imaging App', exact: true })).toBeVisible();
  await expect(page.getByText(/Welcome to Imaging App for Northwind Dental/)).toBeVisible();
  await screenshot(page, testInfo, 'seat-request-opened');
  expect(memberBrowser.problems()).toEqual([]);
});
