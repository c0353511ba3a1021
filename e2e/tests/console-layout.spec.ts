/**
 * The console as a new user finds it on a phone (390 px) and a laptop (1280 px): the main navigation
 * (a menu on the phone), nothing cut off sideways, a long email that does not wrap the top bar, both
 * products of workflow 1 reachable, and workflow 3's "your most recently viewed institution" reopened
 * after signing out and in again.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, apiAs, OWNER, screenshot, signIn, switchOrganization } from './helpers.js';

const LONG_EMAIL = 'ext.user.averyveryverylongname@example.test';

/** Nothing sticks out sideways: the page does not scroll horizontally. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `scrollWidth ${scrollWidth} within innerWidth ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * The top bar is one row: its parts, links and email are vertically centred on the same line, and the
 * links do not run into the email (the last link ends before the email starts).
 */
async function expectTopBarOnOneRow(page: Page): Promise<void> {
  const centres = await page.locator('.topbar > *, .nav-links a, .who > *').evaluateAll((parts) =>
    parts.map((part) => {
      const box = part.getBoundingClientRect();
      return Math.round(box.top + box.height / 2);
    }),
  );
  expect(centres.length).toBeGreaterThan(8);
  for (const centre of centres) expect(Math.abs(centre - centres[0]!)).toBeLessThanOrEqual(2);
  const lastLinkEnd = await page.locator('.nav-links a').last().evaluate((el) => el.getBoundingClientRect().right);
  const emailStart = await page.getByLabel('Signed in as').evaluate((el) => el.getBoundingClientRect().left);
  expect(lastLinkEnd, 'the last link ends before the email starts').toBeLessThanOrEqual(emailStart);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test.describe('at 390 px (a phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the navigation is a menu, usable with the keyboard; nothing is cut off; Imaging Cloud is reachable', async ({ page }, testInfo) => {
    await signIn(page, ADMIN);
    await expect(page.getByRole('button', { name: /^Organization: / })).toBeVisible();
    await expectNoHorizontalOverflow(page);

    const menu = nav(page).getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav(page).getByRole('link', { name: 'Dev mailbox' })).toBeHidden();

    // Keyboard: Enter opens, Tab reaches the links, Escape closes and gives the focus back.
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['Dashboard', 'Users', 'Imaging App', 'Imaging Cloud', 'Dev mailbox']) {
      const link = nav(page).getByRole('link', { name, exact: true });
      await expect(link).toBeVisible();
      // Inside the screen, not cut off.
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await expectNoHorizontalOverflow(page);
    await screenshot(page, testInfo, 'menu-open-390');
    await page.keyboard.press('Tab');
    await expect(nav(page).getByRole('link', { name: 'Dashboard' })).toBeFocused();
    // The focus ring shows on a keyboard-focused link.
    expect(await nav(page).getByRole('link', { name: 'Dashboard' }).evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(nav(page).getByRole('link', { name: 'Dashboard' })).toBeHidden();

    // Space opens it too; following a link closes it.
    await page.keyboard.press('Space');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav(page).getByRole('link', { name: 'Imaging Cloud' }).click();
    await expect(page).toHaveURL(/\/imaging-cloud$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('heading', { level: 1, name: /^(Imaging Cloud|Access Denied)$/ })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });

  test('a long email fits: cut with an ellipsis, the whole address kept', async ({ page, request }) => {
    await addLongEmailMember(request);
    await signIn(page, LONG_EMAIL);
    await expect(page.getByRole('button', { name: /^Organization: / })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});

test.describe('at 1280 px (a laptop)', () => {
  test.use({ viewport: { width: 1280, height: 860 } });

  test('the links are in the top bar, no menu button, nothing cut off; both products are reachable', async ({ page }) => {
    await signIn(page, OWNER);
    await expect(nav(page).getByRole('button', { name: 'Menu' })).toBeHidden();
    await expect(nav(page).getByRole('link', { name: 'Dev mailbox' })).toBeVisible();
    await expectTopBarOnOneRow(page);
    await expectNoHorizontalOverflow(page);
    for (const name of ['Imaging App', 'Imaging Cloud']) {
      await nav(page).getByRole('link', { name, exact: true }).click();
      await expect(nav(page).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^(${name}|Access Denied)$`) })).toBeVisible();
    }
  });

  test('a long email does not wrap the top bar: an ellipsis, the full address as text and tooltip', async ({ page, request }, testInfo) => {
    await addLongEmailMember(request);
    await signIn(page, LONG_EMAIL);
    await expect(page.getByRole('button', { name: /^Organization: / })).toBeVisible();
    const email = page.getByLabel('Signed in as');
    await expect(email).toHaveText(LONG_EMAIL);
    await expect(email).toHaveAttribute('title', LONG_EMAIL);
    expect(await email.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    await expectTopBarOnOneRow(page);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, testInfo, 'long-email-1280');
  });
});

test('workflow 3: signing out and in again reopens the institution viewed last, not the first one', async ({ page }) => {
  await signIn(page, ADMIN);
  const trigger = page.getByRole('button', { name: /^Organization: / });
  await expect(trigger).toBeVisible();
  const first = (await trigger.textContent())!.includes('Lakeside Clinic') ? 'Lakeside Clinic' : 'Northwind Dental';
  const other = first === 'Lakeside Clinic' ? 'Northwind Dental' : 'Lakeside Clinic';
  await switchOrganization(page, other);
  await expect(page.getByRole('heading', { level: 1, name: other })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, ADMIN);
  await expect(trigger).toContainText(other);
  await expect(page.getByRole('heading', { level: 1, name: other })).toBeVisible();

  // Back to the first, then again: the remembering follows each switch.
  await switchOrganization(page, first);
  await page.reload();
  await signIn(page, ADMIN);
  await expect(trigger).toContainText(first);
});

/** The long-email person as a member of Northwind Dental (added directly; already there on a rerun). */
async function addLongEmailMember(request: Parameters<typeof apiAs>[0]): Promise<void> {
  const owner = await apiAs(request, OWNER);
  const added = await owner.post('/members', { email: LONG_EMAIL, firstName: 'Avery', lastName: 'Longname', role: 'member' });
  expect([201, 409], await added.text()).toContain(added.status());
}
