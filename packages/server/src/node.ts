/**
 * `@seatkit/server/node` — the Node-only parts: a real Postgres adapter (`pg`), an SMTP mailer
 * (`nodemailer`) and an HTTP listener (`@hono/node-server`).
 */
import { serve, type HttpBindings } from '@hono/node-server';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import type { Mailer } from './mail.js';
import { createOpsEndpoints } from './ops/endpoints.js';
import { createOpsMetrics } from './ops/metrics.js';
import type { ServerOps } from './ops/index.js';
import type { SeatKitServer } from './server.js';

export { createPgDatabase } from './db/pg.js';
export type { PgDatabase, PgDatabaseOptions } from './db/pg.js';
export * from './ops/index.js';
export * from './index.js';

/** The HTTP limits `startNodeServer` applies when an option is left out (the CLI's defaults too). */
export const HTTP_DEFAULTS = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
  drainLimitBytes: 1024 * 1024,
} as const;

/** How `shutdown()` proceeds when an option is left out (the CLI's defaults too). */
export const SHUTDOWN_DEFAULTS = { timeoutMs: 10_000, drainDelayMs: 0 } as const;

export interface StartNodeServerOptions {
  /** Default 4000; `0` picks a free port. */
  port?: number;
  /** Default `127.0.0.1` (loopback only). Use `0.0.0.0` to listen on every interface. */
  hostname?: string;
  /**
   * @deprecated Ignored: the server runs email retries with its other periodic jobs (`jobs.intervalMs` of
   * `createSeatKitServer`).
   */
  emailRetryIntervalMs?: number;
  /**
   * Time a client has to send a request's headers; a slower one is answered 408 and disconnected, so idle or
   * trickling connections cannot pile up. Default 20 seconds (Node's own is 60); `0` turns it off.
   */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request, headers and body. Default 60 seconds (Node's own is 300); `0` turns it off. */
  requestTimeoutMs?: number;
  /**
   * How long an idle keep-alive connection stays open for the client's next request. Default 5 seconds. Behind a
   * load balancer or proxy that reuses connections, set it above the balancer's idle timeout (65 seconds behind a
   * 60-second one): otherwise the balancer may send a request on a connection this server is just closing.
   */
  keepAliveTimeoutMs?: number;
  /** Open connections at most; a connection over the cap is closed at once. Default 1024; `0` for no cap. */
  maxConnections?: number;
  /**
   * An answer sent before its request's body arrived (413, an early 401 or 404): a body of at most this many
   * declared bytes is read and discarded, so the connection serves the client's next request; a larger or chunked
   * one gets `Connection: close`. Default 1 MiB.
   */
  drainLimitBytes?: number;
  /**
   * The logs and metrics made by `createServerOps` (whose `logger` and `onRequest` the server was created with): the
   * probes are logged at `debug` and `/metrics` serves its registry. Without it the probes still answer.
   */
  ops?: ServerOps;
  /** The bearer key `/metrics` asks for (the CLI uses the server key). Without it `/metrics` answers 404. */
  metricsKey?: string;
}

export interface ShutdownOptions {
  /** After `/readyz` turned 503, keep serving this long before closing the listener, so load balancers see it. Default 0. */
  drainDelayMs?: number;
  /** Requests still running this long after the listener closed are cut off (their connections closed). Default 10 seconds. */
  timeoutMs?: number;
}

export interface RunningNodeServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The Node HTTP server (its timeouts and connection cap are the ones `startNodeServer` was given). */
  http: Server;
  /** Stops listening and closes the SeatKit server (and its database). */
  close(): Promise<void>;
  /**
   * Graceful stop (SIGTERM): `/readyz` answers 503 at once and every answer says `Connection: close`; after
   * `drainDelayMs` the listener closes (new connections are refused), requests in flight get `timeoutMs` to finish
   * (then their connections are closed), the periodic jobs stop and the emails this instance claimed but did not start
   * are handed back, and the database closes. Resolves with the number of requests cut off.
   */
  shutdown(options?: ShutdownOptions): Promise<{ cutOff: number }>;
}

/**
 * Serves a SeatKit server over HTTP.
 *
 * @example
 * const { url, close } = await startNodeServer(server, { port: 0, keepAliveTimeoutMs: 65_000 });
 */
export function startNodeServer(server: SeatKitServer, options: StartNodeServerOptions = {}): Promise<RunningNodeServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const limits = httpLimits(options);
  const ops = options.ops;
  if (ops && !ops.metrics) ops.metrics = createOpsMetrics(server.database);
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const probes = createOpsEndpoints({ server, metrics: ops?.metrics ?? null, metricsKey: options.metricsKey, draining: () => draining });
  const fetch = async (request: Request, env: HttpBindings) => {
    inFlight++;
    ops?.metrics?.inFlight.inc();
    env.outgoing.once('close', () => {
      inFlight--;
      ops?.metrics?.inFlight.dec();
      if (inFlight === 0) idle?.();
    });
    const started = performance.now();
    const probe = await probes(request);
    if (probe) {
      const path = new URL(request.url).pathname;
      ops?.onRequest({ requestId: '-', method: request.method, route: path, status: probe.status, durationMs: Math.round((performance.now() - started) * 10) / 10, orgId: null });
    }
    const response = probe ?? (await server.app.fetch(request, env));
    settleUnreadBody(env.incoming, env.outgoing, limits.drainLimitBytes);
    // A draining instance tells keep-alive clients to reconnect (to another instance) after this answer.
    if (draining && !env.outgoing.headersSent) env.outgoing.setHeader('connection', 'close');
    return response;
  };
  return new Promise((resolve, reject) => {
    const checked = [limits.headersTimeoutMs, limits.requestTimeoutMs].filter((ms) => ms > 0);
    const http = serve(
      {
        fetch: fetch as (request: Request, env: unknown) => Promise<Response>,
        port: options.port ?? 4000,
        hostname,
        serverOptions: {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          keepAliveTimeout: limits.keepAliveTimeoutMs,
          // Node looks for expired requests this often (30 s by default): a 20-second headers timeout needs a finer look.
          connectionsCheckingInterval: checked.length ? Math.min(30_000, Math.max(50, Math.floor(Math.min(...checked) / 10))) : 30_000,
        },
      },
      (info: AddressInfo) => {
        const host = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
        resolve({
          url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
          port: info.port,
          http: http as Server,
          close: async () => {
            await new Promise<void>((done) => {
              http.close(() => done());
              // Keep-alive sockets would hold close() open.
              (http as { closeAllConnections?: () => void }).closeAllConnections?.();
            });
            await server.close();
          },
          shutdown: async (shutdownOptions = {}) => {
            const { drainDelayMs, timeoutMs } = { ...SHUTDOWN_DEFAULTS, ...shutdownOptions };
            draining = true;
            if (drainDelayMs > 0) await new Promise((done) => setTimeout(done, drainDelayMs));
            const closed = new Promise<void>((done) => http.close(() => done()));
            (http as Server).closeIdleConnections();
            let cutOff = 0;
            if (inFlight > 0) {
              let timer: ReturnType<typeof setTimeout> | undefined;
              const finished = await Promise.race([
                new Promise<boolean>((done) => {
                  idle = () => done(true);
                }),
                new Promise<boolean>((done) => {
                  timer = setTimeout(() => done(false), timeoutMs);
                }),
              ]);
              clearTimeout(timer);
              if (!finished) cutOff = inFlight;
            }
            // Connections that are idle now (their last answer said close) or cut off.
            (http as Server).closeAllConnections();
            await closed;
            await server.stopBackgroundWork();
            await server.close();
            return { cutOff };
          },
        });
      },
    ) as Server;
    // Node reads `0` as "no cap".
    http.maxConnections = limits.maxConnections;
    http.once('error', reject);
  });
}

/** The options' HTTP limits with their defaults, checked (a bad value is a configuration error, thrown at start). */
function httpLimits(options: StartNodeServerOptions): Required<Pick<StartNodeServerOptions, keyof typeof HTTP_DEFAULTS>> {
  const limits = { ...HTTP_DEFAULTS };
  for (const key of Object.keys(HTTP_DEFAULTS) as (keyof typeof HTTP_DEFAULTS)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`SeatKit: ${key} must be a whole number ≥ 0 (got ${value})`);
    (limits as Record<string, number>)[key] = value;
  }
  if (limits.requestTimeoutMs > 0 && limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(`SeatKit: headersTimeoutMs (${limits.headersTimeoutMs}) cannot exceed requestTimeoutMs (${limits.requestTimeoutMs})`);
  }
  return limits;
}

/**
 * Called once the answer is known, before it is written. An answer sent before its request's body arrived (a 413
 * from the body limit, a 401 or 404 that never needed the body) leaves the rest of that body on the connection, and
 * the Web stream Hono reads bodies through stops taking it once its queue is full: the adapter then gives up after
 * half a second and drops the connection, though the answer said `keep-alive`, and the client's next request on it
 * fails. So a body of bounded declared size is discarded here, as Node discards a body nobody reads; any other is
 * not waited for, and the answer says `Connection: close`, which Node honours by closing after it.
 */
function settleUnreadBody(incoming: IncomingMessage, outgoing: ServerResponse, drainLimitBytes: number): void {
  if (incoming.complete || outgoing.headersSent) return;
  const declared = Number(incoming.headers['content-length']);
  if (incoming.headers['transfer-encoding'] === undefined && Number.isSafeInteger(declared) && declared <= drainLimitBytes) {
    // The stream adapter's listener pauses the socket whenever its queue is full; nobody reads that stream any more.
    incoming.removeAllListeners('data');
    incoming.on('data', () => {});
    incoming.resume();
    return;
  }
  outgoing.setHeader('connection', 'close');
}

/**
 * Sends email over SMTP with nodemailer.
 *
 * @example
 * createSmtpMailer({ url: 'smtp://user:pass@smtp.example.com:587', from: 'SeatKit <no-reply@example.com>' })
 */
export function createSmtpMailer(options: { url: string; from?: string }): Mailer {
  const transport = nodemailer.createTransport(options.url);
  const from = options.from ?? 'SeatKit <no-reply@seatkit.local>';
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        // The same for every attempt at one outbox email, so a receiver can drop a retry's duplicate.
        ...(message.messageId ? { messageId: message.messageId } : {}),
        // The language both parts are written in (RFC 3282), so a client can pick fonts, spelling and read-aloud voice.
        ...(message.locale ? { headers: { 'Content-Language': message.locale } } : {}),
      });
    },
  };
}
