import { timingSafeEqual } from 'node:crypto';
import type { SeatKitServer } from '../server.js';
import { readiness } from './health.js';
import type { OpsMetrics } from './metrics.js';

/** The paths the ops endpoints answer on, at the root of the listener whatever the API's base path. */
export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });

/**
 * Answers `/healthz`, `/readyz` and `/metrics`, or returns `null` for any other request (the API takes it). Probes are
 * unauthenticated, take no body and are not rate limited; `/metrics` needs `Authorization: Bearer <metricsKey>` and
 * answers 404 when no key is set (off).
 */
export function createOpsEndpoints(options: { server: SeatKitServer; metrics: OpsMetrics | null; metricsKey?: string; draining: () => boolean }) {
  const key = options.metricsKey ? Buffer.from(options.metricsKey) : null;
  const authorized = (header: string | null) => {
    const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (!key || !given) return false;
    const bytes = Buffer.from(given);
    return bytes.length === key.length && timingSafeEqual(bytes, key);
  };
  return async (request: Request): Promise<Response | null> => {
    const path = new URL(request.url).pathname;
    if (!(OPS_PATHS as readonly string[]).includes(path)) return null;
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: { code: 'method_not_allowed', message: `${path} answers GET` } }, { allow: 'GET, HEAD' });
    if (path === '/healthz') return json(200, { status: 'ok' });
    if (path === '/readyz') {
      const result = await readiness({ database: options.server.database, jobs: options.server.jobsStatus(), draining: options.draining() });
      return json(result.ready ? 200 : 503, { status: result.ready ? 'ready' : 'unavailable', checks: result.checks });
    }
    if (!options.metrics || !key) return json(404, { error: { code: 'not_found', message: 'Metrics are off: set a server key (SEATKIT_SERVER_KEY) to scrape /metrics with it' } });
    if (!authorized(request.headers.get('authorization'))) {
      return json(401, { error: { code: 'unauthenticated', message: 'Send Authorization: Bearer <server key> to scrape the metrics' } }, { 'www-authenticate': 'Bearer' });
    }
    const { contentType, body } = await options.metrics.render();
    return new Response(body, { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  };
}
