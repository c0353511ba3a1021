/**
 * `seatkit-server` — runs the SeatKit API on this machine.
 *
 *   seatkit-server start [--port 4000] [--host 127.0.0.1] [--data ./.seatkit] [--seed demo]
 *   seatkit-server token <email> [--data ./.seatkit]
 *
 * Runs from source too: `npx tsx packages/server/src/cli.ts start --seed demo`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuthenticator, type AuthOptions } from './auth.js';
import { createPGliteDatabase } from './db/pglite.js';
import { createPgDatabase, createSmtpMailer, startNodeServer } from './node.js';
import type { Logger } from './logger.js';
import { createSeatKitServer } from './server.js';
import { DEMO_USERS } from './seed.js';

const HELP = `seatkit-server — the SeatKit reference backend

Usage:
  seatkit-server start [--port 4000] [--host 127.0.0.1] [--data ./.seatkit] [--seed demo]
  seatkit-server token <email> [--data ./.seatkit]

Environment:
  DATABASE_URL          postgres://… to use a Postgres server (default: embedded PGlite in <data>/pgdata)
  SEATKIT_AUTH          dev | jwt (dev is also on with --seed demo)
  SEATKIT_SECRET        HS256 secret for dev tokens (default: generated into <data>/secret)
  SEATKIT_JWKS_URL, SEATKIT_JWT_ISSUER, SEATKIT_JWT_AUDIENCE, SEATKIT_JWT_EMAIL_CLAIM   jwt mode
  SEATKIT_SERVER_KEY    bearer key for the provisioning routes
  SEATKIT_APP_URL       base of invitation links (default http://localhost:5173)
  SEATKIT_CORS_ORIGINS  comma-separated allowed browser origins
  SMTP_URL, SMTP_FROM   send email over SMTP (default: log only; dev mailbox at /dev/mailbox)
`;

function fail(message: string): never {
  process.stderr.write(`seatkit-server: ${message}\n`);
  process.exit(1);
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
    const jwksUrl = process.env.SEATKIT_JWKS_URL;
    if (!jwksUrl) fail('SEATKIT_AUTH=jwt needs SEATKIT_JWKS_URL');
    const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
    return {
      mode: 'jwt',
      jwksUrl,
      issuer: list(process.env.SEATKIT_JWT_ISSUER),
      audience: list(process.env.SEATKIT_JWT_AUDIENCE),
      emailClaim: process.env.SEATKIT_JWT_EMAIL_CLAIM,
    };
  }
  // Never fall back to dev tokens silently: anyone could mint them.
  return fail('choose an auth mode: SEATKIT_AUTH=dev (development) or SEATKIT_AUTH=jwt with SEATKIT_JWKS_URL; or start with --seed demo');
}

const stdoutLogger: Logger = {
  info: (m) => process.stdout.write(`${m}\n`),
  warn: (m) => process.stderr.write(`${m}\n`),
  error: (m, e) => process.stderr.write(`${m} ${e instanceof Error ? (e.stack ?? e.message) : (e ?? '')}\n`),
};

async function start(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './.seatkit' },
      seed: { type: 'string' },
    },
  });
  if (values.seed !== undefined && values.seed !== 'demo') fail(`unknown seed "${values.seed}" (only "demo")`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port}`);
  const dataDir = resolve(values.data);
  const seedDemo = values.seed === 'demo';
  const auth = authFromEnv(dataDir, seedDemo);

  let database;
  if (process.env.DATABASE_URL) {
    database = createPgDatabase({ connectionString: process.env.DATABASE_URL });
  } else {
    mkdirSync(dataDir, { recursive: true });
    database = await createPGliteDatabase({ dataDir: join(dataDir, 'pgdata') });
  }
  const appUrl = process.env.SEATKIT_APP_URL ?? 'http://localhost:5173';
  const corsOrigins = process.env.SEATKIT_CORS_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean);
  const server = await createSeatKitServer({
    database,
    auth,
    serverKey: process.env.SEATKIT_SERVER_KEY,
    appUrl,
    logger: stdoutLogger,
    ...(process.env.SMTP_URL ? { mailer: createSmtpMailer({ url: process.env.SMTP_URL, from: process.env.SMTP_FROM }) } : {}),
    ...(corsOrigins ? { cors: { origins: corsOrigins } } : {}),
  });
  if (seedDemo) await server.seedDemo();
  const running = await startNodeServer(server, { port, hostname: values.host });

  const lines = [
    `SeatKit server listening on ${running.url}`,
    `  database: ${process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : `PGlite in ${join(dataDir, 'pgdata')}`}`,
    `  auth: ${auth.mode}${auth.mode === 'dev' ? ' (development tokens — never use in production)' : ''}`,
    `  API contract: ${running.url}/openapi.json`,
  ];
  if (auth.mode === 'dev') {
    lines.push(
      `  dev mailbox: ${running.url}/dev/mailbox`,
      '',
      'Sign in as a demo user (prints a bearer token):',
      `  npx seatkit-server token ${DEMO_USERS.owner.email} --data ${values.data}     # owner of Northwind Dental`,
      `  npx seatkit-server token ${DEMO_USERS.admin.email} --data ${values.data}     # admin in Northwind Dental and Lakeside Clinic`,
      `  npx seatkit-server token ${DEMO_USERS.member.email} --data ${values.data}    # member`,
      `  or POST ${running.url}/dev/token {"email": "..."}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function token(argv: string[]) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { data: { type: 'string', default: './.seatkit' } } });
  const email = positionals[0];
  if (!email || !email.includes('@')) fail('usage: seatkit-server token <email> [--data DIR]');
  if (process.env.SEATKIT_AUTH && process.env.SEATKIT_AUTH !== 'dev') fail('tokens can only be made in dev auth mode');
  const authenticator = createAuthenticator({ mode: 'dev', secret: devSecret(resolve(values.data), false) });
  process.stdout.write(`${await authenticator.sign!(email, new Date())}\n`);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'start') await start(rest);
    else if (command === 'token') await token(rest);
    else if (!command || command === '--help' || command === '-h' || command === 'help') process.stdout.write(HELP);
    else fail(`unknown command "${command}"\n\n${HELP}`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

void main();
