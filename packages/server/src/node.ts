/**
 * `@seatkit/server/node` — the Node-only parts: a real Postgres adapter (`pg`), an SMTP mailer
 * (`nodemailer`) and an HTTP listener (`@hono/node-server`).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import type { Mailer } from './mail.js';
import type { SeatKitServer } from './server.js';

export { createPgDatabase } from './db/pg.js';
export type { PgDatabaseOptions } from './db/pg.js';
export * from './index.js';

export interface StartNodeServerOptions {
  /** Default 4000; `0` picks a free port. */
  port?: number;
  /** Default `127.0.0.1` (loopback only). Use `0.0.0.0` to listen on every interface. */
  hostname?: string;
  /**
   * How often to retry outbox emails that failed or that another (crashed) instance left behind.
   * Default 30 seconds; `0` turns the timer off.
   */
  emailRetryIntervalMs?: number;
}

export interface RunningNodeServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops listening and closes the SeatKit server (and its database). */
  close(): Promise<void>;
}

/**
 * Serves a SeatKit server over HTTP.
 *
 * @example
 * const { url, close } = await startNodeServer(server, { port: 0 });
 */
export function startNodeServer(server: SeatKitServer, options: StartNodeServerOptions = {}): Promise<RunningNodeServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const interval = options.emailRetryIntervalMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const timer =
      interval > 0
        ? setInterval(() => {
            server.dispatchEmails().catch(() => {});
          }, interval)
        : null;
    timer?.unref();
    const http = serve({ fetch: server.app.fetch, port: options.port ?? 4000, hostname }, (info: AddressInfo) => {
      const host = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        close: async () => {
          if (timer) clearInterval(timer);
          await new Promise<void>((done) => {
            http.close(() => done());
            // Keep-alive sockets would hold close() open.
            (http as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await server.close();
        },
      });
    });
    http.once('error', reject);
  });
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
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) });
    },
  };
}
