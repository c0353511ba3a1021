import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type Database, type SeatKitServer } from '@seatkit/server';
import { findPostgresBinDir } from '../../../scripts/lib/system-deps.mjs';
import { ADMIN, createTempPgDatabase, TestMailer, tokenFrom } from './helpers.js';

/**
 * SECURITY.md promises that a database backup, a data folder or the WAL holds no raw invitation token: the outbox keeps
 * email bodies sealed (AES-256-GCM), so the token's bytes are written nowhere, not even in a row version that a later
 * UPDATE left behind. Each test sends invitations as a production server would (dev routes off) and in dev mode, then
 * searches every byte the database wrote for the tokens the mailer received.
 */

/** Invites three people, resends one, sends the emails; returns every token the mailer got. */
async function inviteAndSend(server: SeatKitServer, mailer: TestMailer): Promise<string[]> {
  const demo = await server.seedDemo();
  const token = await server.devToken(ADMIN);
  const call = (path: string, body?: unknown) =>
    server.fetch(
      new Request(`http://seatkit.test${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const created = await call(`/v1/orgs/${demo.northwind.orgId}/invitations`, {
    invitations: ['a1@secret.test', 'a2@secret.test', 'a3@secret.test'].map((email) => ({ email, role: 'member' })),
  });
  expect(created.status).toBe(200);
  const { results } = (await created.json()) as { results: { invitation: { id: string } }[] };
  expect((await call(`/v1/orgs/${demo.northwind.orgId}/invitations/${results[0]!.invitation.id}/resend`)).status).toBe(200);
  await server.dispatchEmails();
  const tokens = mailer.sent.filter((m) => m.to.endsWith('@secret.test')).map((m) => tokenFrom(m.text));
  expect(tokens).toHaveLength(4);
  // The HTML part carries the same link (its href): the searches below cover it, sealed like the text.
  expect(mailer.sent.filter((m) => m.to.endsWith('@secret.test')).map((m) => tokenFrom(m.html!))).toEqual(tokens);
  // What the outbox keeps readable has the links redacted, in both parts.
  const { rows } = await server.database.query<{ text_body: string; html_body: string }>(`select text_body, html_body from outbox_emails where to_email like '%@secret.test'`);
  expect(rows).toHaveLength(4);
  for (const row of rows) for (const body of [row.text_body, row.html_body]) expect(body).toContain('token=[redacted]');
  return tokens;
}

/** The tokens (as written in a link, and as the 32 raw bytes they encode) found in `bytes`. */
function tokensIn(bytes: Buffer, tokens: string[]): string[] {
  return tokens.filter((t) => bytes.includes(Buffer.from(t, 'utf8')) || bytes.includes(Buffer.from(t, 'base64url')));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const modes = [
  { name: 'production (dev routes off)', devRoutes: false },
  { name: 'dev mode (the mailbox shows the links)', devRoutes: true },
] as const;
type Mode = (typeof modes)[number];

/** A server on `database` as the mode runs it, with its jobs off (the test sends the emails itself). */
async function serverOn(database: Database, mode: Mode) {
  const mailer = new TestMailer();
  const server = await createSeatKitServer({
    database,
    auth: { mode: 'dev', secret: 'test-secret' },
    devRoutes: mode.devRoutes,
    mailer,
    logger: silentLogger,
    appUrl: 'http://app.test',
    jobs: { intervalMs: 0 },
  });
  return { server, mailer };
}

describe('pglite: no invitation token at rest', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const mode of modes) {
    it(`${mode.name}: the data folder (heap, WAL, every file) holds none of the tokens`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'seatkit-secrets-'));
      dirs.push(dir);
      const { server, mailer } = await serverOn(await createPGliteDatabase({ dataDir: dir }), mode);
      const tokens = await inviteAndSend(server, mailer);
      if (mode.devRoutes) {
        // The dev mailbox still shows working links: it opens the sealed bodies when it reads them.
        const texts = (await server.mailbox()).map((m) => m.text).join('\n');
        expect(tokens.filter((t) => texts.includes(t))).toEqual(tokens);
      }
      await server.close();
      const files = filesUnder(dir);
      expect(files.some((f) => f.includes('pg_wal'))).toBe(true);
      const found = files.flatMap((f) => tokensIn(readFileSync(f), tokens).map((t) => `${f}: ${t.slice(0, 6)}…`));
      expect(found).toEqual([]);
    }, 180_000);
  }
});

const PG_URL = process.env.SEATKIT_TEST_DATABASE_URL;
// The pg_dump of the Postgres installation the test runs use (scripts/lib/system-deps.mjs finds it).
const PG_BIN = findPostgresBinDir();

describe.skipIf(!PG_URL)('postgres: no invitation token at rest', () => {
  for (const mode of modes) {
    it(`${mode.name}: pg_dump, the table's heap and TOAST files (dead row versions included) and the WAL hold none of the tokens`, async () => {
      const { database, drop, url } = await createTempPgDatabase();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        // Reading the cluster's own files through SQL needs a superuser (or pg_read_server_files): the test cluster's role is one.
        const { rows: roles } = await admin.query<{ superuser: boolean }>(`select rolsuper as superuser from pg_roles where rolname = current_user`);
        expect(roles[0]?.superuser, 'the test role must be a superuser to read the WAL and heap files').toBe(true);
        const { rows: before } = await admin.query<{ lsn: string }>(`select pg_current_wal_lsn()::text as lsn`);

        const { server, mailer } = await serverOn(database as Database, mode);
        const tokens = await inviteAndSend(server, mailer);
        await server.close();

        // Everything on disk: WAL flushed, dirty pages written.
        await admin.query('checkpoint');
        const found: string[] = [];
        const look = (where: string, bytes: Buffer) => found.push(...tokensIn(bytes, tokens).map((t) => `${where}: ${t.slice(0, 6)}…`));

        // 1. The heap and TOAST files of every table of the test database: dead tuples (the versions an UPDATE left) included.
        const { rows: files } = await admin.query<{ rel: string; path: string }>(
          `select c.relname as rel, pg_relation_filepath(c.oid) as path
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in ('public', 'pg_toast') and c.relkind in ('r', 't') and pg_relation_filepath(c.oid) is not null`,
        );
        expect(files.map((f) => f.rel)).toContain('outbox_emails');
        for (const file of files) {
          const { rows } = await admin.query<{ data: Buffer }>(`select pg_read_binary_file($1, 0, 100000000, true) as data`, [file.path]);
          if (rows[0]?.data) look(`heap ${file.rel}`, rows[0].data);
        }

        // 2. The WAL segments written since the test began.
        const { rows: segments } = await admin.query<{ name: string }>(
          `select name from pg_ls_waldir()
            where name ~ '^[0-9A-F]{24}$' and name >= pg_walfile_name($1::pg_lsn) and name <= pg_walfile_name(pg_current_wal_lsn())
            order by name`,
          [before[0]!.lsn],
        );
        expect(segments.length).toBeGreaterThan(0);
        for (const { name } of segments) {
          const { rows } = await admin.query<{ data: Buffer }>(`select pg_read_binary_file('pg_wal/' || $1) as data`, [name]);
          look(`wal ${name}`, rows[0]!.data);
        }

        // 3. A logical backup.
        expect(PG_BIN, 'pg_dump of the Postgres the tests run on').not.toBeNull();
        look('pg_dump', execFileSync(join(PG_BIN!, 'pg_dump'), ['--no-owner', url], { maxBuffer: 256 * 1024 * 1024 }));

        expect(found).toEqual([]);
      } finally {
        await admin.end();
        await drop();
      }
    }, 120_000);
  }
});
