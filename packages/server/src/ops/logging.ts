import type { Logger } from '../logger.js';
import { redactTokens } from '../mail.js';
import type { RequestEvent } from '../server.js';

/** The levels a JSON logger writes, least severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Paths load balancers and scrapers call every few seconds: their lines are `debug`, not `info`, so they do not flood the log. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

export interface JsonLogger extends Logger {
  readonly level: LogLevel;
  debug(message: string): void;
  /** Writes a request's line (`msg: "request"`), at `info` (5xx at `error`; probes always at `debug`). */
  request(event: RequestEvent): void;
}

/**
 * A logger that writes one JSON object per line: `time` (ISO), `level`, `msg` and fields. Messages pass through the
 * token redaction (`token=…`, `Bearer …`); request lines carry only the fields of `RequestEvent`, never a header, a
 * cookie, a body or a raw path. Dependency-free on purpose: these few lines are what pino would give the CLI here.
 *
 * @example
 * const logger = createJsonLogger({ level: 'info', write: (line) => process.stdout.write(line) });
 */
export function createJsonLogger(options: { level?: LogLevel; write: (line: string) => void; now?: () => Date }): JsonLogger {
  const level = options.level ?? 'info';
  if (!LOG_LEVELS.includes(level)) throw new Error(`SeatKit: log level must be one of ${LOG_LEVELS.join(', ')} (got ${String(level)})`);
  const threshold = LOG_LEVELS.indexOf(level);
  const now = options.now ?? (() => new Date());
  const write = (at: Exclude<LogLevel, 'silent'>, msg: string, fields: Record<string, unknown> = {}) => {
    if (LOG_LEVELS.indexOf(at) < threshold) return;
    options.write(`${JSON.stringify({ time: now().toISOString(), level: at, msg: scrub(msg), ...fields })}\n`);
  };
  return {
    level,
    debug: (m: string) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m, e) => write('error', m, e === undefined || e === '' ? {} : { err: describeError(e) }),
    request(event) {
      // A 503 from /readyz is the probe doing its job (draining, database down), not an error of the request.
      const at = event.route !== null && PROBES.has(event.route) ? 'debug' : event.status >= 500 ? 'error' : 'info';
      write(at, 'request', {
        requestId: event.requestId,
        method: event.method,
        route: event.route,
        status: event.status,
        durationMs: event.durationMs,
        ...(event.orgId ? { orgId: event.orgId } : {}),
      });
    },
  };
}

/** Tokens that may appear in a message (a link, an Authorization value, an invitation path) masked. */
function scrub(text: string): string {
  return redactTokens(text)
    .replace(/\/v1\/invitations\/(?!\[token\])[^/\s?"]+/g, '/v1/invitations/[token]')
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]');
}

function describeError(error: unknown): { message: string; name?: string; stack?: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: scrub(error.message), ...(error.stack ? { stack: scrub(error.stack) } : {}), ...(typeof code === 'string' ? { code } : {}) };
  }
  return { message: scrub(String(error)) };
}
