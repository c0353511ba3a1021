import {
  EmailSchema,
  EmptyBodySchema,
  routes,
  type OutboxEmail,
  type RouteDef,
  type RouteName,
} from '@seatkit/core/contract';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { createAuthenticator, type AuthOptions, type HostIdentity } from './auth.js';
import { CSRF_HEADER, crossSiteGuard } from './csrf.js';
import type { Handler, HandlerContext, RateLimits, ServerSettings } from './context.js';
import { secureHeaders } from 'hono/secure-headers';
import type { Database, Queryable } from './db/database.js';
import { DATA_TABLES, migrate } from './db/migrations.js';
import { renderMailboxHtml } from './dev-pages.js';
import { ApiError, forbidden, notFound, toIssues, validationFailed } from './errors.js';
import { handlers } from './handlers/index.js';
import { findUnstorable, UNSTORABLE_MESSAGE } from './input-guard.js';
import { redactPath } from './redact.js';
import { noStoreForApi } from './security-headers.js';
import { consoleLogger, type Logger } from './logger.js';
import { createLogMailer, dispatchOutbox, enqueueEmail, type DispatchResult, type Mailer } from './mail.js';
import { buildOpenApi } from './openapi.js';
import { loadOrg, MEMBER_SELECT, memberPermissions, upsertUser, type MemberRow, type UserRow } from './repo.js';
import { seedDemo, seedMembers, type DemoSeed } from './seed.js';
import { constantTimeEqual, isoRequired, sha256Hex } from './util.js';

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
}

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
  /** Every email the server queued, oldest first. */
  mailbox(): Promise<OutboxEmail[]>;
  /** Sends pending outbox emails now (normally done after each change). */
  dispatchEmails(): Promise<DispatchResult>;
  /** Waits for email dispatch and closes the database. */
  close(): Promise<void>;
}

type Env = { Variables: { requestId: string } };

const MAX_BODY_BYTES = 256 * 1024;
const LAST_ACTIVE_INTERVAL_MS = 5 * 60_000;
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
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
  const settings: ServerSettings = {
    appUrl: (options.appUrl ?? 'http://localhost:5173').replace(/\/+$/, ''),
    now,
    rateLimits: options.rateLimits === false ? false : { invitationsPerCallerPerHour: 1000, invitationsPerOrgPerHour: 5000, ...options.rateLimits },
  };

  await migrate(database);

  // ------------------------------------------------------------ email dispatch (after commit)
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
        const r = await dispatchOutbox({ database, mailer, logger, now, retainBodies: devRoutes });
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

  app.use('*', async (c, next) => {
    const requestId = crypto.randomUUID();
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    const started = Date.now();
    await next();
    c.res.headers.set('x-request-id', requestId);
    // Invitation tokens travel in the path: never log them.
    const path = redactPath(new URL(c.req.url).pathname);
    logger.info(`${c.req.method} ${path} ${c.res.status} ${Date.now() - started}ms`);
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
      onError: (c) => errorResponse(c as Context<Env>, new ApiError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes`)),
    }),
  );

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
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
  const authenticateUser = async (c: Context<Env>, db: Queryable): Promise<UserRow> => {
    if (authOptions.mode === 'custom') {
      const identity = hostIdentity(await callHostAuthenticate(authOptions.authenticate, c.req.raw));
      if (!identity) throw new ApiError('unauthorized', 'Sign in first: the host did not recognize a session on this request');
      return upsertUser(db, identity.email, identity);
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError('unauthorized', 'Sign in first: send "Authorization: Bearer <token>"');
    const identity = await authenticator!.verify(match[1]!, now());
    return upsertUser(db, identity.email, identity);
  };

  const authenticateServer = (c: Context<Env>) => {
    if (!options.serverKey) throw new ApiError('unauthorized', 'Provisioning is disabled: the server has no server key configured');
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!match || !constantTimeEqual(match[1]!, options.serverKey)) throw new ApiError('unauthorized', 'A valid server key is required');
  };

  const readBody = async (c: Context<Env>, def: RouteDef): Promise<{ raw: string; value: unknown }> => {
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_BODY_BYTES) throw new ApiError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes`);
    const raw = await c.req.text();
    if (raw.length > MAX_BODY_BYTES) throw new ApiError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes`);
    const schema = def.body ?? EmptyBodySchema;
    let parsed: unknown = {};
    if (raw.trim() !== '') {
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw validationFailed([{ path: [], message: 'The body is not valid JSON', code: 'invalid_json' }], 'The body is not valid JSON');
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw validationFailed([{ path: [], message: 'The body must be a JSON object', code: 'invalid_type' }], 'The body must be a JSON object');
    }
    // Checked before the schema: an item-by-item bulk body passes its items through unparsed.
    const bad = findUnstorable(parsed);
    if (bad) throw validationFailed([{ path: bad, message: UNSTORABLE_MESSAGE, code: 'invalid_characters' }]);
    const result = z.safeParse(schema, parsed);
    if (!result.success) throw validationFailed(toIssues(result.error.issues as never));
    return { raw, value: result.data };
  };

  const run = async (c: Context<Env>, name: RouteName, def: RouteDef, handler: Handler): Promise<Response> => {
    const requestId = c.get('requestId');
    const requestNow = now();
    const params = c.req.param() as Record<string, string>;
    for (const value of Object.values(params)) {
      if (value.length > 200 || value.includes('\u0000')) throw notFound();
    }

    let user: UserRow | null = null;
    if (def.auth === 'user') user = await authenticateUser(c, database);
    if (def.auth === 'server') authenticateServer(c);

    // Query first: a malformed query fails the same way for everyone.
    let query: unknown = {};
    if (def.query) {
      const raw = Object.fromEntries(new URL(c.req.url).searchParams);
      const bad = findUnstorable(raw);
      if (bad) throw validationFailed([{ path: bad, message: UNSTORABLE_MESSAGE, code: 'invalid_characters' }]);
      const result = z.safeParse(def.query, raw);
      if (!result.success) throw validationFailed(toIssues(result.error.issues as never));
      query = result.data;
    }

    // Tenancy: outside an organization (or suspended in it) the organization does not exist for the caller.
    let member: MemberRow | null = null;
    let org = null;
    if (params.orgId !== undefined) {
      if (def.auth === 'user') {
        const { rows } = await database.query<MemberRow>(`${MEMBER_SELECT} where m.org_id = $1 and m.user_id = $2`, [params.orgId, user!.id]);
        member = rows[0] ?? null;
        if (name === 'checkAccess' && !member) {
          // Same answer whether the org exists or not, so it reveals nothing; gates need the reason.
          return c.json({ allowed: false, reason: 'not_a_member' }, 200);
        }
        if (!member || (member.status !== 'active' && name !== 'checkAccess')) throw notFound('Organization');
      }
      org = await loadOrg(database, params.orgId);
      if (!org) throw notFound('Organization');
      if (def.permission && !memberPermissions(member!).includes(def.permission)) throw forbidden(def.permission);
      if (member && member.status === 'active') {
        const last = member.last_active_at ? new Date(member.last_active_at).getTime() : 0;
        if (requestNow.getTime() - last > LAST_ACTIVE_INTERVAL_MS) {
          await database.query(`update members set last_active_at = $2 where id = $1`, [member.id, requestNow]);
        }
      }
    }

    const mutation = def.method !== 'GET';
    const body = mutation ? await readBody(c, def) : { raw: '', value: {} };

    const makeCtx = (db: Queryable, emailsQueued: { count: number }): HandlerContext => ({
      db,
      settings,
      now: requestNow,
      requestId,
      params,
      query,
      body: body.value,
      user,
      member,
      org,
      async audit(event) {
        await db.query(
          `insert into audit_events (org_id, actor_member_id, actor_email, action, target_type, target_id, data, request_id, created_at)
           values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
          [
            event.orgId ?? org?.id ?? null,
            member?.id ?? null,
            user?.email ?? (def.auth === 'server' ? 'server' : null),
            event.action,
            event.targetType,
            event.targetId,
            JSON.stringify(event.data ?? {}),
            requestId,
            requestNow,
          ],
        );
      },
      async email(kind, message) {
        emailsQueued.count++;
        await enqueueEmail(db, kind, message, requestNow);
      },
    });

    const respond = (status: number, payload: unknown, replayed = false) => {
      if (replayed) c.header('idempotent-replayed', 'true');
      if (status === 204) return c.body(null, 204);
      return c.json(payload as object, status as 200);
    };

    if (!mutation) {
      const result = await handler(makeCtx(database, { count: 0 }));
      return respond(def.status, shape(def, result));
    }

    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 1 || key.length > 255)) {
      throw validationFailed([{ path: ['Idempotency-Key'], message: 'Must be 1–255 characters', code: 'invalid_idempotency_key' }]);
    }
    const scope = user ? `user:${user.id}` : 'server';
    const requestHash = key ? await sha256Hex(`${def.method} ${new URL(c.req.url).pathname}\n${body.raw}`) : '';
    const emails = { count: 0 };

    const outcome = await withRetry(() =>
      database.transaction(async (tx) => {
        emails.count = 0;
        // The caller's membership as of this transaction: a request racing the caller's removal, suspension or demotion
        // must not act on the copy read before it began (that was a 500 from a foreign key). Not locked: a lock here,
        // taken before the handlers' organization lock, deadlocks with ownership transfers.
        if (member) {
          const { rows } = await tx.query<MemberRow>(`${MEMBER_SELECT} where m.id = $1`, [member.id]);
          const fresh = rows[0];
          if (!fresh || fresh.status !== 'active') throw notFound('Organization');
          if (def.permission && !memberPermissions(fresh).includes(def.permission)) throw forbidden(def.permission);
          member = fresh;
        }
        if (key) {
          // Claim the key inside the mutation's transaction: a concurrent retry waits here for the first to finish.
          // Keys are kept 24 hours; after that the same key starts a new request.
          const claimed = await tx.query(
            `insert into idempotency_keys (scope, key, request_hash, created_at) values ($1, $2, $3, $4)
             on conflict (scope, key) do update
               set request_hash = excluded.request_hash, status = null, response = null, created_at = excluded.created_at
               where idempotency_keys.created_at < $5
             returning key`,
            [scope, key, requestHash, requestNow, new Date(requestNow.getTime() - IDEMPOTENCY_TTL_MS)],
          );
          if (!claimed.rows.length) {
            const { rows } = await tx.query<{ request_hash: string; status: number; response: unknown }>(
              `select request_hash, status, response from idempotency_keys where scope = $1 and key = $2`,
              [scope, key],
            );
            const stored = rows[0]!;
            if (stored.request_hash !== requestHash) {
              throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used for a different request');
            }
            return { status: stored.status, payload: stored.response, replayed: true };
          }
        }
        const result = await handler(makeCtx(tx, emails));
        const payload = shape(def, result);
        if (key) {
          await tx.query(`update idempotency_keys set status = $3, response = $4::jsonb where scope = $1 and key = $2`, [
            scope,
            key,
            def.status,
            JSON.stringify(payload ?? null),
          ]);
        }
        return { status: def.status as number, payload, replayed: false };
      }),
    );
    if (emails.count > 0 && !outcome.replayed) await kickDispatch();
    return respond(outcome.status, outcome.payload, outcome.replayed);
  };

  for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
    const handler = handlers[name];
    app.on(def.method, def.path, (c) => run(c, name, def, handler));
  }

  // ------------------------------------------------------------ dev routes
  const devToken = async (email: string) => {
    if (!authenticator?.sign) throw new Error('SeatKit: devToken() needs auth mode "dev"');
    return authenticator.sign(email, now());
  };
  const mailbox = async (): Promise<OutboxEmail[]> => {
    const { rows } = await database.query<{ id: string; to_email: string; subject: string; text_body: string; created_at: Date }>(
      `select id, to_email, subject, text_body, created_at from outbox_emails order by seq`,
    );
    return rows.map((r) => ({ id: r.id, to: r.to_email, subject: r.subject, text: r.text_body, createdAt: isoRequired(r.created_at) }));
  };

  if (devRoutes) {
    app.get('/dev/mailbox.json', async (c) => c.json(await mailbox()));
    app.get('/dev/mailbox', async (c) => c.html(renderMailboxHtml(await mailbox())));
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

  let closed = false;
  return {
    app: app as unknown as Hono,
    database,
    fetch: (request) => Promise.resolve(app.fetch(request)),
    seedDemo: () => seedDemo(database, now, settings.appUrl),
    seedMembers: (orgId, count) => seedMembers(database, orgId, count, now),
    async reset() {
      if (dispatching) await dispatching.catch(() => {});
      await database.exec(`truncate ${DATA_TABLES.join(', ')} restart identity cascade`);
    },
    devToken,
    mailbox,
    dispatchEmails: dispatch,
    async close() {
      if (closed) return;
      closed = true;
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

/** Runs the host's `authenticate`; a throw that is not an `ApiError` is the host's bug, logged as such (500, no details). */
async function callHostAuthenticate(authenticate: (request: Request) => unknown, request: Request): Promise<unknown> {
  try {
    return await authenticate(request);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new Error('SeatKit: auth.authenticate threw', { cause: error });
  }
}

/** Checks what the host's `authenticate` returned: `null` is "nobody"; anything without a valid email is a host bug. */
function hostIdentity(value: unknown): HostIdentity | null {
  if (value === null || value === undefined) return null;
  const raw = value as Partial<Record<keyof HostIdentity, unknown>>;
  const email = z.safeParse(EmailSchema, raw.email);
  if (!email.success) throw new Error('SeatKit: auth.authenticate returned an identity without a valid `email` (return null when nobody is signed in)');
  const name = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : undefined);
  return { email: email.data, firstName: name(raw.firstName), lastName: name(raw.lastName) };
}

/** Shapes a handler's result with the route's response schema (drops anything the contract does not name). */
function shape(def: RouteDef, result: unknown): unknown {
  if (!def.response) return null;
  return z.parse(def.response, result);
}

/** Retries a transaction that Postgres aborted for a deadlock, a serialization conflict or a vanished referenced row. */
async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 23503: a row this transaction references (the caller, a member) was deleted by one that committed after our
      // reads; the retry reads again and answers not_found instead of a 500.
      // 23505: a concurrent insert took a unique value first (e.g. two email changes to one address); the retry's
      // checks see it and answer with the contract code (already_member…).
      if (i >= attempts || (code !== '40P01' && code !== '40001' && code !== '23503' && code !== '23505')) throw error;
    }
  }
}
