import { getServerToken, SEATKIT_URL } from '../../../../lib/seatkit-server';

/**
 * A thin proxy for the browser's SeatKit calls: `/api/seatkit/v1/...` → `${SEATKIT_URL}/v1/...`, with
 * the signed-in user's bearer token added here, on the server. The browser never sees the token, and
 * the SeatKit server needs no CORS setup. Only the `/v1` API is forwarded.
 */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'idempotency-key', 'x-request-id', 'accept'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'x-request-id', 'idempotent-replayed', 'retry-after'];

async function forward(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  if (path[0] !== 'v1') {
    return Response.json({ error: { code: 'not_found', message: 'Only /v1 is proxied', requestId: '' } }, { status: 404 });
  }
  // The token rides on a cookie, so guard writes against cross-site requests (CSRF): besides the cookie's
  // SameSite=Lax, a write must come from this origin, and a body must be JSON (which a cross-site form
  // cannot send without a CORS preflight that this route never answers).
  const isWrite = request.method !== 'GET' && request.method !== 'HEAD';
  const hasBody = isWrite && (request.headers.has('content-type') || Number(request.headers.get('content-length') ?? 0) > 0);
  if (isWrite) {
    // Hosts, not origins: behind a TLS-terminating proxy the request URL may say http while the page is https.
    const origin = request.headers.get('origin');
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    if (origin && new URL(origin).host !== host) {
      return Response.json({ error: { code: 'forbidden', message: 'Cross-origin request', requestId: '' } }, { status: 403 });
    }
    if (hasBody && !request.headers.get('content-type')?.startsWith('application/json')) {
      return Response.json({ error: { code: 'validation_failed', message: 'The body must be JSON', requestId: '' } }, { status: 415 });
    }
  }
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const token = await getServerToken();
  if (token) headers.set('authorization', `Bearer ${token}`);

  const url = `${SEATKIT_URL}/${path.map(encodeURIComponent).join('/')}${new URL(request.url).search}`;
  const upstream = await fetch(url, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    cache: 'no-store',
    signal: request.signal,
  });
  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  return new Response(upstream.status === 204 ? null : upstream.body, { status: upstream.status, headers: responseHeaders });
}

export { forward as GET, forward as POST, forward as PATCH, forward as DELETE };
export const dynamic = 'force-dynamic';
