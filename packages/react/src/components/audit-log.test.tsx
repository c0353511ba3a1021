import { afterEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fr } from '../messages/index.js';
import { expectNoAxeViolations } from '../test/axe.js';
import { createTestClient, renderWithServer, USERS, useTestServer } from '../test/server.js';
import { AuditLog } from './audit-log.js';

const ctx = useTestServer();

afterEach(() => {
  vi.restoreAllMocks();
});

/** Real events through the API: the owner gives Mia an Imaging Cloud seat and makes her an admin; Adam invites someone. */
async function someEvents() {
  const { orgId, memberMemberId, subscriptions } = ctx.demo.northwind;
  const owner = await createTestClient(ctx, { as: USERS.owner });
  const admin = await createTestClient(ctx, { as: USERS.admin });
  await owner.seats.assign({ orgId, subscriptionId: subscriptions.imagingCloud, memberIds: [memberMemberId] });
  await owner.members.update({ orgId, memberId: memberMemberId, role: 'admin' });
  await admin.invitations.create({ orgId, invitations: [{ email: 'dr.rivera@example.test', role: 'member' }] });
}

/** The "Export CSV" download, read back: the Blob handed to URL.createObjectURL; the link's click goes nowhere. */
function captureDownload() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:audit-test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { blobs, clicks };
}

test('each event is one sentence with names from the members list, a relative time with the exact one, and its data on demand; zero axe violations', async () => {
  await someEvents();
  await renderWithServer(ctx, <AuditLog />, { as: USERS.admin });
  const log = page.getByRole('region', { name: 'Audit log' });
  await expect.element(log.getByText('Olivia Owner assigned Imaging Cloud to Mia Member')).toBeVisible();
  await expect.element(log.getByText('Olivia Owner changed the role of Mia Member from Member to Admin')).toBeVisible();
  await expect.element(log.getByText('Adam Admin invited dr.rivera@example.test as Member')).toBeVisible();

  const item = log.getByRole('listitem').filter({ hasText: 'assigned Imaging Cloud' });
  const time = item.element().querySelector('time')!;
  expect(time.getAttribute('dateTime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(time.getAttribute('title')).toMatch(/\d/);
  expect(time.textContent).toMatch(/now|second|minute/);

  const toggle = item.getByRole('button', { name: 'Details of: Olivia Owner assigned Imaging Cloud to Mia Member' });
  await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect.element(toggle).toHaveAttribute('aria-expanded', 'true');
  const data = item.element().querySelector('dl')!;
  expect(data.id).toBe(toggle.element().getAttribute('aria-controls'));
  await expect.element(item.getByText('subscriptionId')).toBeVisible();
  await expect.element(item.getByText(ctx.demo.northwind.subscriptions.imagingCloud)).toBeVisible();
  await expect.element(item.getByText('imaging-cloud')).toBeVisible();
  await expectNoAxeViolations();
});

test('filters: action, who acted, the member affected, a range of days; no match offers "Clear filters"', async () => {
  await someEvents();
  await renderWithServer(ctx, <AuditLog />, { as: USERS.admin });
  const log = page.getByRole('region', { name: 'Audit log' });
  await expect.element(log.getByText('Adam Admin invited dr.rivera@example.test as Member')).toBeVisible();

  await userEvent.selectOptions(log.getByRole('combobox', { name: 'Action' }), 'Seat assigned');
  await expect.element(log.getByText('Adam Admin invited dr.rivera@example.test as Member')).not.toBeInTheDocument();
  await expect.element(log.getByText('Olivia Owner assigned Imaging Cloud to Mia Member')).toBeVisible();
  await expect.poll(() => log.getByRole('listitem').elements().length).toBe(1);

  await userEvent.selectOptions(log.getByRole('combobox', { name: 'Action' }), '');
  await userEvent.selectOptions(log.getByRole('combobox', { name: 'Done by' }), 'Adam Admin');
  await expect.element(log.getByText('Olivia Owner assigned Imaging Cloud to Mia Member')).not.toBeInTheDocument();
  await expect.element(log.getByText('Adam Admin invited dr.rivera@example.test as Member')).toBeVisible();

  await userEvent.selectOptions(log.getByRole('combobox', { name: 'Done by' }), '');
  await userEvent.selectOptions(log.getByRole('combobox', { name: 'Member affected' }), 'Mia Member');
  await expect.element(log.getByText('Adam Admin invited dr.rivera@example.test as Member')).not.toBeInTheDocument();
  await expect.poll(() => log.getByRole('listitem').elements().length).toBe(2);

  // Today, from and to: the day's events are in (to is the start of the next day, exclusive).
  const today = new Date();
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await userEvent.fill(log.getByLabelText('From', { exact: true }), day(today));
  await userEvent.fill(log.getByLabelText('To', { exact: true }), day(today));
  await expect.element(log.getByText('Olivia Owner assigned Imaging Cloud to Mia Member')).toBeVisible();
  // From tomorrow: nothing.
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  await userEvent.fill(log.getByLabelText('To', { exact: true }), day(tomorrow));
  await userEvent.fill(log.getByLabelText('From', { exact: true }), day(tomorrow));
  await expect.element(log.getByText('No events match the filters')).toBeVisible();
  await expectNoAxeViolations();
  await log.getByText('No events match the filters').element().closest('[data-slot="empty-state"]')!.querySelector('button')!.click();
  await expect.element(log.getByText('Adam Admin invited dr.rivera@example.test as Member')).toBeVisible();
  await expect.element(log.getByRole('combobox', { name: 'Done by' })).toHaveFocus();
  await expect.element(log.getByRole('combobox', { name: 'Member affected' })).toHaveValue('');
});

test('an end date before the start date is flagged', async () => {
  await renderWithServer(ctx, <AuditLog />, { as: USERS.admin });
  const log = page.getByRole('region', { name: 'Audit log' });
  await userEvent.fill(log.getByLabelText('From', { exact: true }), '2026-03-10');
  await userEvent.fill(log.getByLabelText('To', { exact: true }), '2026-03-01');
  await expect.element(log.getByText('The end date is before the start date.')).toBeVisible();
  await expect.element(log.getByLabelText('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('"Show more" fetches the next page (keyset paging)', async () => {
  await someEvents();
  await renderWithServer(ctx, <AuditLog pageSize={2} />, { as: USERS.admin });
  const log = page.getByRole('region', { name: 'Audit log' });
  await expect.poll(() => log.getByRole('listitem').elements().length).toBe(2);
  await log.getByRole('button', { name: 'Show more events' }).click();
  await expect.poll(() => log.getByRole('listitem').elements().length).toBe(3);
  await expect.element(log.getByRole('button', { name: 'Show more events' })).not.toBeInTheDocument();
  // Newest first.
  await expect.element(log.getByRole('listitem').first()).toHaveTextContent(/^Adam Admin invited/);
});

test('no events yet: an empty state', async () => {
  await renderWithServer(ctx, <AuditLog />, { as: USERS.admin });
  await expect.element(page.getByText('No events yet')).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
});

test('without audit:read the log says so and asks for nothing', async () => {
  const asked: string[] = [];
  await renderWithServer(ctx, <AuditLog />, {
    as: USERS.member,
    intercept: (request) => {
      asked.push(new URL(request.url).pathname);
      return undefined;
    },
  });
  await expect.element(page.getByText('You need the “See the audit trail” permission to see the audit log.')).toBeVisible();
  await expect.element(page.getByRole('combobox')).not.toBeInTheDocument();
  expect(asked.some((path) => path.endsWith('/audit-events'))).toBe(false);
});

test('an unknown action gets the generic sentence; a removed member is named by the email the event kept', async () => {
  const { orgId, ownerMemberId, memberMemberId } = ctx.demo.northwind;
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.members.remove({ orgId, memberId: memberMemberId });
  await ctx.server.database.query(
    `insert into audit_events (org_id, actor_member_id, actor_email, action, target_type, target_id, data, created_at)
     values ($1, $2, $3, 'billing.exported', 'organization', $1, '{}'::jsonb, now())`,
    [orgId, ownerMemberId, USERS.owner],
  );
  await renderWithServer(ctx, <AuditLog />, { as: USERS.admin });
  await expect.element(page.getByText('Olivia Owner did billing.exported')).toBeVisible();
  await expect.element(page.getByText(`Olivia Owner removed ${USERS.member} from the organization`)).toBeVisible();
});

test('French: the sentences and the relative time in French', async () => {
  await someEvents();
  await renderWithServer(ctx, <AuditLog />, { as: USERS.admin, messages: fr, locale: 'fr' });
  const log = page.getByRole('region', { name: 'Journal d’audit' });
  await expect.element(log.getByText('Olivia Owner a attribué Imaging Cloud à Mia Member')).toBeVisible();
  await expect.element(log.getByText('Olivia Owner a changé le rôle de Mia Member de Membre à Admin')).toBeVisible();
  expect(log.element().querySelector('time')!.textContent).toMatch(/maintenant|seconde|minute/);
});

test('"Export CSV" downloads the events as CSV: a header row, the sentence of each, quotes doubled', async () => {
  await someEvents();
  const { blobs, clicks } = captureDownload();
  await renderWithServer(ctx, <AuditLog pageSize={1} />, { as: USERS.admin });
  const log = page.getByRole('region', { name: 'Audit log' });
  await expect.poll(() => log.getByRole('listitem').elements().length).toBe(1);
  await log.getByRole('button', { name: 'Export CSV' }).click();
  await expect.element(log.getByText(/^Exported \d+ events\.$/)).toBeVisible();
  expect(clicks).toHaveBeenCalledTimes(1);
  const csv = (await blobs[0]!.text()).replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Time (UTC),Done by,Email of who did it,Action,Event,Target type,Target ID,Data,Request ID');
  expect(csv).toContain('Olivia Owner,owner@northwind.test,seat.assigned,Olivia Owner assigned Imaging Cloud to Mia Member,member,');
  expect(csv).toContain('Adam Admin invited dr.rivera@example.test as Member');
  // Quotes doubled inside the JSON data column.
  expect(csv).toMatch(/,"\{[^\r\n]*""product"":""imaging-cloud""[^\r\n]*\}",/);
  const rows = lines.filter(Boolean).length - 1;
  await expect.element(log.getByText(`Exported ${rows} events.`)).toBeVisible();
});

test('"Export CSV" stops at its limit and says so; the filters apply', async () => {
  await someEvents();
  const { blobs } = captureDownload();
  await renderWithServer(ctx, <AuditLog exportLimit={1} defaultFilters={{ target: ctx.demo.northwind.memberMemberId }} />, { as: USERS.admin });
  const log = page.getByRole('region', { name: 'Audit log' });
  await expect.poll(() => log.getByRole('listitem').elements().length).toBe(2);
  await log.getByRole('button', { name: 'Export CSV' }).click();
  await expect.element(log.getByText('Exported the newest 1 event only; narrow the filters to export the rest.')).toBeVisible();
  const csv = await blobs[0]!.text();
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
  expect(csv).not.toContain('dr.rivera');
});

test('"Export CSV" walks every page of a long trail (the server gives at most 200 a page)', async () => {
  const { orgId, ownerMemberId, memberMemberId } = ctx.demo.northwind;
  await ctx.server.database.query(
    `insert into audit_events (org_id, actor_member_id, actor_email, action, target_type, target_id, data, created_at)
     select $1, $2, $3, 'member.updated', 'member', $4, jsonb_build_object('changes', jsonb_build_object('firstName', true)),
            now() - make_interval(secs => n)
       from generate_series(1, 250) as n`,
    [orgId, ownerMemberId, USERS.owner, memberMemberId],
  );
  const { blobs } = captureDownload();
  const pages: string[] = [];
  await renderWithServer(ctx, <AuditLog />, {
    as: USERS.admin,
    intercept: (request) => {
      if (new URL(request.url).pathname.endsWith('/audit-events')) pages.push(request.url);
      return undefined;
    },
  });
  const log = page.getByRole('region', { name: 'Audit log' });
  await expect.element(log.getByRole('button', { name: 'Show more events' })).toBeVisible();
  pages.length = 0;
  await log.getByRole('button', { name: 'Export CSV' }).click();
  await expect.element(log.getByText('Exported 250 events.')).toBeVisible();
  expect(pages).toHaveLength(2);
  const csv = await blobs[0]!.text();
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(251);
  expect(csv).toContain('Olivia Owner changed the details of Mia Member');
});

test('with audit:read but not members:read: people by the email the event kept (else someone), products by key, no member filters; keyboard reaches every control', async () => {
  const { orgId, memberMemberId } = ctx.demo.northwind;
  await someEvents();
  const owner = await createTestClient(ctx, { as: USERS.owner });
  await owner.roles.create({ orgId, key: 'auditor', name: 'Auditor', permissions: ['audit:read'] });
  await owner.members.update({ orgId, memberId: memberMemberId, role: 'auditor' });
  await renderWithServer(ctx, <AuditLog />, { as: USERS.member });
  const log = page.getByRole('region', { name: 'Audit log' });
  await expect.element(log.getByText("owner@northwind.test assigned imaging-cloud to someone")).toBeVisible();
  await expect.element(log.getByRole('combobox', { name: 'Done by' })).not.toBeInTheDocument();
  await expect.element(log.getByRole('combobox', { name: 'Action' })).toBeVisible();
  // Tab order: the action filter, the two days (a date input tabs through its day, month and year), Export CSV,
  // then the first event's details.
  const tabTo = async (target: HTMLElement) => {
    for (let i = 0; i < 8 && document.activeElement !== target; i++) await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(target);
  };
  (log.getByRole('combobox', { name: 'Action' }).element() as HTMLElement).focus();
  await tabTo(log.getByLabelText('From', { exact: true }).element() as HTMLElement);
  await tabTo(log.getByLabelText('To', { exact: true }).element() as HTMLElement);
  await tabTo(log.getByRole('button', { name: 'Export CSV' }).element() as HTMLElement);
  await tabTo(log.getByRole('button', { name: /^Details of: / }).first().element() as HTMLElement);
  const details = log.getByRole('button', { name: /^Details of: / }).first();
  await expect.element(details).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  await expect.element(details).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations();
});
