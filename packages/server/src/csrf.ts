import type { Context, MiddlewareHandler } from 'hono';

/** The header a non-browser caller (a backend, curl) sends on a mutation that carries no `Origin`. */
export const CSRF_HEADER = 'x-seatkit-request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CrossSiteGuardOptions {
  /** Origins allowed besides the server's own (the CORS allowlist), e.g. `https://app.example.com`. */
  allowedOrigins: readonly string[];
  /** Answers a refused request (SeatKit: `403 cross_site_request`) with the reason, which names the origin. */
  refuse: (c: Context, reason: string) => Response | Promise<Response>;
}

/**
 * Refuses cross-site mutations, for sessions a browser attaches by itself (cookies). A request passes when:
 *
 * 1. its method is GET, HEAD or OPTIONS (those change nothing); or
 * 2. it has an `Origin` header naming the server's own origin or an allowed origin, or the browser marks it
 *    `Sec-Fetch-Site: same-origin` (browsers send `Origin` on every cross-origin request and every same-origin
 *    POST/PATCH/PUT/DELETE, and set both headers themselves; a page cannot change them); or
 * 3. it has no `Origin` (or `Origin: null` is never enough) and either `Sec-Fetch-Site: same-origin` (set by the
 *    browser, not forgeable by a page) or a non-empty `X-SeatKit-Request` or `Authorization` header. A browser sends
 *    neither of those two cross-site without a CORS preflight, which fails for an origin that is not allowed; so
 *    only non-browser callers (which have no ambient cookies to abuse) can use that path.
 *
 * Everything else — a forged `<form method=post>` from another site above all — is refused before the body is read
 * or the host's `authenticate` runs.
 *
 * @example
 * app.use('*', crossSiteGuard({ allowedOrigins: ['https://app.example.com'], refuse: (c, reason) => c.json({ reason }, 403) }));
 */
export function crossSiteGuard(options: CrossSiteGuardOptions): MiddlewareHandler {
  const allowed = new Set(options.allowedOrigins);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const sameOrigin = c.req.header('sec-fetch-site') === 'same-origin';
    if (origin !== undefined && origin !== 'null') {
      // Sec-Fetch-Site covers a server behind a TLS-terminating proxy, whose request URL (http://…) is not the origin
      // the browser saw (https://…).
      if (origin === new URL(c.req.url).origin || allowed.has(origin) || sameOrigin) return next();
      return options.refuse(c, `Requests from ${origin} may not change data here: that origin is not allowed (add it to cors.origins if it is yours)`);
    }
    if (origin === undefined) {
      if (sameOrigin) return next();
      if (c.req.header(CSRF_HEADER) || c.req.header('authorization')) return next();
    }
    return options.refuse(
      c,
      `A ${c.req.method} without a trusted Origin header is refused: browsers send Origin themselves; other callers send "X-SeatKit-Request: 1"`,
    );
  };
}
