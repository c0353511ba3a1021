import {
  EmailSchema,
  routes,
  type OutboxEmail,
  type RouteDef,
  type RouteName,
} from '@seatkit/core/contract';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { createAuthenticator, type AuthOptions } from './auth.js';
import { CSRF_HEADER, crossSiteGuard } from './csrf.js';
import type { RateLimits, ServerSettings } from './context.js';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from './db/database.js';
import { DATA_TABLES, migrate } from './db/migrations.js';
import { renderMailboxHtml } from './dev-pages.js';
import { ApiError, toIssues, validationFailed } from './errors.js';
import { handlers } from './handlers/index.js';
import { createAuthenticate } from './pipeline/authenticate.js';
import { createRouteRunner, type Env, type PipelineHandler } from './pipeline/run-route.js';
import { unavailable } from './pipeline/retry.js';
import { MAX_BODY_BYTES, tooLarge } from './pipeline/validate.js';
import { redactPath } from './redact.js';
import { noStoreForApi } from './security-headers.js';
import { consoleLogger, type Logger } from './logger.js';
import { createLogMailer, DEFAULT_CLAIM_TIMEOUT_MS, dispatchOutbox, listOutbox, type DispatchResult, type Mailer, type OutboxOptions } from './mail.js';
import { createOutboxCipher } from './outbox-cipher.js';
import { LastActiveBuffer } from './pipeline/resolve-member.js';
import { createJobs, jobSettings, type JobsOptions, type JobsResult } from './scheduler.js';
import { buildOpenApi } from './openapi.js';
import { seedDemo, seedMembers, type DemoSeed } from './seed.js';
import { decodeCursor, encodeCursor, isoRequired, randomToken } from './util.js';
import { createWebhookKicker, WEBHOOK_DEFAULT_TIMEOUT_MS, type WebhookDeliveryOptions } from './webhooks/delivery.js';
import { defaultResolveHost, type WebhooksOptions } from './webhooks/options.js';
import { defaultWebhookTransport, fetchTransport } from './webhooks/transport.js';

export interface SeatKitServerOptions {
  /** Where data lives; migrations run against it when the server is created. */
  database: Database;
  /**
   * Who is calling — exactly one way in:
   * - `{ mode: 'dev', secret }`: development bearer tokens (never in production);
   * - `{ mode: 'jwt', jwksUrl, issuer, audience }`: bearer JWTs from your identity provider;
   * - `{ mode: 'custom', authenticate }`: your own sessions (cookies, Auth.js, a gateway header); mutations are then
   *   checked against cross-site requests.
   */
  auth: AuthOptions;
  /**
   * The path the API is served under when requests reach `server.fetch` / `server.app.fetch` with their full URL
   * (a Next.js catch-all route handler, Express with `req.originalUrl`), e.g. `/api/seatkit`. Leave it unset when a
   * Hono host mounts `server.app` with `host.route('/seatkit', server.app)`: Hono strips the prefix itself.
   * `/openapi.json` lists the path it was reached under as its server either way. Default: none (served at `/`).
   */
  basePath?: string;
  /** Bearer key for the provisioning routes (`POST /v1/orgs`, products, subscriptions). Without it they answer 401. */
  serverKey?: string;
  /** Base URL of the app that hosts the accept page. Default `http://localhost:5173`. */
  appUrl?: string;
  /** Sends the outbox emails. Default: logs the recipient and subject (bodies stay readable in the dev mailbox). */
  mailer?: Mailer;
  /** Default: warnings and errors to the console. */
  logger?: Logger;
  /** The clock, injectable for tests (invitation expiry, token expiry). Default `() => new Date()`. */
  now?: () => Date;
  /**
   * Browser origins allowed to call the API. Default in dev mode: `http://localhost:5173` and `http://localhost:6006`;
   * otherwise none (same-origin only). `false` turns CORS handling off (a host adds its own).
   */
  cors?: { origins: string[] } | false;
  /** Serve `/dev/*` (mailbox, tokens, users). Default: on in dev auth mode, off otherwise. */
  devRoutes?: boolean;
  /** Wait for outbox emails to be handed to the mailer before answering. Default `false`. */
  awaitEmails?: boolean;
  /**
   * Caps on emails to new people (invitations, resends, direct adds) per rolling hour, per caller and per
   * organization; over the cap a request is `429 rate_limited` with `Retry-After`. `false` turns them off.
   * Default `{ invitationsPerCallerPerHour: 1000, invitationsPerOrgPerHour: 5000 }`.
   */
  rateLimits?: Partial<RateLimits> | false;
  /**
   * The key material outbox email bodies are sealed with (AES-256-GCM, key derived with HKDF), so no invitation token is
   * ever stored in clear. Give every instance sharing a database the same one. Default: the dev secret in dev auth mode;
   * otherwise a random one per process (with a warning): emails an instance queued and did not send before it stopped
   * can then be sent by no other instance.
   */
  secret?: string;
  /** An outbox email claimed this long ago by an instance that did not send it (crashed, hung) is sent again. Default 30 seconds. */
  claimTimeoutMs?: number;
  /** The periodic jobs (email retries, purges, activity stamps): interval and retention periods. */
  jobs?: JobsOptions;
  /**
   * Webhooks (`/v1/webhook-endpoints`, delivered by the periodic jobs): the SSRF guard's resolver, `allowPrivate` for
   * local development, the timeout per attempt. Endpoint secrets are sealed with `secret`.
   */
  webhooks?: WebhooksOptions;
  /**
   * Called once per request with its answer (structured logs, metrics; see `@seatkit/server/node`'s ops). When set,
   * the server no longer writes its own one-line `info` per request.
   */
  onRequest?: (event: RequestEvent) => void;
}

/** One answered request, as `onRequest` receives it. Never holds a token, header value or body. */
export interface RequestEvent {
  /** The incoming `X-Request-Id` when it is sane (1–128 of `A–Z a–z 0–9 . _ : -`), else a generated UUID; echoed in the answer. */
  requestId: string;
  method: string;
  /** The route's template (`/v1/orgs/:orgId/members`), or `null` for a path no route took. */
  route: string | null;
  status: number;
  durationMs: number;
  /** The `:orgId` of the route, when it has one. */
  orgId: string | null;
}

/** What the periodic jobs' timer of this instance did last (`/readyz` reads it). */
export interface JobsStatus {
  /** `0`: the timer is off. */
  intervalMs: number;
  /** When the timer was started (the server's creation). */
  startedAt: Date;
  /** When a run of the jobs last finished on this instance, or `null`. */
  lastRunAt: Date | null;
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface SeatKitServer {
  /** The Hono app; mount it in a host Hono app with `host.route('/seatkit', server.app)`. */
  readonly app: Hono;
  readonly database: Database;
  fetch(request: Request): Promise<Response>;
  /** Loads the demo organizations (once; a second call returns the existing ids). */
  seedDemo(): Promise<DemoSeed>;
  /** Adds `count` generated members to an organization in one statement, then refreshes the planner's statistics. Returns their count. */
  seedMembers(orgId: string, count: number): Promise<number>;
  /** Empties every table (tests, stories). */
  reset(): Promise<void>;
  /** A development bearer token for `email` (dev auth only). */
  devToken(email: string): Promise<string>;
  /** Every email the outbox holds, oldest first, bodies opened. */
  mailbox(): Promise<OutboxEmail[]>;
  /** Sends pending outbox emails now (normally done after each change). */
  dispatchEmails(): Promise<DispatchResult>;
  /**
   * Runs the periodic jobs once: retries due emails, purges what is past retention, writes activity stamps. The server
   * runs it every `jobs.intervalMs`; each job runs on one instance at a time.
   */
  runJobs(): Promise<JobsResult>;
  /** The periodic jobs' timer on this instance: its interval and last finished run. */
  jobsStatus(): JobsStatus;
  /**
   * Stops the periodic jobs' timer and any email dispatch after the email being sent: the emails it claimed and has not
   * started are handed back at once (another instance sends them on its next run). Part of a graceful shutdown.
   */
  stopBackgroundWork(): Promise<void>;
  /** Waits for email dispatch and closes the database. */
  close(): Promise<void>;
}

const DEFAULT_DEV_ORIGINS = ['http://localhost:5173', 'http://localhost:6006', 'http://127.0.0.1:5173', 'http://127.0.0.1:6006'];

/**
 * Creates the SeatKit API (a Hono app) over a database. Browser-safe: Storybook runs it with in-browser PGlite.
 *
 * @example
 * const server = await createSeatKitServer({ database: await createPGliteDatabase(), auth: { mode: 'dev', secret: 's' } });
 * const res = await server.fetch(new Request('http://x/v1/me', { headers: { authorization: `Bearer ${await server.devToken('a@b.c')}` } }));
 */
export async function createSeatKitServer(options: SeatKitServerOptions): Promise<SeatKitServer> {
  const { database } = options;
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  const authOptions = options.auth;
  const authenticator = authOptions.mode === 'custom' ? null : createAuthenticator(authOptions);
  if (authOptions.mode === 'custom' && typeof authOptions.authenticate !== 'function') {
    throw new Error('SeatKit: auth.authenticate must be a function (request) => { email } | null in custom mode');
  }
  const devMode = authOptions.mode === 'dev';
  if (!devMode && !options.appUrl) {
    logger.warn('[seatkit] appUrl is not set: invitation links point to http://localhost:5173. Set appUrl to the app that hosts the accept page.');
  }
  const basePath = normalizeBasePath(options.basePath);
  const devRoutes = options.devRoutes ?? devMode;
  const mailer = options.mailer ?? createLogMailer(logger);
  const jobs = jobSettings(options.jobs);
  const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
  if (!Number.isSafeInteger(claimTimeoutMs) || claimTimeoutMs < 1000) throw new Error(`SeatKit: claimTimeoutMs must be a whole number ≥ 1000 (got ${claimTimeoutMs})`);
  const secret = options.secret ?? (authOptions.mode === 'dev' ? authOptions.secret : undefined);
  if (!secret) {
    logger.warn('[seatkit] secret is not set: outbox emails are sealed with a key of this process only; set secret (SEATKIT_SECRET), the same on every instance.');
  }
  const outboxCipher = await createOutboxCipher(secret ?? randomToken(32));
  const webhookTimeoutMs = options.webhooks?.timeoutMs ?? WEBHOOK_DEFAULT_TIMEOUT_MS;
  if (!Number.isSafeInteger(webhookTimeoutMs) || webhookTimeoutMs < 1) throw new Error(`SeatKit: webhooks.timeoutMs must be a whole number ≥ 1 (got ${webhookTimeoutMs})`);
  const webhookGuard = { allowPrivate: options.webhooks?.allowPrivate === true, resolveHost: options.webhooks?.resolveHost ?? (await defaultResolveHost()) };
  const settings: ServerSettings = {
    appUrl: (options.appUrl ?? 'http://localhost:5173').replace(/\/+$/, ''),
    now,
    rateLimits: options.rateLimits === false ? false : { invitationsPerCallerPerHour: 1000, invitationsPerOrgPerHour: 5000, ...options.rateLimits },
    // The kicker is made below, before any request can come.
    webhooks: { cipher: outboxCipher, guard: webhookGuard, mayDeliver: () => webhookKicker.mayDeliver() },
  };
  const lastActive = new LastActiveBuffer();

  await migrate(database);

  // ------------------------------------------------------------ email dispatch (after commit)
  const outbox: OutboxOptions = {
    database,
    mailer,
    logger,
    now,
    cipher: outboxCipher,
    claimTimeoutMs,
    messageIdDomain: new URL(settings.appUrl).hostname || 'seatkit.invalid',
    retainBodies: devRoutes,
  };
  let dispatching: Promise<DispatchResult> | null = null;
  let dispatchAgain = false;
  const dispatch = (): Promise<DispatchResult> => {
    if (dispatching) {
      dispatchAgain = true;
      return dispatching;
    }
    dispatching = (async () => {
      const total: DispatchResult = { sent: 0, failed: 0 };
      do {
        dispatchAgain = false;
        const r = await dispatchOutbox(outbox);
        total.sent += r.sent;
        total.failed += r.failed;
      } while (dispatchAgain);
      return total;
    })().finally(() => {
      dispatching = null;
    });
    return dispatching;
  };
  const kickDispatch = async () => {
    const run = dispatch().catch((error: unknown) => {
      logger.error('[seatkit] email dispatch failed', error);
      return { sent: 0, failed: 0 };
    });
    if (options.awaitEmails) await run;
  };

  // ------------------------------------------------------------ app
  // Routes are registered under the base path, so a full-URL request (Next.js, Express's originalUrl) matches them.
  const app = basePath ? new Hono<Env>().basePath(basePath) : new Hono<Env>();

  // The contract route that took a request, and its organization (set by the route's handler below).
  const matched = new WeakMap<Request, { route: string; orgId: string | null }>();
  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    c.res.headers.set('x-request-id', requestId);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    if (options.onRequest) {
      // Other routes (openapi, dev): Hono's path of the last handler that ran; a catch-all means no route took it.
      const own = matched.get(c.req.raw);
      const routePath = own ? own.route : c.req.routePath;
      const route = routePath && !routePath.includes('*') ? routePath : null;
      options.onRequest({ requestId, method: c.req.method, route, status: c.res.status, durationMs, orgId: own?.orgId ?? null });
      return;
    }
    // Invitation tokens travel in the path: never log them.
    const path = redactPath(new URL(c.req.url).pathname);
    logger.info(`${c.req.method} ${path} ${c.res.status} ${Math.round(durationMs)}ms`);
  });

  app.use(
    '*',
    secureHeaders({
      // A JSON API meant to be called cross-origin (CORS decides who may): no CORP/COEP/COOP.
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
      // TLS is the host's business (a proxy in front); HSTS on plain-http dev servers only confuses browsers.
      strictTransportSecurity: false,
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      referrerPolicy: 'no-referrer',
    }),
  );

  app.use('*', noStoreForApi());

  // A change that committed may have queued webhooks: their first attempt starts now, on this instance, and the
  // response does not wait for it (webhooks/delivery.ts, createWebhookKicker).
  app.use('*', async (c, next) => {
    await next();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.res.status < 400) webhookKicker.kick();
  });

  const corsOrigins = options.cors === false ? null : (options.cors?.origins ?? (devMode ? DEFAULT_DEV_ORIGINS : []));
  if (corsOrigins) {
    const allowed = new Set(corsOrigins);
    app.use(
      '*',
      cors({
        // The origin is echoed only when allow-listed. Bearer modes keep credentials off (tokens travel in
        // Authorization); custom mode may read a cookie, which a cross-origin browser call sends only with credentials.
        origin: (origin) => (allowed.has(origin) ? origin : null),
        credentials: authOptions.mode === 'custom',
        allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id', CSRF_HEADER],
        exposeHeaders: ['x-request-id', 'idempotent-replayed', 'retry-after'],
        maxAge: 600,
      }),
    );
  }

  const errorResponse = (c: Context<Env>, error: ApiError) => {
    const body = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details !== undefined ? { details: error.details } : {}),
        requestId: c.get('requestId'),
      },
    };
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
    return c.json(body, error.status as 400);
  };

  // A session the browser attaches by itself (custom mode may read a cookie) is a cross-site request forgery risk;
  // bearer tokens are not (a browser never attaches one on its own), so dev and jwt modes skip this.
  if (authOptions.mode === 'custom') {
    app.use(
      '*',
      crossSiteGuard({
        allowedOrigins: corsOrigins ?? [],
        refuse: (c, reason) => errorResponse(c as Context<Env>, new ApiError('cross_site_request', reason)),
      }),
    );
  }

  // Counted while the body streams in (with or without Content-Length) and before authentication, so nobody can make
  // the server buffer more than the limit.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c as Context<Env>, tooLarge()),
    }),
  );

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    // The database failing to answer in time is no bug of the server and no fault of the request: 503, not 500.
    const down = unavailable(error);
    if (down) {
      logger.warn(`[seatkit] ${c.req.method} ${redactPath(new URL(c.req.url).pathname)} answered 503: database ${down.fault} (request ${c.get('requestId')}): ${error.message}`);
      return errorResponse(c, down.error);
    }
    // Never leak internals: the log has the details, the client gets the request id to quote.
    logger.error(`[seatkit] ${c.req.method} ${redactPath(new URL(c.req.url).pathname)} failed (request ${c.get('requestId')})`, error);
    return errorResponse(c, new ApiError('internal', 'Something went wrong on the server. Quote the request id when reporting it.'));
  });
  app.notFound((c) => errorResponse(c, new ApiError('not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}`)));

  // The prefix the request came through (a host's route(), a Next.js catch-all, basePath), read from the request itself:
  // the host's mount point is not known here otherwise.
  app.get('/openapi.json', (c) => c.json(buildOpenApi(mountPrefix(c.req.path, '/openapi.json') || '/')));
  app.get('/', (c) => {
    const prefix = mountPrefix(c.req.path, '/');
    return c.json({ name: 'SeatKit API', openapi: `${prefix}/openapi.json`, ...(devRoutes ? { mailbox: `${prefix}/dev/mailbox` } : {}) });
  });

  // ------------------------------------------------------------ contract routes
  const runRoute = createRouteRunner({
    database,
    settings,
    authenticate: createAuthenticate({ auth: authOptions, authenticator, serverKey: options.serverKey, now }),
    onEmailsQueued: kickDispatch,
    outboxCipher,
    lastActive,
  });
  for (const name of Object.keys(routes) as RouteName[]) {
    const def: RouteDef = routes[name];
    // One boundary cast: the pipeline hands each handler the params, query and body its route's schemas let through,
    // which are the types `defineHandler` gave it.
    const handler = handlers[name] as unknown as PipelineHandler;
    app.on(def.method, def.path, (c) => {
      matched.set(c.req.raw, { route: def.path, orgId: def.path.includes(':orgId') ? (c.req.param('orgId') ?? null) : null });
      return runRoute(c, def, handler);
    });
  }

  // ------------------------------------------------------------ dev routes
  const devToken = async (email: string) => {
    if (!authenticator?.sign) throw new Error('SeatKit: devToken() needs auth mode "dev"');
    return authenticator.sign(email, now());
  };
  const mailbox = async (): Promise<OutboxEmail[]> => {
    const all: OutboxEmail[] = [];
    for (let before: string | undefined; ; ) {
      const page = await listOutbox(database, outboxCipher, { limit: 500, before });
      all.push(...page.items);
      if (!page.next) return all.reverse();
      before = page.next;
    }
  };
  /** `?limit` (1–100, default 50) and `?cursor` as in the API's lists; newest first. */
  const mailboxPage = async (c: Context<Env>) => {
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? 50 : Number(limitText);
    const cursorText = c.req.query('cursor');
    const after = cursorText === undefined ? null : decodeCursor(cursorText);
    const issues = [
      ...(Number.isInteger(limit) && limit >= 1 && limit <= 100 ? [] : [{ path: ['limit'], message: 'Must be a whole number from 1 to 100', code: 'too_big' }]),
      ...(cursorText === undefined || (after?.length === 1 && /^\d+$/.test(String(after[0]))) ? [] : [{ path: ['cursor'], message: 'Not a cursor this list gave', code: 'invalid_cursor' }]),
    ];
    if (issues.length) throw validationFailed(issues);
    const page = await listOutbox(database, outboxCipher, { limit, before: after ? String(after[0]) : undefined });
    return { items: page.items, nextCursor: page.next === null ? null : encodeCursor([page.next]) };
  };

  if (devRoutes) {
    app.get('/dev/mailbox.json', async (c) => c.json(await mailboxPage(c)));
    app.get('/dev/mailbox', async (c) => c.html(renderMailboxHtml((await mailboxPage(c)).items)));
    app.post('/dev/token', async (c) => {
      let parsed: unknown;
      try {
        parsed = await c.req.json();
      } catch {
        throw validationFailed([{ path: [], message: 'The body is not valid JSON', code: 'invalid_json' }]);
      }
      const email = z.safeParse(z.object({ email: EmailSchema }), parsed);
      if (!email.success) throw validationFailed(toIssues(email.error.issues as never));
      return c.json({ token: await devToken(email.data.email) });
    });
    app.get('/dev/users', async (c) => {
      const { rows } = await database.query<{ email: string; first_name: string; last_name: string; memberships: { orgId: string; orgName: string; role: string }[] | null }>(
        `select u.email, u.first_name, u.last_name,
                (select json_agg(json_build_object('orgId', o.id, 'orgName', o.name, 'role', m.role) order by o.name)
                   from members m join organizations o on o.id = m.org_id where m.user_id = u.id) as memberships
           from users u order by u.email`,
      );
      return c.json(
        rows.map((r) => ({ email: r.email, firstName: r.first_name, lastName: r.last_name, memberships: r.memberships ?? [] })),
      );
    });
  }

  // Last, so it only catches what no route took: a host mounting the app with route() keeps the contract's 404 under
  // its prefix (Hono does not carry a sub-app's notFound handler over to the host). Only the API's own namespace, so a
  // host that mounts at '/' keeps its other paths.
  const unknownRoute = (c: Context<Env>) => errorResponse(c, new ApiError('not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.all('/v1/*', unknownRoute);
  app.all('/dev/*', unknownRoute);

  // ------------------------------------------------------------ periodic jobs
  const webhooks: WebhookDeliveryOptions = {
    database,
    logger,
    now,
    cipher: outboxCipher,
    guard: webhookGuard,
    timeoutMs: webhookTimeoutMs,
    transport: options.webhooks?.fetch ? fetchTransport(options.webhooks.fetch) : await defaultWebhookTransport(),
  };
  const webhookKicker = createWebhookKicker(webhooks);
  const scheduled = createJobs({ database, logger, now, settings: jobs, outbox, lastActive, appUrl: settings.appUrl, webhooks });
  let jobsRunning: Promise<JobsResult> | null = null;
  const jobsStatus: JobsStatus = { intervalMs: jobs.intervalMs, startedAt: new Date(), lastRunAt: null };
  // `server.runJobs()` first waits for the deliveries this instance's changes kicked, so its caller sees their outcome
  // too; the timer does not (a steady stream of writes keeps kicking, and must not hold the other jobs back).
  const runJobsNow = (afterKicks = false): Promise<JobsResult> => {
    jobsRunning ??= (afterKicks ? webhookKicker.idle() : Promise.resolve()).then(scheduled.runJobs).finally(() => {
      jobsRunning = null;
      jobsStatus.lastRunAt = new Date();
    });
    return jobsRunning;
  };
  let timer = jobs.intervalMs > 0 ? setInterval(() => void runJobsNow().catch(() => {}), jobs.intervalMs) : null;
  // A Node process may exit with the timer pending (browsers have no unref).
  (timer as { unref?: () => void } | null)?.unref?.();

  let closed = false;
  return {
    app: app as unknown as Hono,
    database,
    fetch: (request) => Promise.resolve(app.fetch(request)),
    seedDemo: () => seedDemo(database, now, settings.appUrl, outboxCipher),
    seedMembers: (orgId, count) => seedMembers(database, orgId, count, now),
    async reset() {
      await webhookKicker.idle();
      if (jobsRunning) await jobsRunning.catch(() => {});
      if (dispatching) await dispatching.catch(() => {});
      await database.exec(`truncate ${DATA_TABLES.join(', ')} restart identity cascade`);
    },
    devToken,
    mailbox,
    dispatchEmails: dispatch,
    runJobs: () => runJobsNow(true),
    jobsStatus: () => ({ ...jobsStatus }),
    async stopBackgroundWork() {
      if (timer) clearInterval(timer);
      timer = null;
      outbox.stopping = true;
      webhookKicker.stop();
      await webhookKicker.idle();
      if (jobsRunning) await jobsRunning.catch(() => {});
      if (dispatching) await dispatching.catch(() => {});
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      webhookKicker.stop();
      await webhookKicker.idle();
      if (jobsRunning) await jobsRunning.catch(() => {});
      if (dispatching) await dispatching.catch(() => {});
      await database.close();
    },
  };
}

/** `/seatkit/` → `/seatkit`; `''`, `/` or undefined → `''` (served at the root). */
function normalizeBasePath(path: string | undefined): string {
  if (!path) return '';
  if (!path.startsWith('/') || /[?#*:]/.test(path)) throw new Error(`SeatKit: basePath must be a path like "/api/seatkit" (got "${path}")`);
  return path.replace(/\/+$/, '');
}

/** The part of `path` before the route's own `suffix`: `/seatkit/openapi.json` → `/seatkit`. */
function mountPrefix(path: string, suffix: string): string {
  const withoutSlash = path.replace(/\/+$/, '');
  const own = suffix.replace(/\/+$/, '');
  return withoutSlash.endsWith(own) ? withoutSlash.slice(0, withoutSlash.length - own.length) : '';
}
