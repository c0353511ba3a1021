import type * as NodeHttp from 'node:http';
import type * as NodeHttps from 'node:https';

/** One attempt as the transport sends it. */
export interface WebhookRequest {
  url: string;
  /**
   * The addresses the SSRF guard judged public for the URL's host, or `null` when it resolved nothing (`allowPrivate`,
   * an IP literal). The connection goes to one of them and never asks DNS again: a name that now resolves to a private
   * address (DNS rebinding) cannot redirect it.
   */
  pinned: readonly string[] | null;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends one attempt and resolves with the receiver's status code (redirects are not followed); rejects when no answer came. */
export type WebhookTransport = (request: WebhookRequest) => Promise<number>;

/**
 * A transport over a `fetch`: a host's own (`webhooks.fetch`, a test double) or the runtime's where `node:http` is
 * missing. It cannot pin the connection, so there only the guard's check before the attempt stands; in such runtimes
 * the default guard (no resolver) passes IP literals only, which need no DNS.
 */
export function fetchTransport(fetch: typeof globalThis.fetch): WebhookTransport {
  return async (request) => {
    const response = await fetch(request.url, {
      method: 'POST',
      // Not followed: a redirect could point anywhere, past the address check.
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
      headers: request.headers,
      body: request.body,
    });
    // The receiver's answer is not kept (it could hold anything); only its status.
    await response.body?.cancel().catch(() => {});
    return response.status;
  };
}

type LookupCallback = (error: Error | null, address: string | { address: string; family: number }[], family?: number) => void;

/** A `lookup` for node's sockets that answers only the pinned addresses (of the family asked for). */
function pinnedLookup(pinned: readonly string[]) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    const family = options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : Number(options.family ?? 0);
    const entries = pinned.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })).filter((e) => !family || e.family === family);
    if (!entries.length) callback(Object.assign(new Error(`No checked IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    else if (options.all) callback(null, entries);
    else callback(null, entries[0]!.address, entries[0]!.family);
  };
}

/**
 * Node's `http`/`https` with the connection pinned to the checked addresses: the URL's host still names the server
 * (the `Host` header, TLS's SNI and certificate check), but its address comes from the guard, not from a second DNS
 * answer. A fresh connection per attempt (`agent: false`): no socket outlives the check it was made for.
 */
export function nodeTransport(http: typeof NodeHttp, https: typeof NodeHttps): WebhookTransport {
  return (request) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(request.url);
      const body = new TextEncoder().encode(request.body);
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(
        url,
        {
          method: 'POST',
          agent: false,
          signal: AbortSignal.timeout(request.timeoutMs),
          headers: { ...request.headers, 'content-length': String(body.byteLength) },
          ...(request.pinned ? { lookup: pinnedLookup(request.pinned) as unknown as NodeHttp.RequestOptions['lookup'] } : {}),
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          // The answer's body is not read: nothing of it is kept.
          res.destroy();
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * The pinned Node transport where `node:http` exists (loaded only when asked for, so the server's entry stays
 * browser-safe); elsewhere the runtime's `fetch`.
 */
export async function defaultWebhookTransport(): Promise<WebhookTransport> {
  const specifiers = ['node:http', 'node:https'];
  try {
    const [http, https] = (await Promise.all(specifiers.map((s) => import(/* @vite-ignore */ s)))) as [typeof NodeHttp, typeof NodeHttps];
    return nodeTransport(http, https);
  } catch {
    return fetchTransport((input, init) => globalThis.fetch(input, init));
  }
}
