#!/usr/bin/env -S npx tsx
/**
 * Bulk-invites people from a CSV file into a SeatKit organization, with roles and seats.
 *
 *   SEATKIT_URL=https://seatkit.example.com SEATKIT_TOKEN=… npx tsx src/main.ts people.csv --org "Northwind Dental"
 *
 * Exit code: 0 when every row is done (invited, already invited or already a member, seats in place),
 * 1 when some rows are invalid or failed (see the report), 2 when the run could not start.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createSeatKitClient, describeError, isSeatKitError } from '@seatkit/core';
import { readPeople } from './csv.js';
import { allDone, formatReport, provision } from './provision.js';

const USAGE = `Usage: seatkit-provision <people.csv> --org <organization id or name> [options]

Options:
  --org <id|name>     the organization to invite into (required)
  --url <url>         the SeatKit server (default: $SEATKIT_URL or http://localhost:4000)
  --as <email>        development servers only: sign in as this user through POST /dev/token
  --batch-size <n>    people per request, 1–100 (default 100)
  --json              print the report as JSON

Environment:
  SEATKIT_URL         the SeatKit server, without /v1
  SEATKIT_TOKEN       bearer token of an admin who may invite (members:invite) and assign seats (seats:assign)

CSV columns (header row, any order): email, role, first_name, last_name, products
  products: product keys separated by spaces, ";" or "|" (a seat of each is reserved for the invitee)
`;

class UsageError extends Error {}

async function devToken(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new UsageError(`--as needs a development server (POST /dev/token answered ${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      url: { type: 'string' },
      as: { type: 'string' },
      'batch-size': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || !values.org) throw new UsageError(`${!file ? 'Name the CSV file' : 'Name the organization with --org'}.\n\n${USAGE}`);
  const url = (values.url ?? process.env.SEATKIT_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : 100;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100) throw new UsageError('--batch-size must be a whole number from 1 to 100');

  const token = values.as ? await devToken(url, values.as) : process.env.SEATKIT_TOKEN;
  if (!token) throw new UsageError('Set SEATKIT_TOKEN to the bearer token of an admin (or use --as <email> on a development server).');
  const client = createSeatKitClient({ baseUrl: url, getToken: () => token });

  const people = readPeople(await readFile(file, 'utf8'));
  const me = await client.me();
  const membership = me.memberships.find((m) => m.organization.id === values.org || m.organization.name === values.org);
  if (!membership) {
    const known = me.memberships.map((m) => `${m.organization.name} (${m.organization.id})`).join(', ') || 'none';
    throw new UsageError(`${me.user.email} is not a member of "${values.org}". Their organizations: ${known}`);
  }

  const log = (message: string) => !values.json && process.stderr.write(`${message}\n`);
  log(`Provisioning ${people.length} people into ${membership.organization.name} as ${me.user.email}…`);
  const reports = await provision({
    client,
    orgId: membership.organization.id,
    people,
    batchSize,
    onBatch: (done, total) => log(`  sent ${done}/${total}`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(reports, null, 2)}\n` : `${formatReport(reports)}\n`);
  return allDone(reports) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof UsageError ? error.message
      : isSeatKitError(error) ? `${describeError(error)} (${error.code}${error.requestId ? `, request ${error.requestId}` : ''})`
      : error instanceof Error ? error.message
      : String(error);
    process.stderr.write(`seatkit-provision: ${message}\n`);
    process.exitCode = 2;
  },
);
