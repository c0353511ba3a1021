import type { CSSProperties } from 'react';
import { afterEach, expect, onTestFinished, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SeatKitProvider, useSeatKit } from '../provider.js';
import { render } from '../test/render.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { OrganizationSwitcher } from './organization-switcher.js';

const ctx = useTestServer();

// The remembered organization lives in this origin's localStorage, which every test file shares.
afterEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('seatkit:last-organization:')) localStorage.removeItem(key);
});

function CurrentOrg() {
  const { orgId } = useSeatKit();
  return <p data-testid="current">{orgId}</p>;
}

/** An uncontrolled provider, so picking an organization really changes the current one. */
async function renderSwitcher(props: Parameters<typeof OrganizationSwitcher>[0] = {}, as: string = USERS.admin) {
  const client = await createTestClient(ctx, { as });
  const onOrgIdChange = vi.fn();
  render(
    <SeatKitProvider client={client} defaultOrgId={ctx.demo.northwind.orgId} onOrgIdChange={onOrgIdChange}>
      <main>
        <button type="button">before</button>
        <OrganizationSwitcher {...props} />
        <CurrentOrg />
      </main>
    </SeatKitProvider>,
  );
  return { onOrgIdChange };
}

test('keyboard only: the admin of two organizations switches to the other one', async () => {
  const onSwitch = vi.fn();
  const { onOrgIdChange } = await renderSwitcher({ onSwitch });
  const trigger = page.getByRole('button', { name: 'Organization: Northwind Dental Admin' });
  await expect.element(trigger).toBeVisible();

  (page.getByRole('button', { name: 'before' }).element() as HTMLElement).focus();
  await userEvent.tab();
  await expect.element(trigger).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  const list = page.getByRole('listbox', { name: 'Organizations' });
  await expect.element(list).toHaveFocus();
  // The current organization is selected and highlighted first.
  await expect.element(page.getByRole('option', { name: /Northwind Dental/ })).toHaveAttribute('aria-selected', 'true');
  await expect.element(list).toHaveAttribute('aria-activedescendant', page.getByRole('option', { name: /Northwind/ }).element().id);
  await expectNoAxeViolations();

  await userEvent.keyboard('{ArrowDown}');
  const lakeside = page.getByRole('option', { name: /Lakeside Clinic/ });
  await expect.element(list).toHaveAttribute('aria-activedescendant', lakeside.element().id);
  await userEvent.keyboard('{Enter}');
  await expect.element(list).not.toBeInTheDocument();
  expect(onOrgIdChange).toHaveBeenCalledWith(ctx.demo.lakeside.orgId);
  expect(onSwitch).toHaveBeenCalledWith(ctx.demo.lakeside.orgId);
  await expect.element(page.getByTestId('current')).toHaveTextContent(ctx.demo.lakeside.orgId);
  // Focus is back on the trigger, which now names the new organization and role.
  const newTrigger = page.getByRole('button', { name: 'Organization: Lakeside Clinic Admin' });
  await expect.element(newTrigger).toHaveFocus();

  // Escape closes without switching; End/Home and type-ahead move the highlight.
  await userEvent.keyboard('{Enter}');
  await expect.element(list).toBeVisible();
  await userEvent.keyboard('{Home}');
  await expect.element(list).toHaveAttribute('aria-activedescendant', page.getByRole('option', { name: /Lakeside/ }).element().id);
  await userEvent.keyboard('n');
  await expect.element(list).toHaveAttribute('aria-activedescendant', page.getByRole('option', { name: /Northwind/ }).element().id);
  await userEvent.keyboard('{Escape}');
  await expect.element(list).not.toBeInTheDocument();
  await expect.element(newTrigger).toHaveFocus();
  expect(onOrgIdChange).toHaveBeenCalledTimes(1);
});

test('with many organizations a search box filters them; arrows and Enter work from the box', async () => {
  const { onOrgIdChange } = await renderSwitcher({ searchThreshold: 1 });
  await page.getByRole('button', { name: /Organization: Northwind Dental/ }).click();
  const search = page.getByRole('combobox', { name: 'Search organizations' });
  await expect.element(search).toHaveFocus();
  await userEvent.keyboard('lake');
  await expect.element(page.getByRole('option', { name: /Northwind/ })).not.toBeInTheDocument();
  await expect.element(search).toHaveAttribute('aria-activedescendant', page.getByRole('option', { name: /Lakeside/ }).element().id);
  await expectNoAxeViolations();
  await userEvent.keyboard('{Enter}');
  expect(onOrgIdChange).toHaveBeenCalledWith(ctx.demo.lakeside.orgId);

  await page.getByRole('button', { name: /Organization: Lakeside Clinic/ }).click();
  await userEvent.keyboard('zzz');
  await expect.element(page.getByText('No organization matches “zzz”.')).toBeVisible();
});

test('the options show the role in each organization; a mouse click switches too', async () => {
  const { onOrgIdChange } = await renderSwitcher({}, USERS.admin);
  await page.getByRole('button', { name: /Organization: Northwind Dental/ }).click();
  await expect.element(page.getByRole('option', { name: /Lakeside Clinic/ })).toHaveTextContent('Your role: Admin');
  await page.getByRole('option', { name: /Lakeside Clinic/ }).click();
  expect(onOrgIdChange).toHaveBeenCalledWith(ctx.demo.lakeside.orgId);
});

test('a custom role shows by its name, on the trigger and in the options', async () => {
  const owner = await createTestClient(ctx, { as: USERS.lakesideOwner });
  await owner.roles.create({ orgId: ctx.demo.lakeside.orgId, key: 'front-desk', name: 'Front desk', permissions: ['members:read'] });
  const { items } = await owner.members.list({ orgId: ctx.demo.lakeside.orgId, query: USERS.admin });
  await owner.members.update({ orgId: ctx.demo.lakeside.orgId, memberId: items[0]!.id, role: 'front-desk' });
  await renderSwitcher({}, USERS.admin);
  await page.getByRole('button', { name: /Organization: Northwind Dental/ }).click();
  await expect.element(page.getByRole('option', { name: /Lakeside Clinic/ })).toHaveTextContent('Your role: Front desk');
});

test('someone in one organization sees it, someone in none is told so, and a failure can be retried', async () => {
  const { unmount } = await renderWithServer(ctx, <OrganizationSwitcher />, { as: USERS.member });
  await expect.element(page.getByRole('button', { name: 'Organization: Northwind Dental Member' })).toBeVisible();
  unmount();

  const second = await renderWithServer(ctx, <OrganizationSwitcher />, { as: 'stranger@example.test' });
  await expect.element(page.getByText('You do not belong to any organization yet.')).toBeVisible();
  second.unmount();

  let fail = true;
  await renderWithServer(ctx, <OrganizationSwitcher />, {
    as: USERS.admin,
    intercept: (request) =>
      fail && request.url.endsWith('/v1/me')
        ? Response.json({ error: { code: 'internal', message: 'x', requestId: 'r' } }, { status: 500 })
        : undefined,
  });
  await expect.element(page.getByRole('alert')).toHaveTextContent(/Could not load your organizations/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.element(page.getByRole('button', { name: 'Organization: Northwind Dental Admin' })).toBeVisible();
});

test('the panel is a dialog named by its purpose, under the trigger and start-aligned, above it near the bottom, always inside the viewport', async () => {
  const errors = vi.spyOn(console, 'error');
  const warnings = vi.spyOn(console, 'warn');
  onTestFinished(() => {
    errors.mockRestore();
    warnings.mockRestore();
  });
  const client = await createTestClient(ctx, { as: USERS.admin });
  const placed = (style: CSSProperties, dir?: 'rtl') =>
    render(
      <SeatKitProvider client={client} defaultOrgId={ctx.demo.northwind.orgId}>
        <div dir={dir} style={{ position: 'fixed', ...style }}>
          <OrganizationSwitcher />
        </div>
      </SeatKitProvider>,
    );
  const viewport = () => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight });
  const expectInsideViewport = (box: DOMRect) => {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(viewport().width);
    expect(box.bottom).toBeLessThanOrEqual(viewport().height);
  };
  const trigger = page.getByRole('button', { name: /Organization: Northwind Dental/ });
  const panel = page.getByRole('dialog', { name: 'Choose an organization' });

  // Top left: below the trigger with the 4px gap, aligned to its start edge, at least as wide as it.
  const first = placed({ top: 40, left: 24 });
  await expect.element(trigger).toHaveAttribute('aria-expanded', 'false');
  await expect.element(trigger).toHaveAttribute('aria-haspopup', 'listbox');
  await trigger.click();
  await expect.element(panel).toBeVisible();
  await expect.element(trigger).toHaveAttribute('aria-expanded', 'true');
  await expect.element(trigger).toHaveAttribute('aria-controls', panel.element().id);
  let t = trigger.element().getBoundingClientRect();
  let p = panel.element().getBoundingClientRect();
  expect(p.top).toBe(Math.round(t.bottom + 4));
  expect(p.left).toBe(Math.round(t.left));
  expect(p.width).toBeGreaterThanOrEqual(Math.max(t.width, 256));
  expect(panel.element().getAttribute('data-side')).toBe('bottom');
  expectInsideViewport(p);
  first.unmount();

  // Bottom right corner: no room below, so above the trigger, and shifted left to stay on screen.
  const second = placed({ bottom: 8, right: 8 });
  await trigger.click();
  await expect.element(panel).toBeVisible();
  t = trigger.element().getBoundingClientRect();
  p = panel.element().getBoundingClientRect();
  expect(p.bottom).toBe(Math.round(t.top - 4));
  expect(panel.element().getAttribute('data-side')).toBe('top');
  expectInsideViewport(p);
  second.unmount();

  // Flush with the viewport's left edge: still aligned with the trigger (no padding pushes it off).
  const flush = placed({ top: 40, left: 0 });
  await trigger.click();
  await expect.element(panel).toBeVisible();
  expect(panel.element().getBoundingClientRect().left).toBe(0);
  flush.unmount();

  // Right to left: aligned to the trigger's right edge.
  placed({ top: 40, right: 24 }, 'rtl');
  await trigger.click();
  await expect.element(panel).toBeVisible();
  t = trigger.element().getBoundingClientRect();
  p = panel.element().getBoundingClientRect();
  expect(Math.abs(p.right - t.right)).toBeLessThanOrEqual(1);
  expect(p.top).toBe(Math.round(t.bottom + 4));
  expectInsideViewport(p);

  // Radix warns on the console about a dialog without a title or description: there must be none.
  expect(errors).not.toHaveBeenCalled();
  expect(warnings).not.toHaveBeenCalled();
});

test('a click outside closes the panel without taking the focus back; Escape closes it and focuses the trigger', async () => {
  const { onOrgIdChange } = await renderSwitcher();
  const trigger = page.getByRole('button', { name: /Organization: Northwind Dental/ });
  const panel = page.getByRole('dialog', { name: 'Choose an organization' });
  await trigger.click();
  await expect.element(page.getByRole('listbox', { name: 'Organizations' })).toHaveFocus();
  // Not modal: the rest of the page stays usable (and in the accessibility tree) while it is open.
  await page.getByRole('button', { name: 'before' }).click();
  await expect.element(panel).not.toBeInTheDocument();
  await expect.element(page.getByRole('button', { name: 'before' })).toHaveFocus();
  await expect.element(trigger).toHaveAttribute('aria-expanded', 'false');

  // A second click on the trigger while open closes it (the outside-click handling does not reopen it).
  await trigger.click();
  await expect.element(panel).toBeVisible();
  await trigger.click();
  await expect.element(panel).not.toBeInTheDocument();

  await trigger.click();
  await expect.element(page.getByRole('listbox', { name: 'Organizations' })).toHaveFocus();
  await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('{Escape}');
  await expect.element(panel).not.toBeInTheDocument();
  await expect.element(trigger).toHaveFocus();
  expect(onOrgIdChange).not.toHaveBeenCalled();
});

test('controlled: the open prop opens and closes it, and every request to close goes through onOpenChange', async () => {
  const client = await createTestClient(ctx, { as: USERS.admin });
  const onOpenChange = vi.fn();
  const ui = (open: boolean) => (
    <SeatKitProvider client={client} defaultOrgId={ctx.demo.northwind.orgId}>
      <OrganizationSwitcher open={open} onOpenChange={onOpenChange} />
    </SeatKitProvider>
  );
  const { rerender } = render(ui(true));
  const panel = page.getByRole('dialog', { name: 'Choose an organization' });
  await expect.element(panel).toBeVisible();
  await userEvent.keyboard('{Escape}');
  expect(onOpenChange).toHaveBeenLastCalledWith(false);
  // Still open: the owner decides.
  await expect.element(panel).toBeVisible();
  rerender(ui(false));
  await expect.element(panel).not.toBeInTheDocument();
});

/** A provider with no organization given (it falls back to the first membership), as a host signing someone in. */
async function renderFresh(as: string, props: Parameters<typeof OrganizationSwitcher>[0] = {}) {
  const client = await createTestClient(ctx, { as });
  const first = (await client.me()).memberships[0]!.organization;
  const view = render(
    <SeatKitProvider client={client}>
      <OrganizationSwitcher {...props} />
      <CurrentOrg />
    </SeatKitProvider>,
  );
  return { ...view, first };
}

test('signing in again reopens the organization viewed last, per person; the first one when nothing is remembered', async () => {
  const { first, unmount } = await renderFresh(USERS.admin);
  const other = first.id === ctx.demo.northwind.orgId ? 'Lakeside Clinic' : 'Northwind Dental';
  const otherId = first.id === ctx.demo.northwind.orgId ? ctx.demo.lakeside.orgId : ctx.demo.northwind.orgId;
  // Nothing remembered yet: the first membership.
  await expect.element(page.getByRole('button', { name: `Organization: ${first.name} Admin` })).toBeVisible();
  await page.getByRole('button', { name: /^Organization: / }).click();
  await page.getByRole('option', { name: new RegExp(other) }).click();
  await expect.element(page.getByTestId('current')).toHaveTextContent(otherId);
  unmount();

  // Signed out and in again (a new provider): the organization viewed last, not the first one.
  const again = await renderFresh(USERS.admin);
  await expect.element(page.getByRole('button', { name: `Organization: ${other} Admin` })).toBeVisible();
  await expect.element(page.getByTestId('current')).toHaveTextContent(otherId);
  again.unmount();

  // Another person on the same browser is not sent to the admin's choice.
  await renderFresh(USERS.owner);
  await expect.element(page.getByRole('button', { name: 'Organization: Northwind Dental Owner' })).toBeVisible();
});

test('a remembered organization the person no longer belongs to, or storage that throws, opens the first one', async () => {
  const client = await createTestClient(ctx, { as: USERS.admin });
  const first = (await client.me()).memberships[0]!.organization;
  localStorage.setItem(`seatkit:last-organization:${USERS.admin}`, 'org_left_long_ago');
  const stale = await renderFresh(USERS.admin);
  await expect.element(page.getByRole('button', { name: `Organization: ${first.name} Admin` })).toBeVisible();
  // What is in view replaces the stale entry.
  await expect.poll(() => localStorage.getItem(`seatkit:last-organization:${USERS.admin}`)).toBe(first.id);
  stale.unmount();

  const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('blocked', 'SecurityError');
  });
  const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  onTestFinished(() => {
    getItem.mockRestore();
    setItem.mockRestore();
  });
  await renderFresh(USERS.admin);
  await expect.element(page.getByRole('button', { name: `Organization: ${first.name} Admin` })).toBeVisible();
  // Switching still works; it is only not remembered.
  await page.getByRole('button', { name: /^Organization: / }).click();
  await page.getByRole('option', { name: first.name === 'Lakeside Clinic' ? /Northwind/ : /Lakeside/ }).click();
  await expect.element(page.getByRole('button', { name: first.name === 'Lakeside Clinic' ? /Northwind/ : /Lakeside/ })).toBeVisible();
  expect(setItem).toHaveBeenCalled();
});

test('rememberLast={false}: neither reads nor writes what was viewed', async () => {
  const client = await createTestClient(ctx, { as: USERS.admin });
  const [first, second] = (await client.me()).memberships;
  localStorage.setItem(`seatkit:last-organization:${USERS.admin}`, second!.organization.id);
  await renderFresh(USERS.admin, { rememberLast: false });
  await expect.element(page.getByRole('button', { name: `Organization: ${first!.organization.name} Admin` })).toBeVisible();
  await expect.element(page.getByTestId('current')).toHaveTextContent(first!.organization.id);
  expect(localStorage.getItem(`seatkit:last-organization:${USERS.admin}`)).toBe(second!.organization.id);
});
