/**
 * Runs the provisioning CLI, as a user would, against the real reference server (in this process, on a
 * real socket, in-memory PGlite, demo data): twice over the same file, to prove a re-run is safe.
 *
 *   npm test -w @seatkit/example-provisioning-script
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createSeatKitClient } from '@seatkit/core';
import { createPGliteDatabase, createSeatKitServer, startNodeServer, type DemoSeed, type SeatKitServer } from '@seatkit/server/node';
import type { RowReport } from '../src/provision.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(exampleDir, '../../node_modules/.bin/tsx');

let server: SeatKitServer;
let demo: DemoSeed;
let url: string;
let close: () => Promise<void>;
let workDir: string;

before(async () => {
  server = await createSeatKitServer({
    database: await createPGliteDatabase(),
    auth: { mode: 'dev', secret: 'provisioning-test' },
    appUrl: 'http://console.test',
    awaitEmails: true,
  });
  demo = await server.seedDemo();
  ({ url, close } = await startNodeServer(server, { port: 0 }));
  workDir = await mkdtemp(join(tmpdir(), 'seatkit-provision-'));
});

after(async () => {
  await close?.();
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `src/main.ts` in a child process (tsx, the example's tsconfig maps @seatkit/* to sources). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['src/main.ts', ...args],
      { cwd: exampleDir, env: { ...process.env, SEATKIT_URL: url, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const byEmail = (reports: RowReport[]) => Object.fromEntries(reports.map((r) => [r.email, r]));

async function writeCsv(name: string, text: string): Promise<string> {
  const file = join(workDir, name);
  await writeFile(file, text);
  return file;
}

describe('provisioning script', () => {
  it('invites from the CSV with roles and seats, reports per row, and a second run changes nothing', async () => {
    const file = await writeCsv(
      'people.csv',
      [
        'email,role,first_name,last_name,products',
        'ana@example.com,admin,Ana,Lopez,imaging-app imaging-cloud',
        'ben@example.com,member,Ben,Okafor,imaging-app',
        'chen@example.com,,Chen,Wei,',
        'member@northwind.test,member,,,imaging-cloud',
        'not-an-email,member,,,',
        'dana@example.com,wizard,,,',
        'eve@example.com,member,,,no-such-product',
        'ANA@example.com,member,,,',
      ].join('\n'),
    );
    const args = [file, '--org', 'Northwind Dental', '--as', 'owner@northwind.test', '--json'];

    const first = await runCli(args);
    assert.equal(first.code, 1, `invalid rows make the exit code 1\n${first.stderr}`);
    const r1 = byEmail(JSON.parse(first.stdout) as RowReport[]);
    assert.deepEqual(
      Object.values(r1).map((r) => [r.line, r.email, r.outcome, r.code]),
      [
        [2, 'ana@example.com', 'invited', undefined],
        [3, 'ben@example.com', 'invited', undefined],
        [4, 'chen@example.com', 'invited', undefined],
        [5, 'member@northwind.test', 'already_member', undefined],
        [6, 'not-an-email', 'invalid', 'validation_failed'],
        [7, 'dana@example.com', 'invalid', 'validation_failed'],
        [8, 'eve@example.com', 'invalid', 'unknown_product'],
        [9, 'ANA@example.com', 'invalid', 'duplicate'],
      ],
    );
    assert.equal(r1['chen@example.com']!.role, 'member', 'an empty role means member');
    assert.deepEqual(r1['ana@example.com']!.seats, [
      { product: 'imaging-app', outcome: 'reserved' },
      { product: 'imaging-cloud', outcome: 'reserved' },
    ]);
    assert.deepEqual(r1['member@northwind.test']!.seats, [{ product: 'imaging-cloud', outcome: 'assigned' }]);

    // What the server now holds: three pending invitations with their roles, names and reservations.
    const owner = createSeatKitClient({ baseUrl: url, getToken: () => server.devToken('owner@northwind.test') });
    const orgId = demo.northwind.orgId;
    const pending = (await owner.invitations.list({ orgId, status: 'pending', limit: 200 })).items;
    const ana = pending.find((i) => i.email === 'ana@example.com');
    assert.equal(ana?.role, 'admin');
    assert.equal(ana?.firstName, 'Ana');
    assert.equal(ana?.subscriptionIds.length, 2);
    const mailsAfterFirst = (await server.mailbox()).length;
    const subsAfterFirst = (await owner.subscriptions.list({ orgId })).items.map((s) => [s.product.key, s.seats]);

    const second = await runCli(args);
    assert.equal(second.code, 1);
    const r2 = byEmail(JSON.parse(second.stdout) as RowReport[]);
    assert.deepEqual(
      Object.values(r2).map((r) => [r.email, r.outcome]),
      [
        ['ana@example.com', 'already_invited'],
        ['ben@example.com', 'already_invited'],
        ['chen@example.com', 'already_invited'],
        ['member@northwind.test', 'already_member'],
        ['not-an-email', 'invalid'],
        ['dana@example.com', 'invalid'],
        ['eve@example.com', 'invalid'],
        ['ANA@example.com', 'invalid'],
      ],
    );
    assert.deepEqual(r2['ana@example.com']!.seats.map((s) => s.outcome), ['reserved', 'reserved']);
    assert.deepEqual(r2['member@northwind.test']!.seats, [{ product: 'imaging-cloud', outcome: 'already_assigned' }]);

    // Nothing changed on the server: no second invitation, no new email, no extra seat taken.
    const pendingAfter = (await owner.invitations.list({ orgId, status: 'pending', limit: 200 })).items;
    assert.equal(pendingAfter.length, pending.length);
    assert.equal((await server.mailbox()).length, mailsAfterFirst);
    assert.deepEqual((await owner.subscriptions.list({ orgId })).items.map((s) => [s.product.key, s.seats]), subsAfterFirst);
  });

  it('prints a readable table with a summary and exits 0 when every row is done', async () => {
    const file = await writeCsv('ok.csv', 'email,role\nfay@example.com,member\ngus@example.com,admin\n');
    const run = await runCli([file, '--org', demo.northwind.orgId, '--as', 'admin@northwind.test', '--batch-size', '1']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^line\s+email\s+role\s+result\s+seats/m);
    assert.match(run.stdout, /^2\s+fay@example\.com\s+member\s+invited/m);
    assert.match(run.stdout, /^3\s+gus@example\.com\s+admin\s+invited/m);
    assert.match(run.stdout, /2 rows: 2 invited, 0 already invited, 0 already members, 0 invalid, 0 failed/);
    assert.match(run.stderr, /sent 1\/2\n.*sent 2\/2/s, 'one request per batch of --batch-size');
  });

  it('sends more than 100 people in batches of at most 100', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `bulk${i}@example.com,member`);
    const file = await writeCsv('bulk.csv', ['email,role', ...lines].join('\n'));
    const run = await runCli([file, '--org', 'Northwind Dental', '--as', 'owner@northwind.test']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /sent 100\/150\n.*sent 150\/150/s);
    assert.match(run.stdout, /150 rows: 150 invited/);
  });

  it('refuses to start, with exit code 2 and the reason, for an organization the user is not in', async () => {
    const file = await writeCsv('one.csv', 'email\nhal@example.com\n');
    const run = await runCli([file, '--org', 'Lakeside Clinic', '--as', 'member@northwind.test']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /member@northwind\.test is not a member of "Lakeside Clinic"\. Their organizations: Northwind Dental/);
    assert.equal(run.stdout, '');
  });
});
