import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test/axe.js';
import { renderWithServer, USERS, useTestServer } from '../test/server.js';
import { MemberList } from './member-list.js';

const ctx = useTestServer();

/** The list in a container of `width` px: the layout follows the container, not the page. */
const inWidth = (width: number) => (ui: React.ReactNode) => <div style={{ inlineSize: width }}>{ui}</div>;

function box(element: Element) {
  return element.getBoundingClientRect();
}

test('at 1280 px the row actions show their words beside the icons, named in full once', async () => {
  await renderWithServer(ctx, <MemberList onAssignSeat={() => {}} />, { as: USERS.admin, wrapper: inWidth(1280) });
  for (const [word, name] of [
    ['Edit', 'Edit Mia Member'],
    ['Assign seat', 'Assign seat to Mia Member'],
    ['Remove', 'Remove Mia Member'],
  ] as const) {
    const button = page.getByRole('button', { name, exact: true });
    await expect.element(button).toBeVisible();
    const label = button.getByText(word, { exact: true });
    // Drawn at full size, not a visually hidden 1 px box, and not cut by the column.
    await expect.poll(() => box(label.element()).width).toBeGreaterThan(20);
    expect(box(button.element()).right).toBeLessThanOrEqual(box(button.element().closest('[role="row"]')!).right + 0.5);
  }
  await expectNoAxeViolations();
});

test('at 390 px each member is a card with name, email, role, seats and every action in view and reachable by keyboard', async () => {
  const { container } = await renderWithServer(ctx, <MemberList onAssignSeat={() => {}} searchDebounceMs={50} />, {
    as: USERS.admin,
    wrapper: inWidth(390),
  });
  await userEvent.fill(page.getByRole('searchbox', { name: 'Search members' }), USERS.member);
  const edit = page.getByRole('button', { name: 'Edit Mia Member', exact: true });
  await expect.element(edit).toBeVisible();
  const scroller = container.querySelector<HTMLElement>('[data-slot="member-list-scroll"]')!;
  // Nothing is pushed off to the side: no horizontal scrolling.
  expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
  const row = edit.element().closest<HTMLElement>('[role="row"]')!;
  const inside = (element: Element) => {
    const r = box(element);
    const s = box(scroller);
    return r.width > 0 && r.left >= s.left - 0.5 && r.right <= s.right + 0.5;
  };
  for (const column of ['name', 'email', 'role', 'seats', 'actions']) {
    expect(inside(row.querySelector(`[data-column="${column}"]`)!), column).toBe(true);
  }
  expect(row.querySelector('[data-column="role"]')!.textContent).toBe('Member');
  // Visible words at this width too.
  await expect.element(edit.getByText('Edit', { exact: true })).toBeVisible();
  expect(box(edit.getByText('Edit', { exact: true }).element()).width).toBeGreaterThan(20);
  await expectNoAxeViolations();

  // Keyboard: the selection checkbox, then the card's three actions in order.
  const select = page.getByRole('checkbox', { name: /Mia Member/ });
  (select.element() as HTMLElement).focus();
  await userEvent.keyboard(' ');
  await expect.element(select).toBeChecked();
  await expect.element(page.getByRole('group', { name: '1 selected' })).toBeVisible();
  for (const name of ['Edit Mia Member', 'Assign seat to Mia Member', 'Remove Mia Member']) {
    await userEvent.tab();
    const button = page.getByRole('button', { name, exact: true });
    await expect.element(button).toHaveFocus();
    expect(inside(button.element())).toBe(true);
  }
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('alertdialog', { name: 'Remove Mia Member?' })).toBeVisible();
  await userEvent.keyboard('{Escape}');
});

test('the table is as tall as its rows, up to the height given', async () => {
  await ctx.server.seedMembers(ctx.demo.northwind.orgId, 60);
  const { container } = await renderWithServer(ctx, <MemberList height={480} searchDebounceMs={50} />, {
    as: USERS.admin,
    wrapper: inWidth(1280),
  });
  const scroller = () => container.querySelector<HTMLElement>('[data-slot="member-list-scroll"]')!;
  const rowCount = () => container.querySelectorAll('[data-slot="member-row"]').length;
  // Many rows: capped at the height given, and they scroll inside it.
  await expect.poll(rowCount).toBeGreaterThan(9);
  await expect.poll(() => box(scroller()).height).toBe(480);
  expect(scroller().scrollHeight).toBeGreaterThan(480);
  const rowHeight = box(container.querySelector('[data-slot="member-row"]')!).height;
  const headHeight = box(container.querySelector('[data-slot="member-table-head"]')!).height;

  await userEvent.fill(page.getByRole('searchbox', { name: 'Search members' }), USERS.member);
  await expect.poll(rowCount).toBe(1);
  // One result: the header and one row (plus the borders), not a 480 px box with one row at its top.
  await expect.poll(() => box(scroller()).height).toBeLessThanOrEqual(headHeight + rowHeight + 2.5);
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).toBeVisible();
});
