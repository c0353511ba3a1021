import { beforeEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { fr } from '../messages/fr/index.js';
import { MemberList } from './member-list.js';

const ctx = useTestServer();

// These tests are about the table: a desktop-wide page (at the default 414 px the list shows cards, whose
// taller rows put fewer members in the window; member-table.test.tsx covers that layout).
beforeEach(async () => {
  await page.viewport(1280, 900);
});

async function serverMembers(as: string = USERS.owner) {
  const client = await createTestClient(ctx, { as });
  const page = await client.members.list({ orgId: ctx.demo.northwind.orgId, limit: 200 });
  return page.items;
}

test('lists the members with their role, seats and last activity, with zero axe violations', async () => {
  // Wide enough for the table: a narrow container shows cards without column headers (member-table.test.tsx).
  await renderWithServer(ctx, <MemberList />, { as: USERS.admin, wrapper: (ui) => <div style={{ inlineSize: 1100 }}>{ui}</div> });
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).toBeVisible();
  await expect.element(page.getByRole('cell', { name: 'owner@northwind.test', exact: true })).toBeVisible();
  await expect.element(page.getByRole('columnheader', { name: 'Last active' })).toBeVisible();
  // Mia holds no seat; the seeded Imaging App holders show the product name.
  await expect.element(page.getByRole('cell', { name: 'Imaging App', exact: true }).first()).toBeVisible();
  await expectNoAxeViolations();
});

test('search is server-side and debounced; filters by role and status narrow the list', async () => {
  await renderWithServer(ctx, <MemberList searchDebounceMs={50} />, { as: USERS.admin });
  await expect.element(page.getByRole('cell', { name: 'Olivia Owner', exact: true })).toBeVisible();

  await userEvent.fill(page.getByRole('searchbox', { name: 'Search members' }), 'mia');
  await expect.element(page.getByRole('cell', { name: 'Olivia Owner', exact: true })).not.toBeInTheDocument();
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).toBeVisible();

  await userEvent.fill(page.getByRole('searchbox', { name: 'Search members' }), 'nobody-matches-this');
  await expect.element(page.getByText('No members match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.element(page.getByRole('cell', { name: 'Olivia Owner', exact: true })).toBeVisible();

  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Role' }), 'admin');
  // Adam is the caller: his name cell also says "you".
  await expect.element(page.getByRole('cell', { name: /^Adam Admin/ })).toBeVisible();
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).not.toBeInTheDocument();

  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Role' }), '');
  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Status' }), 'suspended');
  await expect.element(page.getByText('No members match')).toBeVisible();
});

test('a plain member sees the list without any action or selection', async () => {
  await renderWithServer(ctx, <MemberList onAssignSeat={() => {}} />, { as: USERS.member });
  await expect.element(page.getByRole('cell', { name: 'Adam Admin', exact: true })).toBeVisible();
  expect(page.getByRole('button', { name: /^(Edit|Remove|Assign seat to) / }).elements()).toHaveLength(0);
  expect(page.getByRole('checkbox').elements()).toHaveLength(0);
});

test('as an admin, removing the owner or an admin is disabled with the reason; a member can be removed after confirming', async () => {
  await renderWithServer(ctx, <MemberList />, { as: USERS.admin });
  const removeOwner = page.getByRole('button', { name: 'Remove Olivia Owner' });
  await expect.element(removeOwner).toHaveAttribute('aria-disabled', 'true');
  await expect.element(removeOwner).toHaveAccessibleDescription(/owner cannot be removed/i);
  // An admin may leave: its own removal is offered (docs/rules.md, admins acting on themselves).
  await expect.element(page.getByRole('button', { name: 'Remove Adam Admin' })).not.toHaveAttribute('aria-disabled', 'true');
  // A click on a disabled action opens nothing.
  await removeOwner.click({ force: true });
  expect(page.getByRole('alertdialog').elements()).toHaveLength(0);

  await page.getByRole('button', { name: 'Remove Mia Member' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove Mia Member?' });
  await expect.element(dialog).toBeVisible();
  await expect.element(dialog.getByText(/queued for deletion/)).toBeVisible();
  await expectNoAxeViolations();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).not.toBeInTheDocument();
  await expect.element(page.getByText('Mia Member was removed.')).toBeVisible();
  expect((await serverMembers()).some((m) => m.email === USERS.member)).toBe(false);
  // The removal notice went out.
  const mails = await ctx.server.mailbox();
  expect(mails.some((m) => m.to === USERS.member)).toBe(true);
});

test('as the owner, an admin can be removed', async () => {
  await renderWithServer(ctx, <MemberList />, { as: USERS.owner });
  await page.getByRole('button', { name: 'Remove Adam Admin' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect.element(page.getByRole('cell', { name: 'Adam Admin', exact: true })).not.toBeInTheDocument();
  expect((await serverMembers()).some((m) => m.email === USERS.admin)).toBe(false);
});

test('a refused removal is rolled back and explained', async () => {
  await renderWithServer(ctx, <MemberList />, {
    as: USERS.admin,
    intercept: (request) =>
      request.method === 'DELETE'
        ? Response.json(
            { error: { code: 'forbidden', message: 'Missing permission members:remove', requestId: 'req_1' } },
            { status: 403 },
          )
        : undefined,
  });
  await page.getByRole('button', { name: 'Remove Mia Member' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect.element(page.getByRole('alertdialog').getByRole('alert')).toHaveTextContent(/do not have permission/);
  // Optimistically hidden, then put back (checked once the modal no longer hides the page).
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).toBeVisible();
});

test('edit opens the member dialog and saves names, role and a permission grant', async () => {
  await renderWithServer(ctx, <MemberList />, { as: USERS.owner });
  await page.getByRole('button', { name: 'Edit Mia Member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Mia Member' });
  await expect.element(dialog).toBeVisible();
  await userEvent.fill(dialog.getByRole('textbox', { name: 'First name' }), 'Mila');
  await userEvent.selectOptions(dialog.getByRole('combobox', { name: 'Role' }), 'admin');
  await dialog.getByRole('button', { name: 'Save' }).click();
  // By role only: the optimistic update renames the dialog at once; it closes once the server saved.
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  await expect.element(page.getByRole('cell', { name: 'Mila Member', exact: true })).toBeVisible();
  const mia = (await serverMembers()).find((m) => m.email === USERS.member)!;
  expect(mia.firstName).toBe('Mila');
  expect(mia.role).toBe('admin');
});

test('a name with markup renders as text', async () => {
  const client = await createTestClient(ctx, { as: USERS.owner });
  const onerror = vi.fn();
  (window as unknown as { __pwned: () => void }).__pwned = onerror;
  await client.members.add({
    orgId: ctx.demo.northwind.orgId,
    email: 'xss@northwind.test',
    firstName: '<img src=x onerror=window.__pwned()>',
    lastName: '<b>Bold</b>',
    role: 'member',
  });
  const { container } = await renderWithServer(ctx, <MemberList />, { as: USERS.admin });
  await expect.element(page.getByRole('cell', { name: '<img src=x onerror=window.__pwned()> <b>Bold</b>', exact: true })).toBeVisible();
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('b')).toBeNull();
  expect(onerror).not.toHaveBeenCalled();
});

test('bulk select changes the role of the selected members; one already holding it is left out with a note', async () => {
  await renderWithServer(ctx, <MemberList />, { as: USERS.owner });
  await page.getByRole('checkbox', { name: 'Select Adam Admin' }).click();
  await page.getByRole('checkbox', { name: 'Select Mia Member' }).click();
  await expect.element(page.getByText('2 selected')).toBeVisible();
  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Change role of selected to' }), 'admin');
  await page.getByRole('button', { name: 'Apply role' }).click();
  await expect.element(page.getByText(/Made 1 member Admin\. 1 selected member cannot be changed/)).toBeVisible();
  const members = await serverMembers();
  expect(members.find((m) => m.email === USERS.member)?.role).toBe('admin');
  expect(members.find((m) => m.email === USERS.admin)?.role).toBe('admin');
});

test('a row the caller may not change cannot be selected, and says why; an admin may select itself', async () => {
  // Mia becomes a second admin: as Adam, her row is the owner's to change (the server refuses Adam).
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const mia = (await serverMembers()).find((m) => m.email === USERS.member)!;
  await owner.members.update({ orgId: ctx.demo.northwind.orgId, memberId: mia.id, role: 'admin' });
  await renderWithServer(ctx, <MemberList />, { as: USERS.admin });
  const selectMia = page.getByRole('checkbox', { name: 'Select Mia Member' });
  await expect.element(selectMia).toBeDisabled();
  await expect.element(selectMia).toHaveAttribute('title', 'Only the owner can change or remove an admin.');
  await expect.element(page.getByRole('button', { name: 'Remove Mia Member' })).toHaveAttribute('aria-disabled', 'true');
  await expect.element(page.getByRole('checkbox', { name: 'Select Olivia Owner' })).toBeDisabled();
  // Select all picks only what the caller may change: itself (an admin may step down or leave).
  await page.getByRole('checkbox', { name: /select all/i }).click();
  await expect.element(page.getByText('1 selected')).toBeVisible();
  await expect.element(page.getByRole('checkbox', { name: 'Select Adam Admin' })).toBeChecked();
  await expect.element(selectMia).not.toBeChecked();
});

test('bulk removal asks for confirmation first', async () => {
  await renderWithServer(ctx, <MemberList />, { as: USERS.owner });
  await page.getByRole('checkbox', { name: 'Select Mia Member' }).click();
  await page.getByRole('button', { name: 'Remove selected' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove 1 member?' });
  await expect.element(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await serverMembers()).some((m) => m.email === USERS.member)).toBe(true);

  await page.getByRole('button', { name: 'Remove selected' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove 1 member' }).click();
  await expect.element(page.getByText('Removed 1 member.')).toBeVisible();
  expect((await serverMembers()).some((m) => m.email === USERS.member)).toBe(false);
});

test('the row actions and the remove dialog work with the keyboard alone; focus returns', async () => {
  await renderWithServer(ctx, <MemberList />, { as: USERS.admin });
  const removeMia = page.getByRole('button', { name: 'Remove Mia Member' });
  await expect.element(removeMia).toBeVisible();
  (removeMia.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const dialog = page.getByRole('alertdialog', { name: 'Remove Mia Member?' });
  await expect.element(dialog).toBeVisible();
  // Focus is inside the dialog; Escape cancels and returns focus to the row button.
  expect(dialog.element().contains(document.activeElement)).toBe(true);
  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(removeMia).toHaveFocus();
});

test('a failed load shows the error with a retry that recovers', async () => {
  let fail = true;
  await renderWithServer(ctx, <MemberList />, {
    as: USERS.admin,
    intercept: (request) =>
      fail && new URL(request.url).pathname.endsWith('/members') ? Promise.reject(new TypeError('Failed to fetch')) : undefined,
  });
  await expect.element(page.getByRole('alert')).toHaveTextContent(/could not reach the server/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true })).toBeVisible();
});

test('a 10,000-member organization scrolls through pages while the DOM stays small', async () => {
  await ctx.server.seedMembers(ctx.demo.northwind.orgId, 10_000);
  const { container } = await renderWithServer(ctx, <MemberList pageSize={100} height={400} />, { as: USERS.admin });
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true }).or(page.getByRole('row').nth(5))).toBeInTheDocument();
  const scroller = container.querySelector<HTMLElement>('[data-slot="member-list-scroll"]')!;
  const rowsInDom = () => container.querySelectorAll('[data-slot="member-row"]').length;
  const loaded = () => Number(container.querySelector('[data-slot="member-table"]')!.querySelectorAll('[data-slot="member-row"]').length);
  expect(loaded()).toBeGreaterThan(0);
  // Scroll to the end a few times: each time the loader row shows, the next page is fetched.
  let lastHeight = 0;
  for (let i = 0; i < 4; i++) {
    scroller.scrollTop = scroller.scrollHeight;
    // Generous: the server runs in this page on PGlite, on a shared 2-core machine.
    await vi.waitFor(
      () => {
        expect(scroller.scrollHeight).toBeGreaterThan(lastHeight);
      },
      { timeout: 15_000 },
    );
    lastHeight = scroller.scrollHeight;
    expect(rowsInDom()).toBeLessThan(40);
  }
  // Four pages and more are loaded, yet only a window of rows is rendered.
  expect(lastHeight).toBeGreaterThan(52 * 300);
  expect(rowsInDom()).toBeLessThan(40);

  // A measured figure, not an assertion (no timed assertions in unit tests): frame intervals while
  // scrolling back up through the loaded rows, one step per animation frame.
  const idle: number[] = [];
  let t0 = performance.now();
  for (let i = 0; i < 30; i++) {
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const now = performance.now();
    idle.push(now - t0);
    t0 = now;
  }
  idle.sort((a, b) => a - b);
  const intervals: number[] = [];
  let previous = performance.now();
  for (let i = 0; i < 120; i++) {
    scroller.scrollTop = Math.max(0, scroller.scrollTop - 160);
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const now = performance.now();
    intervals.push(now - previous);
    previous = now;
  }
  intervals.sort((a, b) => a - b);
  const pct = (p: number) => intervals[Math.floor((intervals.length - 1) * p)]!.toFixed(1);
  console.info(`MemberList 10k scroll: ${rowsInDom()} rows in DOM, frame ms p50 ${pct(0.5)} p95 ${pct(0.95)} max ${pct(1)} (idle page p50 ${idle[15]!.toFixed(1)})`);
}, 120_000);

test('rows take their height from --seatkit-row-height, and the window follows it', async () => {
  await ctx.server.seedMembers(ctx.demo.northwind.orgId, 200);
  const { container } = await renderWithServer(ctx, <MemberList pageSize={100} height={400} />, {
    as: USERS.admin,
    // Table rows (a narrow container's cards have their own height).
    wrapper: (ui) => <div style={{ '--seatkit-row-height': '80px', inlineSize: 1100 } as React.CSSProperties}>{ui}</div>,
  });
  await expect.element(page.getByRole('cell', { name: 'Mia Member', exact: true }).or(page.getByRole('row').nth(5))).toBeInTheDocument();
  const rows = () => [...container.querySelectorAll<HTMLElement>('[data-slot="member-row"]')];
  await expect.poll(() => rows()[0]!.getBoundingClientRect().height).toBe(80);
  // The body is as tall as every loaded row at 80 px (plus the loader row of the next page).
  const body = container.querySelector<HTMLElement>('[data-slot="member-table-body"]')!;
  await expect.poll(() => body.getBoundingClientRect().height).toBe(101 * 80);
  // Rows sit 80 px apart, and the window holds about 400/80 rows plus the overscan, not 400/52.
  expect(rows()[1]!.getBoundingClientRect().top - rows()[0]!.getBoundingClientRect().top).toBe(80);
  expect(rows().length).toBeLessThanOrEqual(Math.ceil(400 / 80) + 1 + 8);
});

test('no column header is clipped, in French and right to left either', async () => {
  const { container } = await renderWithServer(ctx, <MemberList height={400} />, {
    as: USERS.owner,
    messages: fr,
    locale: 'fr',
    wrapper: (ui) => <div dir="rtl" style={{ inlineSize: 900 }}>{ui}</div>,
  });
  await expect.element(page.getByRole('columnheader', { name: 'Dernière activité' })).toBeVisible();
  const clipped = [...container.querySelectorAll<HTMLElement>('[role="columnheader"]')]
    .filter((header) => header.scrollWidth > header.clientWidth + 1 || header.scrollHeight > header.clientHeight + 1)
    .map((header) => header.textContent);
  expect(clipped).toEqual([]);
});

test('"Export CSV" saves the server’s export of the current filters as members.csv and says how many', async () => {
  // The save itself is the browser's: catch the <a download> click and read the file it points to.
  const saved: { name: string; text: Promise<string> }[] = [];
  const onClick = (event: MouseEvent) => {
    const link = event.target;
    if (link instanceof HTMLAnchorElement && link.download) {
      event.preventDefault();
      saved.push({ name: link.download, text: fetch(link.href).then((r) => r.text()) });
    }
  };
  document.addEventListener('click', onClick, true);
  try {
    await renderWithServer(ctx, <MemberList searchDebounceMs={0} />, { as: USERS.admin });
    await expect.element(page.getByRole('cell', { name: 'Olivia Owner', exact: true })).toBeVisible();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Role' }), 'admin');
    await expect.element(page.getByRole('cell', { name: 'Olivia Owner', exact: true })).not.toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Export CSV' }));
    await expect.element(page.getByText('1 member exported to members.csv')).toBeVisible();
    expect(saved.map((s) => s.name)).toEqual(['members.csv']);
    const lines = (await saved[0]!.text).split('\r\n');
    expect(lines[0]).toBe('First name,Last name,Email,Role,Status,Seats,Last active,Member since');
    expect(lines[1]).toMatch(/^Adam,Admin,admin@northwind\.test,admin,active,/);
    expect(lines).toHaveLength(3);
  } finally {
    document.removeEventListener('click', onClick, true);
  }
});
