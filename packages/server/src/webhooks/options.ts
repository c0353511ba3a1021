import type { ResolveHost } from './ssrf.js';

/** The webhooks' settings (`SeatKitServerOptions.webhooks`). */
export interface WebhooksOptions {
  /**
   * Allow endpoint URLs that are `http:` or reach private, loopback or link-local addresses: tests and local development
   * only (the CLI's `--webhooks-allow-private`, `SEATKIT_WEBHOOKS_ALLOW_PRIVATE=1`). Default `false`.
   */
  allowPrivate?: boolean;
  /**
   * Resolves an endpoint's host to every address it has, for the SSRF guard. Default: Node's `dns.lookup` (all
   * addresses) where `node:dns` exists; elsewhere none, and only URLs with a public IP address pass.
   */
  resolveHost?: ResolveHost;
  /** Milliseconds per delivery attempt. Default 10 000. */
  timeoutMs?: number;
  /**
   * A `fetch` to send deliveries with (a test double, an instrumented fetch). It cannot pin the connection to the
   * addresses the guard checked, so DNS rebinding is back in play: leave it unset in production. Default: Node's
   * `http`/`https` with the connection pinned to the checked addresses; `globalThis.fetch` where those are missing.
   */
  fetch?: typeof globalThis.fetch;
}

/**
 * Node's resolver, loaded only when asked for: the server's entry stays browser-safe (a bundler never sees the
 * specifier), and a runtime without `node:dns` gets `null`.
 */
export async function defaultResolveHost(): Promise<ResolveHost | null> {
  const specifier = 'node:dns/promises';
  try {
    const dns = (await import(/* @vite-ignore */ specifier)) as { lookup(host: string, options: { all: true; verbatim: boolean }): Promise<{ address: string }[]> };
    return async (hostname) => (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return null;
  }
}
