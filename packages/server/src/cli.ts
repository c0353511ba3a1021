/**
 * `seatkit-server` — runs the SeatKit API on this machine.
 *
 *   seatkit-server start [--port 4000] [--host 127.0.0.1] [--data ./.seatkit] [--seed demo]
 *   seatkit-server token <email> [--data ./.seatkit]
 *   seatkit-server reclaim --org <id> [--dry-run] [--idle-days <n>] [--data ./.seatkit]
 *
 * Runs from source too: `npx tsx packages/server/src/cli.ts start --seed demo`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuthenticator, type AuthOptions } from './auth.js';
import { createPGliteDatabase } from './db/pglite.js';
import { PG_DEFAULTS, type PgDatabaseOptions } from './db/pg.js';
import { createPgDatabase, createSmtpMailer, HTTP_DEFAULTS, SHUTDOWN_DEFAULTS, startNodeServer, type ShutdownOptions, type StartNodeServerOptions } from './node.js';
import { createServerOps, LOG_LEVELS, type LogLevel } from './ops/index.js';
import { DEFAULT_IDLE_DAYS, LIMITS } from '@seatkit/core/contract';
import { migrate } from './db/migrations.js';
import { idleSeatReport, reclaimOrganization } from './handlers/idle-seats.js';
import { DEFAULT_CLAIM_TIMEOUT_MS, enqueueEmail } from './mail.js';
import { createOutboxCipher } from './outbox-cipher.js';
import { JOBS_DEFAULTS, type JobsOptions } from './scheduler.js';
import { createSeatKitServer } from './server.js';
import { DEMO_USERS } from './seed.js';

const START_USAGE = `Usage: seatkit-server start [--port 4000] [--host 127.0.0.1] [--data ./.seatkit] [--seed demo]

Runs the migrations, loads the demo data with --seed demo (once), and serves the API.

Options:
  --port <n>      port to listen on (default $PORT or 4000; 0 picks a free one)
  --host <addr>   interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --data <dir>    PGlite database and dev secret folder (default ./.seatkit)
  --seed demo     load the demo organizations; also turns on dev auth
  -h, --help      show this help

HTTP limits (each also settable by the variable in brackets; the flag wins):
  --headers-timeout <ms>     time to send the request headers, then 408 and disconnect; 0 turns it off
                             (default ${HTTP_DEFAULTS.headersTimeoutMs}) [SEATKIT_HEADERS_TIMEOUT_MS]
  --request-timeout <ms>     time to send a whole request; 0 turns it off
                             (default ${HTTP_DEFAULTS.requestTimeoutMs}) [SEATKIT_REQUEST_TIMEOUT_MS]
  --keep-alive-timeout <ms>  how long an idle connection stays open; behind a load balancer, set it above
                             the balancer's idle timeout (default ${HTTP_DEFAULTS.keepAliveTimeoutMs}) [SEATKIT_KEEP_ALIVE_TIMEOUT_MS]
  --max-connections <n>      open connections at most, more are closed at once; 0 for no cap
                             (default ${HTTP_DEFAULTS.maxConnections}) [SEATKIT_MAX_CONNECTIONS]

Operations (each also settable by the variable in brackets; the flag wins):
  --log-level <level>        ${LOG_LEVELS.join(' | ')}: JSON lines on stdout, one per request at info
                             (probes at debug) (default info) [SEATKIT_LOG_LEVEL]
  --shutdown-timeout <ms>    on SIGTERM/SIGINT, requests in flight get this long to finish, then are cut off
                             (default ${SHUTDOWN_DEFAULTS.timeoutMs}) [SEATKIT_SHUTDOWN_TIMEOUT_MS]
  --shutdown-drain-delay <ms>  on SIGTERM, /readyz answers 503 this long before the listener closes, so a load
                             balancer takes the instance out first (default ${SHUTDOWN_DEFAULTS.drainDelayMs}) [SEATKIT_SHUTDOWN_DRAIN_DELAY_MS]
  GET /healthz, GET /readyz  liveness and readiness probes (no auth); GET /metrics: Prometheus, needs
                             Authorization: Bearer <SEATKIT_SERVER_KEY> (off without a server key)

Postgres (with DATABASE_URL; each also settable by the variable in brackets; the flag wins):
  --db-pool-size <n>         connections at most (default ${PG_DEFAULTS.max}) [SEATKIT_DB_POOL_SIZE]
  --db-statement-timeout <ms>  a statement running longer is canceled and its request answers 503 unavailable;
                             0 turns it off (default ${PG_DEFAULTS.statementTimeoutMs}) [SEATKIT_DB_STATEMENT_TIMEOUT_MS]
  --db-lock-timeout <ms>     a longer wait for a lock fails (retried once, then 503); 0 turns it off
                             (default ${PG_DEFAULTS.lockTimeoutMs}) [SEATKIT_DB_LOCK_TIMEOUT_MS]
  --db-idle-in-transaction-timeout <ms>  Postgres ends a session idle this long inside a transaction; 0 turns
                             it off (default ${PG_DEFAULTS.idleInTransactionTimeoutMs}) [SEATKIT_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS]
  --db-connect-timeout <ms>  the longest wait for a connection, new or free in the pool, then 503; 0 waits
                             forever (default ${PG_DEFAULTS.connectTimeoutMs}) [SEATKIT_DB_CONNECT_TIMEOUT_MS]

Invitation rate limits (emails to new people per rolling hour; over it, 429 rate_limited with Retry-After):
  --invitations-per-caller-per-hour <n>  per caller; 0 for no cap (default 1000) [SEATKIT_INVITATIONS_PER_CALLER_PER_HOUR]
  --invitations-per-org-per-hour <n>     per organization; 0 for no cap (default 5000) [SEATKIT_INVITATIONS_PER_ORG_PER_HOUR]

Periodic jobs (email retries, purges; each runs on one instance at a time):
  --jobs-interval <ms>            how often this instance runs them; 0 turns the timer off
                                  (default ${JOBS_DEFAULTS.intervalMs}) [SEATKIT_JOBS_INTERVAL_MS]
  --email-claim-timeout <ms>      an email claimed this long ago and not sent (its instance died) is sent again
                                  (default ${DEFAULT_CLAIM_TIMEOUT_MS}) [SEATKIT_EMAIL_CLAIM_TIMEOUT_MS]
  --outbox-retention-days <n>     sent emails are deleted after this many days (default ${JOBS_DEFAULTS.outboxRetentionDays}) [SEATKIT_OUTBOX_RETENTION_DAYS]
  --audit-retention-days <n>      audit events are deleted after this many days (default: kept forever) [SEATKIT_AUDIT_RETENTION_DAYS]
  --expired-reservation-days <n>  seat reservations of invitations expired this many days ago are deleted
                                  (default ${JOBS_DEFAULTS.expiredReservationDays}) [SEATKIT_EXPIRED_RESERVATION_DAYS]
  --webhook-retention-days <n>    webhook deliveries and their attempts are deleted after this many days
                                  (default ${JOBS_DEFAULTS.webhookRetentionDays}) [SEATKIT_WEBHOOK_RETENTION_DAYS]

Webhooks:
  --webhooks-allow-private        allow http: endpoint URLs and private, loopback or link-local addresses (tests and
                                  local development only; default off) [SEATKIT_WEBHOOKS_ALLOW_PRIVATE=1]

Environment:
  DATABASE_URL          postgres://… to use a Postgres server (default: embedded PGlite in <data>/pgdata)
  SEATKIT_AUTH          dev | jwt (dev is also on with --seed demo; with neither the server refuses to start)
  SEATKIT_SECRET        HS256 secret for dev tokens, and the key outbox email bodies are sealed with; the same on
                        every instance (default: generated into <data>/secret)
  SEATKIT_JWKS_URL      jwt mode: where your identity provider publishes its keys (required)
  SEATKIT_JWT_ISSUER    jwt mode: the accepted "iss", comma-separated (required)
  SEATKIT_JWT_AUDIENCE  jwt mode: the accepted "aud", comma-separated (required)
  SEATKIT_JWT_EMAIL_CLAIM  jwt mode: the claim with the user's email (default email)
  SEATKIT_SERVER_KEY    bearer key for the provisioning routes
  SEATKIT_APP_URL       base of invitation links (required outside dev mode; dev default http://localhost:5173)
  SEATKIT_CORS_ORIGINS  comma-separated allowed browser origins
  SMTP_URL, SMTP_FROM   send email over SMTP (default: log only; dev mailbox at /dev/mailbox)
`;

const TOKEN_USAGE = `Usage: seatkit-server token <email> [--data ./.seatkit]

Prints a development bearer token for <email> (dev auth only), signed with the same secret as a server started
with the same --data folder (or SEATKIT_SECRET).

Options:
  --data <dir>    the folder holding the dev secret (default ./.seatkit)
  -h, --help      show this help
`;

const RECLAIM_USAGE = `Usage: seatkit-server reclaim --org <id> [--dry-run] [--idle-days <n>] [--data ./.seatkit]

Reports the idle seats of every subscription of an organization — seats whose holder has not passed the access check
for <n> days (default: the subscription's reclaim policy, else 30), or, assigned and never used, not since their
assignment — and, without --dry-run, releases them: each holder is emailed (sent by the running server), each release
audited as seat.reclaimed. The same report as GET /v1/orgs/:orgId/subscriptions/:id/idle-seats, for cron.

Options:
  --org <id>        the organization (required)
  --dry-run         report only; change nothing
  --idle-days <n>   days without use (1–${LIMITS.idleDaysMax}; default: each subscription's policy, else ${DEFAULT_IDLE_DAYS})
  --data <dir>      the PGlite folder, as given to start (default ./.seatkit; stop the server first: PGlite
                    has one user); with DATABASE_URL, that Postgres
  -h, --help        show this help

Environment: DATABASE_URL, SEATKIT_SECRET (seals the emails; the server's), SEATKIT_APP_URL (links), as for start.
`;

const HELP = `seatkit-server — the SeatKit reference backend

Usage:
  seatkit-server start [--port 4000] [--host 127.0.0.1] [--data ./.seatkit] [--seed demo]
  seatkit-server token <email> [--data ./.seatkit]
  seatkit-server reclaim --org <id> [--dry-run] [--idle-days <n>]
  seatkit-server <command> --help

Commands:
  start    run the API server
  token    print a development bearer token
  reclaim  report (--dry-run) or release an organization's idle seats
`;

function fail(message: string, usage?: string): never {
  process.stderr.write(`seatkit-server: ${message}\n${usage ? `\n${usage}` : ''}`);
  process.exit(1);
}

type ParseConfig = Parameters<typeof parseArgs>[0] & { options: Record<string, unknown> };

/**
 * `parseArgs` with `--help`/`-h` on every command and a one-line error (plus the command's usage) for anything it
 * does not know, instead of node's long TypeError text.
 */
function parseCommand<T extends ParseConfig>(command: string, usage: string, config: T) {
  let parsed;
  try {
    parsed = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } }, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(text);
    const positional = /Unexpected argument '([^']+)'/.exec(text);
    const message = unknown
      ? `${command}: unknown option ${unknown[1]}`
      : positional
        ? `${command}: unexpected argument ${positional[1]}`
        : `${command}: ${text.split('\n')[0]}`;
    fail(message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return parsed as ReturnType<typeof parseArgs<T>>;
}

/** The dev secret: SEATKIT_SECRET, or one generated once into the data folder so `token` and `start` agree. */
function devSecret(dataDir: string, create: boolean): string {
  if (process.env.SEATKIT_SECRET) return process.env.SEATKIT_SECRET;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!create) fail(`no dev secret: set SEATKIT_SECRET or start the server once with --data ${dataDir}`);
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function authFromEnv(dataDir: string, seedDemo: boolean): AuthOptions {
  const mode = process.env.SEATKIT_AUTH ?? (seedDemo ? 'dev' : undefined);
  if (mode === 'dev') return { mode: 'dev', secret: devSecret(dataDir, true) };
  if (mode === 'jwt') {
    const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
    const jwksUrl = process.env.SEATKIT_JWKS_URL;
    const issuer = list(process.env.SEATKIT_JWT_ISSUER);
    const audience = list(process.env.SEATKIT_JWT_AUDIENCE);
    // Issuer and audience are what keep a token your provider issued for another app from signing in here.
    const missing = [!jwksUrl && 'SEATKIT_JWKS_URL', !issuer.length && 'SEATKIT_JWT_ISSUER', !audience.length && 'SEATKIT_JWT_AUDIENCE'].filter(Boolean);
    if (missing.length) fail(`SEATKIT_AUTH=jwt needs ${missing.join(', ')}`);
    return { mode: 'jwt', jwksUrl, issuer, audience, emailClaim: process.env.SEATKIT_JWT_EMAIL_CLAIM };
  }
  if (mode !== undefined) fail(`unknown SEATKIT_AUTH "${mode}" (dev or jwt)`);
  // Never fall back to dev tokens silently: anyone could mint them.
  return fail('choose an auth mode: SEATKIT_AUTH=dev (development) or SEATKIT_AUTH=jwt with SEATKIT_JWKS_URL, SEATKIT_JWT_ISSUER and SEATKIT_JWT_AUDIENCE; or start with --seed demo');
}

async function start(argv: string[]) {
  const { 'webhooks-allow-private': allowPrivateWebhooks, ...values } = parseCommand('start', START_USAGE, {
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './.seatkit' },
      seed: { type: 'string' },
      'log-level': { type: 'string' },
      'webhooks-allow-private': { type: 'boolean', default: process.env.SEATKIT_WEBHOOKS_ALLOW_PRIVATE === '1' },
      ...Object.fromEntries([...HTTP_FLAGS, ...DB_FLAGS, ...RATE_FLAGS, ...JOB_FLAGS, ...SHUTDOWN_FLAGS].map(([flag]) => [flag, { type: 'string' }])),
    },
  }).values;
  if (values.seed !== undefined && values.seed !== 'demo') fail(`unknown seed "${values.seed}" (only "demo")`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port}`);
  const limits = numberFlags(values as Record<string, string | undefined>, HTTP_FLAGS);
  const pgOptions = numberFlags(values as Record<string, string | undefined>, DB_FLAGS);
  if (pgOptions.max === 0) fail('invalid --db-pool-size 0 (at least 1)', START_USAGE);
  // 0 is "no cap" here, as for the timeouts; the server takes a cap as a number, and no invitation count reaches Infinity.
  const rateLimits = Object.fromEntries(
    Object.entries(numberFlags(values as Record<string, string | undefined>, RATE_FLAGS)).map(([name, cap]) => [name, cap === 0 ? Number.POSITIVE_INFINITY : cap]),
  );
  const { claimTimeoutMs, ...jobs } = numberFlags(values as Record<string, string | undefined>, JOB_FLAGS);
  const shutdown: ShutdownOptions = numberFlags(values as Record<string, string | undefined>, SHUTDOWN_FLAGS);
  const logLevel = (values['log-level'] ?? (process.env.SEATKIT_LOG_LEVEL || 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) fail(`invalid --log-level ${logLevel} (${LOG_LEVELS.join(', ')})`, START_USAGE);
  const ops = createServerOps({ level: logLevel });
  const dataDir = resolve(values.data);
  const seedDemo = values.seed === 'demo';
  const auth = authFromEnv(dataDir, seedDemo);
  // Invitation emails outside development must link to the real app, never silently to a developer's localhost.
  const appUrl = process.env.SEATKIT_APP_URL ?? (auth.mode === 'dev' ? 'http://localhost:5173' : undefined);
  if (!appUrl) fail('set SEATKIT_APP_URL to the app that hosts the accept-invitation page (invitation emails link to it)');
  try {
    if (!/^https?:$/.test(new URL(appUrl).protocol)) throw new Error('not http');
  } catch {
    fail(`SEATKIT_APP_URL is not an http(s) URL: ${appUrl}`);
  }

  let database;
  if (process.env.DATABASE_URL) {
    database = createPgDatabase({ connectionString: process.env.DATABASE_URL, ...pgOptions });
  } else {
    mkdirSync(dataDir, { recursive: true });
    database = await createPGliteDatabase({ dataDir: join(dataDir, 'pgdata') });
  }
  const corsOrigins = process.env.SEATKIT_CORS_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean);
  const server = await createSeatKitServer({
    database,
    auth,
    serverKey: process.env.SEATKIT_SERVER_KEY,
    appUrl,
    logger: ops.logger,
    onRequest: ops.onRequest,
    ...(process.env.SMTP_URL ? { mailer: createSmtpMailer({ url: process.env.SMTP_URL, from: process.env.SMTP_FROM }) } : {}),
    ...(corsOrigins ? { cors: { origins: corsOrigins } } : {}),
    rateLimits,
    secret: devSecret(dataDir, true),
    ...(claimTimeoutMs !== undefined ? { claimTimeoutMs } : {}),
    jobs,
    webhooks: { allowPrivate: allowPrivateWebhooks === true },
  });
  if (seedDemo) await server.seedDemo();
  const running = await startNodeServer(server, { port, hostname: values.host, ...limits, ops, metricsKey: process.env.SEATKIT_SERVER_KEY });

  const lines = [
    `SeatKit server listening on ${running.url}`,
    `  database: ${process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : `PGlite in ${join(dataDir, 'pgdata')}`}`,
    `  auth: ${auth.mode}${auth.mode === 'dev' ? ' (development tokens — never use in production)' : ''}`,
    `  API contract: ${running.url}/openapi.json`,
  ];
  if (allowPrivateWebhooks) lines.push('  webhooks: private addresses and http: allowed (--webhooks-allow-private; never in production)');
  if (auth.mode === 'dev') {
    // How to call this CLI where it was started: `npm start` runs it from sources (nothing built, so no
    // `npx seatkit-server`) and says so in SEATKIT_CLI_COMMAND.
    const cli = process.env.SEATKIT_CLI_COMMAND || 'npx seatkit-server';
    lines.push(
      `  dev mailbox: ${running.url}/dev/mailbox`,
      '',
      'Sign in as a demo user (prints a bearer token):',
      `  ${cli} token ${DEMO_USERS.owner.email} --data ${values.data}     # owner of Northwind Dental`,
      `  ${cli} token ${DEMO_USERS.admin.email} --data ${values.data}     # admin in Northwind Dental and Lakeside Clinic`,
      `  ${cli} token ${DEMO_USERS.member.email} --data ${values.data}    # member`,
      `  or POST ${running.url}/dev/token {"email": "..."}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ops.logger.info(`shutting down on ${signal}: draining for ${shutdown.drainDelayMs ?? SHUTDOWN_DEFAULTS.drainDelayMs} ms, then up to ${shutdown.timeoutMs ?? SHUTDOWN_DEFAULTS.timeoutMs} ms for requests in flight`);
    try {
      const { cutOff } = await running.shutdown(shutdown);
      if (cutOff) ops.logger.warn(`shutdown: ${cutOff} request(s) still running at the deadline were cut off`);
      ops.logger.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      ops.logger.error('shutdown failed', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** The HTTP limit flags of `start`: flag, variable, `startNodeServer` option. */
const HTTP_FLAGS = [
  ['headers-timeout', 'SEATKIT_HEADERS_TIMEOUT_MS', 'headersTimeoutMs'],
  ['request-timeout', 'SEATKIT_REQUEST_TIMEOUT_MS', 'requestTimeoutMs'],
  ['keep-alive-timeout', 'SEATKIT_KEEP_ALIVE_TIMEOUT_MS', 'keepAliveTimeoutMs'],
  ['max-connections', 'SEATKIT_MAX_CONNECTIONS', 'maxConnections'],
] as const satisfies readonly (readonly [string, string, keyof StartNodeServerOptions])[];

/** The Postgres flags of `start`: flag, variable, `createPgDatabase` option. */
const DB_FLAGS = [
  ['db-pool-size', 'SEATKIT_DB_POOL_SIZE', 'max'],
  ['db-statement-timeout', 'SEATKIT_DB_STATEMENT_TIMEOUT_MS', 'statementTimeoutMs'],
  ['db-lock-timeout', 'SEATKIT_DB_LOCK_TIMEOUT_MS', 'lockTimeoutMs'],
  ['db-idle-in-transaction-timeout', 'SEATKIT_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 'idleInTransactionTimeoutMs'],
  ['db-connect-timeout', 'SEATKIT_DB_CONNECT_TIMEOUT_MS', 'connectTimeoutMs'],
] as const satisfies readonly (readonly [string, string, keyof PgDatabaseOptions])[];

/** The periodic job flags of `start`: flag, variable, `jobs` option (or the server's `claimTimeoutMs`). */
const JOB_FLAGS = [
  ['jobs-interval', 'SEATKIT_JOBS_INTERVAL_MS', 'intervalMs'],
  ['email-claim-timeout', 'SEATKIT_EMAIL_CLAIM_TIMEOUT_MS', 'claimTimeoutMs'],
  ['outbox-retention-days', 'SEATKIT_OUTBOX_RETENTION_DAYS', 'outboxRetentionDays'],
  ['audit-retention-days', 'SEATKIT_AUDIT_RETENTION_DAYS', 'auditRetentionDays'],
  ['expired-reservation-days', 'SEATKIT_EXPIRED_RESERVATION_DAYS', 'expiredReservationDays'],
  ['webhook-retention-days', 'SEATKIT_WEBHOOK_RETENTION_DAYS', 'webhookRetentionDays'],
] as const satisfies readonly (readonly [string, string, keyof JobsOptions | 'claimTimeoutMs'])[];

/** The shutdown flags of `start`: flag, variable, `shutdown()` option. */
const SHUTDOWN_FLAGS = [
  ['shutdown-timeout', 'SEATKIT_SHUTDOWN_TIMEOUT_MS', 'timeoutMs'],
  ['shutdown-drain-delay', 'SEATKIT_SHUTDOWN_DRAIN_DELAY_MS', 'drainDelayMs'],
] as const satisfies readonly (readonly [string, string, keyof ShutdownOptions])[];

/** The invitation rate limit flags of `start`: flag, variable, `rateLimits` key. */
const RATE_FLAGS = [
  ['invitations-per-caller-per-hour', 'SEATKIT_INVITATIONS_PER_CALLER_PER_HOUR', 'invitationsPerCallerPerHour'],
  ['invitations-per-org-per-hour', 'SEATKIT_INVITATIONS_PER_ORG_PER_HOUR', 'invitationsPerOrgPerHour'],
] as const;

/**
 * The whole numbers given by flag or variable (the flag wins), keyed by option; what is not given keeps the default
 * of whoever takes the option. How values go together (headers within the request time) is theirs to check; their
 * error ends the CLI.
 */
function numberFlags<Option extends string>(values: Record<string, string | undefined>, flags: readonly (readonly [string, string, Option])[]): Partial<Record<Option, number>> {
  const numbers: Partial<Record<Option, number>> = {};
  for (const [flag, variable, option] of flags) {
    const text = values[flag] ?? process.env[variable];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) fail(`invalid --${flag} ${text} (a whole number ≥ 0${values[flag] === undefined ? `, from ${variable}` : ''})`, START_USAGE);
    numbers[option] = value;
  }
  return numbers;
}

async function token(argv: string[]) {
  const { values, positionals } = parseCommand('token', TOKEN_USAGE, {
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string', default: './.seatkit' } },
  });
  const email = positionals[0];
  if (!email || !email.includes('@') || positionals.length > 1) fail('token: give one email address', TOKEN_USAGE);
  if (process.env.SEATKIT_AUTH && process.env.SEATKIT_AUTH !== 'dev') fail('tokens can only be made in dev auth mode');
  const authenticator = createAuthenticator({ mode: 'dev', secret: devSecret(resolve(values.data), false) });
  process.stdout.write(`${await authenticator.sign!(email, new Date())}\n`);
}

async function reclaim(argv: string[]) {
  const { values } = parseCommand('reclaim', RECLAIM_USAGE, {
    args: argv,
    options: {
      org: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'idle-days': { type: 'string' },
      data: { type: 'string', default: './.seatkit' },
    },
  });
  if (!values.org) fail('reclaim: --org is required', RECLAIM_USAGE);
  const idleText = values['idle-days'];
  const idleDays = idleText === undefined ? undefined : Number(idleText);
  if (idleDays !== undefined && (!/^\d+$/.test(idleText!) || idleDays < 1 || idleDays > LIMITS.idleDaysMax)) {
    fail(`reclaim: invalid --idle-days ${idleText} (a whole number from 1 to ${LIMITS.idleDaysMax})`, RECLAIM_USAGE);
  }
  const dataDir = resolve(values.data);
  const database = process.env.DATABASE_URL
    ? createPgDatabase({ connectionString: process.env.DATABASE_URL })
    : await createPGliteDatabase({ dataDir: join(dataDir, 'pgdata') });
  try {
    await migrate(database);
    const now = new Date();
    const report = await idleSeatReport(database, values.org, now, idleDays);
    if (!report) fail(`reclaim: no organization ${values.org}`);
    const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'never');
    const lines = [`${report.orgName} (${values.org}): idle seats on ${now.toISOString().slice(0, 10)}${values['dry-run'] ? ' (dry run: nothing changed)' : ''}`];
    for (const { sub, idleDays: days, seats } of report.items) {
      lines.push('', `${sub.product_name} (${sub.id}): ${seats.length} of ${sub.assigned} assigned seats unused for ${days} days`);
      for (const s of seats) lines.push(`  ${s.member.email}  ${`${s.member.firstName} ${s.member.lastName}`.trim()}  assigned ${day(s.assignedAt)}  last used ${day(s.lastUsedAt)}`);
    }
    if (!values['dry-run']) {
      const secret = process.env.SEATKIT_SECRET ?? devSecret(dataDir, false);
      const cipher = await createOutboxCipher(secret);
      const appUrl = (process.env.SEATKIT_APP_URL ?? 'http://localhost:5173').replace(/\/+$/, '');
      const done = await database.transaction((tx) =>
        reclaimOrganization(tx, { orgId: values.org!, now, idleDays, appUrl, actorEmail: 'cli', email: (kind, message) => enqueueEmail(tx, cipher, kind, message, now) }),
      );
      const released = (done ?? []).reduce((n, d) => n + d.results.filter((r) => r.ok).length, 0);
      const skipped = (done ?? []).reduce((n, d) => n + d.results.filter((r) => !r.ok).length, 0);
      lines.push('', `Released ${released} seat(s)${skipped ? `; ${skipped} used since this report was read, kept` : ''}. Their holders are emailed by the running server.`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await database.close();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'start') await start(rest);
    else if (command === 'token') await token(rest);
    else if (command === 'reclaim') await reclaim(rest);
    else if (!command || command === '--help' || command === '-h' || command === 'help') process.stdout.write(HELP);
    else fail(`unknown command "${command}"`, HELP);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

void main();
