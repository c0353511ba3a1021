import { expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fr } from '../messages/fr/index.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { ReclaimSeatsDialog } from './reclaim-seats-dialog.js';

const ctx = useTestServer();

/** The seed's Imaging App seats (Olivia Owner's, Mia Member's) assigned `days` ago and never used. */
async function ageSeats(days: number) {
  await ctx.server.database.query(`update seat_assignments set assigned_at = assigned_at - make_interval(days => $1)`, [days]);
}

async function holders() {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const { items } = await owner.seats.list({ orgId: ctx.demo.northwind.orgId, subscriptionId: ctx.demo.northwind.subscriptions.imagingApp });
  return items.map((s) => s.member.email).sort();
}

/** Tabs until `name` has focus; fails after `max` presses. */
async function tabTo(name: RegExp, max = 15) {
  for (let i = 0; i < max; i++) {
    const active = document.activeElement as HTMLElement | null;
    if (active && name.test(active.getAttribute('aria-label') ?? active.textContent ?? '')) return;
    await userEvent.tab();
  }
  throw new Error(`Focus never reached ${name}`);
}

test('keyboard only: open, untick one, reclaim the other, close; focus returns to the trigger', async () => {
  await ageSeats(45);
  const onReclaimed = vi.fn();
  await renderWithServer(ctx, <ReclaimSeatsDialog subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} onReclaimed={onReclaimed} />);
  const trigger = page.getByRole('button', { name: 'Reclaim idle seats' });
  (trigger.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const dialog = page.getByRole('dialog', { name: 'Reclaim idle seats of Imaging App' });
  await expect.element(dialog.getByText('2 of 2 selected')).toBeVisible();
  await expectNoAxeViolations();
  await tabTo(/^Reclaim the seat of Olivia Owner$/);
  await userEvent.keyboard(' ');
  await expect.element(dialog.getByText('1 of 2 selected')).toBeVisible();
  await tabTo(/^Reclaim 1 seat$/);
  await userEvent.keyboard('{Enter}');
  await expect.element(dialog.getByText('Reclaimed 1 seat.')).toBeVisible();
  expect(onReclaimed).toHaveBeenCalledWith([expect.objectContaining({ ok: true, memberId: ctx.demo.northwind.memberMemberId })]);
  expect(await holders()).toEqual([USERS.owner]);
  // The dry run is run again: Olivia's seat is left, ticked again.
  await expect.element(dialog.getByText('1 of 1 selected')).toBeVisible();
  await expect.element(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  await expect.element(trigger).toHaveFocus();
});

test('a seat used after the dry run is kept and named; the others are released', async () => {
  await ageSeats(45);
  await renderWithServer(ctx, <ReclaimSeatsDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />);
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByText('2 of 2 selected')).toBeVisible();
  const mia = await createTestClient(ctx, { as: USERS.member });
  expect((await mia.access.check({ orgId: ctx.demo.northwind.orgId, product: 'imaging-app' })).allowed).toBe(true);
  await dialog.getByRole('button', { name: 'Reclaim 2 seats' }).click();
  await expect.element(dialog.getByText('Reclaimed 1 seat; 1 was used since and kept: Mia Member.')).toBeVisible();
  expect(await holders()).toEqual([USERS.member]);
  await expect.element(dialog.getByText('No seat has been idle for 30 days')).toBeVisible();
});

test('"Idle for" starts at the policy\'s period; the policy is saved, then turned off', async () => {
  await ageSeats(45);
  const admin = await createTestClient(ctx);
  const subscriptionId = ctx.demo.northwind.subscriptions.imagingApp;
  await admin.subscriptions.setReclaimPolicy({ orgId: ctx.demo.northwind.orgId, subscriptionId, reclaimPolicy: { idleDays: 50, warnDays: 5 } });
  await renderWithServer(ctx, <ReclaimSeatsDialog defaultOpen subscriptionId={subscriptionId} />);
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByRole('combobox', { name: 'Idle for' })).toHaveDisplayValue('Another number of days');
  await expect.element(dialog.getByRole('textbox', { name: 'Days without use', exact: true })).toHaveValue('50');
  await expect.element(dialog.getByText('No seat has been idle for 50 days')).toBeVisible();
  await expect.element(dialog.getByText('On: a seat unused for 50 days is reclaimed. Its holder is warned 5 days before.')).toBeVisible();

  const idle = dialog.getByRole('textbox', { name: 'Reclaim after (days without use)' });
  await idle.fill('20');
  await dialog.getByRole('button', { name: 'Save automatic reclaim' }).click();
  await expect.element(dialog.getByText('Automatic reclaim saved: after 20 days without use.')).toBeVisible();
  const policyOf = async () =>
    (await admin.subscriptions.list({ orgId: ctx.demo.northwind.orgId })).items.find((s) => s.id === subscriptionId)?.reclaimPolicy;
  expect(await policyOf()).toEqual({ idleDays: 20, warnDays: 5 });
  await dialog.getByRole('button', { name: 'Turn off' }).click();
  await expect.element(dialog.getByText('Off: idle seats are reclaimed only by hand.')).toBeVisible();
  expect(await policyOf()).toBeNull();
});

test('without seats:assign: the dry run only, no checkbox, no reclaim, no policy form', async () => {
  await ageSeats(45);
  await renderWithServer(ctx, <ReclaimSeatsDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />, { as: USERS.member });
  const dialog = page.getByRole('dialog');
  await expect.element(dialog.getByText('2 of 2 idle seats shown')).toBeVisible();
  await expect.element(dialog.getByText(/needs the “Assign seats” permission/)).toBeVisible();
  expect(dialog.getByRole('checkbox').elements()).toHaveLength(0);
  expect(dialog.getByRole('button', { name: /^Reclaim/ }).elements()).toHaveLength(0);
  expect(dialog.getByRole('textbox').elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('French, right to left: every string from the catalog, axe clean', async () => {
  await ageSeats(45);
  await renderWithServer(ctx, <ReclaimSeatsDialog defaultOpen subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />, {
    messages: fr,
    locale: 'fr',
    wrapper: (ui) => <div dir="rtl">{ui}</div>,
  });
  const dialog = page.getByRole('dialog', { name: 'Récupérer les licences inutilisées de Imaging App' });
  await expect.element(dialog.getByText('2 sur 2 sélectionnées')).toBeVisible();
  await expect.element(dialog.getByRole('button', { name: 'Récupérer 2 licences' })).toBeEnabled();
  await expect.element(dialog.getByRole('checkbox', { name: 'Récupérer la licence de Mia Member' })).toBeChecked();
  await expectNoAxeViolations();
});
