import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fr } from '../messages/fr/index.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer, type TestServer } from '../test/server.js';
import { SeatUsageChart, seatSuggestion } from './seat-usage-chart.js';

const ctx = useTestServer();
const DAY_MS = 24 * 3600_000;

/**
 * 89 recorded days before today (what the scheduler's recordSeatUsage would have left), written into the server's
 * seat_usage_days. Imaging App (limit 5): 3 seats assigned until 45 days ago, 2 since; at most 3 used (only then);
 * one request pending 10–14 days ago. Imaging Cloud (limit 2): 1 assigned, at most 1 used, a request the last 5 days.
 */
async function recordHistory(c: TestServer) {
  const { imagingApp, imagingCloud } = c.demo.northwind.subscriptions;
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const rows: [string, string, number, number, number][] = [];
  for (let ago = 1; ago <= 89; ago++) {
    const day = new Date(today - ago * DAY_MS).toISOString().slice(0, 10);
    const assigned = ago > 45 ? 3 : 2;
    rows.push([imagingApp, day, assigned, Math.min(assigned, ago % 7 === 3 ? 3 : ago % 7 === 0 ? 1 : 2), ago >= 10 && ago <= 14 ? 1 : 0]);
    rows.push([imagingCloud, day, 1, ago % 3 === 0 ? 1 : 0, ago <= 5 ? 1 : 0]);
  }
  await c.server.database.query(
    `insert into seat_usage_days (subscription_id, day, assigned, used, requested)
     select * from unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::int[])`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
  );
}

test('every subscription: the sentence, the suggestion, a named chart with a legend; zero axe violations', async () => {
  await recordHistory(ctx);
  await renderWithServer(ctx, <SeatUsageChart />, { as: USERS.admin });
  const app = page.getByRole('article', { name: 'Imaging App' });
  await expect.element(app.getByText('Used at most 3 of 5 seats in the last 90 days.')).toBeVisible();
  await expect.element(app.getByText('You could do with 3 seats.')).toBeVisible();
  await expect.element(app.getByRole('img', { name: /^Chart of the seats of Imaging App per day, from .+ to .+\. Used at most 3 of 5 seats/ })).toBeVisible();
  const legend = app.getByRole('list', { name: 'Legend of the chart of Imaging App' });
  await expect.element(legend).toHaveTextContent('UsedAssignedRequestedSeat limit (5)');
  const cloud = page.getByRole('article', { name: 'Imaging Cloud' });
  // 1 used + 1 requested = 2 of 2: no suggestion.
  await expect.element(cloud.getByText('Used at most 1 of 2 seats in the last 90 days.')).toBeVisible();
  expect(cloud.getByText(/You could do with/).elements()).toHaveLength(0);
  await expectNoAxeViolations();
});

test('"Show as table" (keyboard) gives the same numbers, one row per recorded day; zero axe violations', async () => {
  await recordHistory(ctx);
  await renderWithServer(ctx, <SeatUsageChart subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />, { as: USERS.admin });
  const toggle = page.getByRole('button', { name: 'Show as table' });
  await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
  await userEvent.tab();
  await userEvent.tab();
  await expect.element(toggle).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  const table = page.getByRole('table', { name: 'Seats of Imaging App per day (seat limit: 5)' });
  await expect.element(table).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
  // 89 recorded days and today (counted live: the seed's 2 seats, none used yet, no request), plus the header row.
  expect(table.getByRole('row').elements()).toHaveLength(91);
  const rows = table.getByRole('row').elements();
  expect([...rows.at(-1)!.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['2', '0', '0']);
  const usage = await (await createTestClient(ctx)).subscriptions.usage({ orgId: ctx.demo.northwind.orgId });
  const app = usage.items.find((i) => i.subscriptionId === ctx.demo.northwind.subscriptions.imagingApp)!;
  const fromTable = rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((c) => Number(c.textContent)));
  expect(fromTable).toEqual(app.days.map((d) => [d.assigned, d.used, d.requested]));
  expect(page.getByRole('article').elements()).toHaveLength(1);
  await expectNoAxeViolations();
});

test('the period picker asks the server for 30 days and the sentence follows', async () => {
  await recordHistory(ctx);
  const asked: string[] = [];
  await renderWithServer(ctx, <SeatUsageChart subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />, {
    as: USERS.admin,
    intercept: (request) => {
      if (request.url.includes('/seat-usage')) asked.push(new URL(request.url).search);
      return undefined;
    },
  });
  await expect.element(page.getByText('Used at most 3 of 5 seats in the last 90 days.')).toBeVisible();
  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Period' }), 'Last 30 days');
  await expect.element(page.getByText('Used at most 2 of 5 seats in the last 30 days.')).toBeVisible();
  expect(asked).toEqual(['?days=90', '?days=30']);
});

test('nothing used yet (the seed alone): "No seat used", no suggestion beyond the rule', async () => {
  await renderWithServer(ctx, <SeatUsageChart days={30} />, { as: USERS.admin });
  const app = page.getByRole('article', { name: 'Imaging App' });
  await expect.element(app.getByText('No seat used in the last 30 days, of 5 seats.')).toBeVisible();
  // Nothing used: the smallest count suggested is 1 seat.
  await expect.element(app.getByText('You could do with 1 seat.')).toBeVisible();
  await expectNoAxeViolations();
});

test('no subscriptions: the empty state', async () => {
  await ctx.server.database.query(`delete from subscriptions where org_id = $1`, [ctx.demo.lakeside.orgId]);
  await renderWithServer(ctx, <SeatUsageChart />, { as: USERS.admin, orgId: ctx.demo.lakeside.orgId });
  await expect.element(page.getByText('No subscriptions')).toBeVisible();
  await expectNoAxeViolations();
});

test('without "See seats": says so and never asks the server', async () => {
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const orgId = ctx.demo.northwind.orgId;
  await owner.roles.create({ orgId, key: 'viewer', name: 'Viewer', permissions: ['members:read'] });
  await owner.members.update({ orgId, memberId: ctx.demo.northwind.memberMemberId, role: 'viewer' });
  let asked = 0;
  await renderWithServer(ctx, <SeatUsageChart />, {
    as: USERS.member,
    intercept: (request) => {
      if (request.url.includes('/seat-usage')) asked++;
      return undefined;
    },
  });
  await expect.element(page.getByText('Seat usage is not available to you')).toBeVisible();
  await expect.element(page.getByText('You need the “See seats” permission to see seat usage; an admin of the organization can grant it.')).toBeVisible();
  expect(asked).toBe(0);
  await expectNoAxeViolations();
});

test('the server refuses (403): the same no-permission state', async () => {
  await renderWithServer(ctx, <SeatUsageChart />, {
    as: USERS.admin,
    intercept: (request) =>
      request.url.includes('/seat-usage')
        ? Response.json({ error: { code: 'forbidden', message: 'Missing permission seats:read' } }, { status: 403 })
        : undefined,
  });
  await expect.element(page.getByText('Seat usage is not available to you')).toBeVisible();
});

test('a dropped connection: the error with a retry that recovers', async () => {
  let fail = true;
  await renderWithServer(ctx, <SeatUsageChart />, {
    as: USERS.admin,
    intercept: (request) => (fail && request.url.includes('/seat-usage') ? Response.error() : undefined),
  });
  await expect.element(page.getByText('Could not load the seat usage')).toBeVisible();
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.element(page.getByRole('article', { name: 'Imaging App' })).toBeVisible();
});

test('French: the sentences, plural forms and dates of the locale', async () => {
  await recordHistory(ctx);
  await renderWithServer(ctx, <SeatUsageChart subscriptionId={ctx.demo.northwind.subscriptions.imagingApp} />, { as: USERS.admin, messages: fr, locale: 'fr' });
  await expect.element(page.getByText('Au plus 3 sur 5 licences utilisées au cours des 90 derniers jours.')).toBeVisible();
  await expect.element(page.getByText('3 licences vous suffiraient.')).toBeVisible();
  await expect.element(page.getByRole('img', { name: /^Graphique des licences de Imaging App par jour, du \d+ \S+ \d{4} au/ })).toBeVisible();
  await expect.element(page.getByRole('combobox', { name: 'Période' })).toHaveDisplayValue('90 derniers jours');
  await expectNoAxeViolations();
});

test('seatSuggestion: fewer when the busiest day needs at most 80 % of the limit, more above it, else nothing', () => {
  const day = (used: number, requested = 0) => ({ day: '2026-01-01', assigned: used, used, requested });
  expect(seatSuggestion({ seatLimit: 12, days: [day(3), day(7, 1)] })).toEqual({ kind: 'fewer', count: 8 });
  expect(seatSuggestion({ seatLimit: 12, days: [day(10)] })).toBeNull();
  expect(seatSuggestion({ seatLimit: 12, days: [day(12, 2)] })).toEqual({ kind: 'more', count: 14 });
  expect(seatSuggestion({ seatLimit: 5, days: [day(0)] })).toEqual({ kind: 'fewer', count: 1 });
  expect(seatSuggestion({ seatLimit: 1, days: [day(0)] })).toBeNull();
  expect(seatSuggestion({ seatLimit: 5, days: [] })).toBeNull();
});
