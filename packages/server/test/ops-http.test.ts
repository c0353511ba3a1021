import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, type Database, type MailMessage, type SeatKitServer } from '@seatkit/server';
import { createServerOps, startNodeServer, type RunningNodeServer, type ServerOps } from '@seatkit/server/node';
import { createTempPgDatabase, databaseTargets } from './helpers.js';

const SERVER_KEY = 'sk_ops_test_key';

for (const kind of databaseTargets()) {
  describe(`${kind}: health, readiness, request logs and metrics`, () => {
    let server: SeatKitServer;
    let running: RunningNodeServer;
    let ops: ServerOps;
    let drop: (() => Promise<void>) | undefined;
    const lines: string[] = [];
    const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    let orgId: string;
    let token: string;

    beforeAll(async () => {
      let database: Database;
      if (kind === 'pglite') database = await createPGliteDatabase();
      else ({ database, drop } = await createTempPgDatabase());
      ops = createServerOps({ level: 'info', write: (line) => lines.push(line) });
      server = await createSeatKitServer({
        database,
        auth: { mode: 'dev', secret: 'ops-secret' },
        serverKey: SERVER_KEY,
        appUrl: 'http://app.test',
        mailer: { send: async () => {} },
        logger: ops.logger,
        onRequest: ops.onRequest,
        awaitEmails: true,
        jobs: { intervalMs: 0 },
      });
      orgId = (await server.seedDemo()).northwind.orgId;
      token = await server.devToken('owner@northwind.test');
      running = await startNodeServer(server, { port: 0, ops, metricsKey: SERVER_KEY });
    });
    afterAll(async () => {
      await running?.close();
      await drop?.();
    });

    it('/healthz answers 200 without touching the database; /readyz reports each check', async () => {
      const health = await fetch(`${running.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${running.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { shutdown: 'ok', database: 'ok', migrations: 'ok', scheduler: 'off' } });
      expect((await fetch(`${running.url}/healthz`, { method: 'POST' })).status).toBe(405);
    });

    it('/readyz answers 503 naming a migration that is not applied', async () => {
      const { rows } = await server.database.query<{ name: string; applied_at: Date }>(`select name, applied_at from seatkit_migrations order by name desc limit 1`);
      const last = rows[0]!;
      await server.database.query(`delete from seatkit_migrations where name = $1`, [last.name]);
      try {
        const ready = await fetch(`${running.url}/readyz`);
        expect(ready.status).toBe(503);
        const body = (await ready.json()) as { status: string; checks: Record<string, string> };
        expect(body.status).toBe('unavailable');
        expect(body.checks.migrations).toBe(`not applied: ${last.name}`);
        expect(body.checks.database).toBe('ok');
      } finally {
        await server.database.query(`insert into seatkit_migrations (name, applied_at) values ($1, $2)`, [last.name, last.applied_at]);
      }
      expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    });

    it('writes one JSON line per request: request id (incoming or generated), route template, status, latency, org id — and no token', async () => {
      lines.length = 0;
      const auth = { authorization: `Bearer ${token}` };
      const members = await fetch(`${running.url}/v1/orgs/${orgId}/members?limit=5`, { headers: { ...auth, 'x-request-id': 'lb-req.42:a_b-c' } });
      expect(members.status).toBe(200);
      expect(members.headers.get('x-request-id')).toBe('lb-req.42:a_b-c');
      const insane = await fetch(`${running.url}/v1/me`, { headers: { ...auth, 'x-request-id': 'bad id with spaces' } });
      const generated = insane.headers.get('x-request-id')!;
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      const invitationToken = 'inv_tok_Zq9SuperSecretValue';
      expect((await fetch(`${running.url}/v1/invitations/${invitationToken}`)).status).toBe(404);
      const invite = await fetch(`${running.url}/v1/orgs/${orgId}/invitations`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', cookie: 'session=cookie-secret-value' },
        body: JSON.stringify({ invitations: [{ email: 'ops.log@example.test', role: 'member' }] }),
      });
      expect(invite.status).toBe(200);
      expect((await fetch(`${running.url}/no/such/path`)).status).toBe(404);

      const requests = logged().filter((l) => l.msg === 'request');
      expect(requests.map((l) => [l.method, l.route, l.status])).toEqual([
        ['GET', '/v1/orgs/:orgId/members', 200],
        ['GET', '/v1/me', 200],
        ['GET', '/v1/invitations/:token', 404],
        ['POST', '/v1/orgs/:orgId/invitations', 200],
        ['GET', null, 404],
      ]);
      expect(requests[0]).toMatchObject({ level: 'info', requestId: 'lb-req.42:a_b-c', orgId, route: '/v1/orgs/:orgId/members' });
      expect(requests[1]).toMatchObject({ requestId: generated });
      expect(requests[1]).not.toHaveProperty('orgId');
      for (const line of requests) {
        expect(typeof line.durationMs).toBe('number');
        expect(Number.isNaN(Date.parse(String(line.time)))).toBe(false);
      }
      const all = lines.join('');
      // The bearer token, the Authorization header, the cookie, the invitation token and the email address.
      for (const secret of [token, 'Bearer', 'cookie-secret-value', invitationToken, 'ops.log@example.test', 'authorization']) {
        expect(all, secret).not.toContain(secret);
      }
      // A probe is a debug line: nothing at info.
      lines.length = 0;
      await fetch(`${running.url}/readyz`);
      expect(lines).toEqual([]);
    });

    it('error lines mask tokens in messages and stacks', () => {
      const out: string[] = [];
      const logger = createServerOps({ level: 'debug', write: (l) => out.push(l) }).logger;
      logger.error('GET /v1/invitations/abc123secret failed', new Error('link https://app.test/accept?token=tok_abc123 with Bearer eyJhbGciOi.x.y'));
      logger.debug('probe');
      const text = out.join('');
      expect(text).not.toContain('abc123secret');
      expect(text).not.toContain('tok_abc123');
      expect(text).not.toContain('eyJhbGciOi');
      expect(JSON.parse(out[0]!)).toMatchObject({ level: 'error', msg: 'GET /v1/invitations/[token] failed' });
      expect(JSON.parse(out[1]!)).toMatchObject({ level: 'debug', msg: 'probe' });
      const quiet: string[] = [];
      createServerOps({ level: 'warn', write: (l) => quiet.push(l) }).logger.info('not written');
      expect(quiet).toEqual([]);
    });

    it('/metrics needs the server key, and its counters move with traffic', async () => {
      expect((await fetch(`${running.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${running.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      // A user's token is no metrics key.
      expect((await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      const scrape = async () => {
        const res = await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${SERVER_KEY}` } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/plain');
        return res.text();
      };
      const count = (text: string, labels: string) => {
        const line = text.split('\n').find((l) => l.startsWith(`seatkit_http_requests_total{${labels}}`));
        return line ? Number(line.split(' ').pop()) : 0;
      };
      const labels = 'route="/v1/orgs/:orgId/members",method="GET",code="200"';
      const before = count(await scrape(), labels);
      for (let i = 0; i < 3; i++) {
        expect((await fetch(`${running.url}/v1/orgs/${orgId}/members`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      }
      const after = await scrape();
      expect(count(after, labels)).toBe(before + 3);
      expect(after).toMatch(/seatkit_http_request_duration_seconds_count\{route="\/v1\/orgs\/:orgId\/members",method="GET",code="200"\} \d+/);
      expect(after).toMatch(/seatkit_outbox_emails\{status="pending"\} \d+/);
      expect(after).toMatch(/seatkit_outbox_oldest_unsent_age_seconds \d/);
      expect(after).toContain(`seatkit_db_info{kind="${kind === 'pglite' ? 'pglite' : 'pg'}"} 1`);
      if (kind === 'postgres') expect(after).toMatch(/seatkit_db_pool_connections\{state="in_use"\} \d+/);
      await server.runJobs();
      expect(await scrape()).toMatch(/seatkit_job_last_run_age_seconds\{job="dispatchEmails"\} \d/);
      // Unmatched paths fold into one series.
      await fetch(`${running.url}/random/${Math.random()}`);
      expect(await scrape()).toContain('route="unmatched",method="GET",code="404"');
    });
  });
}

describe('shutdown hands back the emails it claimed and did not start', () => {
  it('stopBackgroundWork: the email being sent finishes, the rest of the batch is pending again at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const sending = new Promise<void>((r) => (started = r));
    const sent: MailMessage[] = [];
    const server = await createSeatKitServer({
      database: await createPGliteDatabase(),
      auth: { mode: 'dev', secret: 's' },
      appUrl: 'http://app.test',
      logger: createServerOps({ level: 'silent' }).logger,
      jobs: { intervalMs: 0 },
      mailer: {
        async send(message) {
          started();
          await gate;
          sent.push(message);
        },
      },
    });
    try {
      const { northwind } = await server.seedDemo();
      const token = await server.devToken('owner@northwind.test');
      const invite = await server.fetch(
        new Request(`http://x/v1/orgs/${northwind.orgId}/invitations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ invitations: ['a', 'b', 'c'].map((n) => ({ email: `${n}@claims.test`, role: 'member' })) }),
        }),
      );
      expect(invite.status).toBe(200);
      await sending;
      const stopped = server.stopBackgroundWork();
      release();
      await stopped;
      const { rows } = await server.database.query<{ status: string; attempts: number; locked_at: Date | null }>(
        `select status, attempts, locked_at from outbox_emails order by seq`,
      );
      expect(sent).toHaveLength(1);
      expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
      expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
      const pending = rows.filter((r) => r.status === 'pending');
      expect(pending.length).toBeGreaterThanOrEqual(3);
      expect(pending.every((r) => r.locked_at === null)).toBe(true);
      // The seed's invitation email plus the three new ones: only the one sent used an attempt.
      expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(1);
    } finally {
      await server.close();
    }
  });
});
