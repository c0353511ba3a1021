import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import { API_URL } from '../env.js';

export { API_URL };

export const OWNER = 'owner@northwind.test';
export const ADMIN = 'admin@northwind.test';
export const MEMBER = 'member@northwind.test';
export const LAKESIDE_OWNER = 'owner@lakeside.test';

/** A unique address per call, so reruns and retries never meet an earlier run's invitation. */
export function uniqueEmail(name: string): string {
  return `${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/**
 * Signs in through the console's development sign-in screen: the demo user's button when listed,
 * else the email field (people who were just invited are not users yet).
 */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const heading = page.getByRole('heading', { name: 'Sign in' });
  await expect(signOut.or(heading)).toBeVisible();
  if (await signOut.isVisible()) {
    await signOut.click();
    await expect(heading).toBeVisible();
  }
  await signInHere(page, email);
  await expect(page.getByLabel('Signed in as')).toHaveText(email);
}

/** On a sign-in screen already showing: sign in as `email`. */
export async function signInHere(page: Page, email: string): Promise<void> {
  const listed = page.getByRole('list', { name: 'Demo users' }).getByRole('button', { name: new RegExp(`\\b${escape(email)}\\b`) });
  await expect(page.getByRole('list', { name: 'Demo users' })).toBeVisible();
  if ((await listed.count()) > 0) await listed.first().click();
  else {
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}

/** The account's pages: tabs under "Users" in the console. */
const ACCOUNT_TABS = ['Invitations', 'Requests', 'Roles', 'Audit log'] as const;

export async function openPage(page: Page, name: 'Dashboard' | 'Users' | 'Imaging App' | (typeof ACCOUNT_TABS)[number]): Promise<void> {
  if ((ACCOUNT_TABS as readonly string[]).includes(name)) {
    await openPage(page, 'Users');
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name, exact: true }).click();
    return;
  }
  const nav = page.getByRole('navigation', { name: 'Main' });
  // On a narrow screen the links fold into a menu: open it first (the button is not shown on a wide one).
  const menu = nav.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await nav.getByRole('link', { name, exact: true }).click();
}

export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** The newest 100 mails, newest first (the mailbox is paginated). */
export async function mailbox(request: APIRequestContext): Promise<Mail[]> {
  const response = await request.get(`${API_URL}/dev/mailbox.json?limit=100`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: Mail[] }).items;
}

/** The newest mail to `to` whose subject matches, waiting for the outbox to deliver it. */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailbox(request)).find((m) => m.to === to && subject.test(m.subject));
        return found ? found.subject : null;
      },
      { message: `a mail to ${to} with subject ${subject}` },
    )
    .not.toBeNull();
  return found!;
}

/** The accept link of an invitation mail, rewritten to the console under test. */
export function acceptLink(mail: Mail): string {
  const match = /https?:\/\/\S+\/accept-invitation\?token=[\w-]+/.exec(mail.text);
  if (!match) throw new Error(`No accept link in the mail:\n${mail.text}`);
  return match[0];
}

/** A full-page screenshot kept as a test artifact (test-results/<test>/<name>.png, also in the report). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks the current organization in the console's top bar (the kit's OrganizationSwitcher). */
export async function switchOrganization(page: Page, name: string): Promise<void> {
  const trigger = page.getByRole('button', { name: /^Organization: / });
  await expect(trigger).toBeVisible();
  if ((await trigger.textContent())?.includes(name)) return;
  await trigger.click();
  await page.getByRole('listbox', { name: 'Organizations' }).getByRole('option', { name: new RegExp(escape(name)) }).click();
  await expect(trigger).toContainText(name);
}

/** Selects the option of a native select whose text contains `text` (labels carry live counts such as "(2 left)"). */
export async function selectOptionContaining(select: Locator, text: string): Promise<void> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  if (value === null) throw new Error(`No option containing "${text}"`);
  await select.selectOption(value);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus: keyboard-only navigation that does not
 * hard-code the tab order. Fails after `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { max = 40, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reachable with ${backwards ? 'Shift+Tab' : 'Tab'} within ${max} presses`).toBeFocused();
}

/** Direct API calls as a demo user (for set-up and clean-up around the UI steps). */
export async function apiAs(request: APIRequestContext, email: string, orgName = 'Northwind Dental') {
  const post = await request.post(`${API_URL}/dev/token`, { data: { email } });
  const { token } = (await post.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const me = (await (await request.get(`${API_URL}/v1/me`, { headers })).json()) as {
    memberships: { organization: { id: string; name: string }; member: { id: string } }[];
  };
  const orgId = me.memberships.find((m) => m.organization.name === orgName)?.organization.id ?? '';
  const url = (path: string) => `${API_URL}/v1/orgs/${orgId}${path}`;
  return {
    orgId,
    me,
    get: async <T>(path: string) => (await (await request.get(url(path), { headers })).json()) as T,
    post: (path: string, data: unknown) => request.post(url(path), { headers, data }),
    delete: (path: string) => request.delete(url(path), { headers }),
  };
}

/**
 * Collects what a user's browser would show a developer as a problem: console errors and warnings,
 * uncaught page errors, failed requests and HTTP responses ≥ 400 (a 4xx the UI did not mean to cause
 * is a console error too). `problems()` lists them since the last `clear()`.
 *
 * Requests aborted with `net::ERR_ABORTED` are not counted: a reload or a navigation cancels the
 * requests still in flight, which is intended and logs nothing in the console.
 */
export function watchBrowserProblems(page: Page) {
  let problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return {
    problems: () => [...problems],
    clear: () => {
      problems = [];
    },
  };
}
