import type { MiddlewareHandler } from 'hono';

/**
 * API answers (and the dev token and mailbox pages) are per-user and may carry personal data or tokens:
 * no browser, proxy or CDN may store them. `/openapi.json` and `/` stay cacheable.
 */
export function noStoreForApi(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/v1/') || path.startsWith('/dev/')) c.res.headers.set('cache-control', 'no-store');
  };
}
