import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { ar } from '../messages/ar/index.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { renderWithServer, USERS, useTestServer } from '../test/server.js';
import { OrganizationLanguage } from './organization-language.js';

const ctx = useTestServer();
const select = () => page.getByRole('combobox', { name: 'Language of the organization' });

test('the owner saves another language: the server keeps it, the live region says so, the audit log records it', async () => {
  const saved: string[] = [];
  const { client } = await renderWithServer(ctx, <OrganizationLanguage onSaved={(locale) => saved.push(locale)} />, { as: USERS.owner });
  await expect.element(select()).toHaveValue('en');
  await expect.element(select()).toHaveAccessibleDescription('Invitations and the other emails to its members are written in this language.');
  // Every supported language, each named in itself (and marked as that language for screen readers).
  const names = [...(select().element() as HTMLSelectElement).options].map((o) => `${o.value}:${o.lang}:${o.textContent}`);
  expect(names).toEqual(expect.arrayContaining(['de:de:Deutsch', 'fr:fr:Français', 'ja:ja:日本語', 'pt-BR:pt-BR:Português (Brasil)']));
  expect(names).toHaveLength(12);
  await expectNoAxeViolations();

  await select().selectOptions('de');
  await page.getByRole('button', { name: 'Save language' }).click();
  await expect.element(page.getByRole('status')).toHaveTextContent('The organization’s language is now Deutsch.');
  expect(saved).toEqual(['de']);
  expect((await client.organizations.get({ orgId: ctx.demo.northwind.orgId })).locale).toBe('de');
  const events = await client.audit.list({ orgId: ctx.demo.northwind.orgId, action: 'organization.updated' });
  expect(events.items[0]?.data).toEqual({ locale: 'de', previousLocale: 'en' });
  await expect.element(select()).toHaveValue('de');
});

test('an admin sees the language, disabled with the reason, and no save button', async () => {
  await renderWithServer(ctx, <OrganizationLanguage />, { as: USERS.admin });
  await expect.element(page.getByText('Only the owner can change the organization’s language.')).toBeVisible();
  await expect.element(select()).toBeDisabled();
  await expect.element(select()).toHaveAccessibleDescription(/written in this language\. Only the owner can change/);
  expect(page.getByRole('button', { name: 'Save language' }).elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('the server stays the judge: an owner who handed the ownership over meanwhile is refused, with the reason', async () => {
  const { client } = await renderWithServer(ctx, <OrganizationLanguage />, { as: USERS.owner });
  await expect.element(select()).toBeEnabled();
  // Elsewhere (another tab), the owner hands the ownership to the admin; this page still knows them as the owner.
  await client.organizations.transferOwnership({ orgId: ctx.demo.northwind.orgId, memberId: ctx.demo.northwind.adminMemberId });
  await select().selectOptions('fr');
  await page.getByRole('button', { name: 'Save language' }).click();
  await expect.element(page.getByRole('alert')).toHaveTextContent(/Could not change the language.*Only the owner of the organization can do that\./);
  await expect.element(page.getByRole('status')).toHaveTextContent('');
  expect((await client.organizations.get({ orgId: ctx.demo.northwind.orgId })).locale).toBe('en');
});

test('offline: the error says the server could not be reached', async () => {
  await renderWithServer(ctx, <OrganizationLanguage />, {
    as: USERS.owner,
    intercept: (request) => (request.method === 'PATCH' ? Promise.reject(new TypeError('Failed to fetch')) : undefined),
  });
  await select().selectOptions('ja');
  await page.getByRole('button', { name: 'Save language' }).click();
  await expect.element(page.getByRole('alert')).toHaveTextContent(/could not reach the server/i);
});

test('in Arabic the control is right to left and its label Arabic; the languages keep their own names', async () => {
  await renderWithServer(ctx, <OrganizationLanguage />, { as: USERS.owner, messages: ar, locale: 'ar' });
  const arabic = page.getByRole('combobox', { name: ar.organizationLanguage.label });
  await expect.element(arabic).toBeVisible();
  expect(getComputedStyle(arabic.element()).direction).toBe('rtl');
  await expect.element(arabic.getByRole('option', { name: 'Deutsch' })).toBeInTheDocument();
  await expectNoAxeViolations();
});
