/**
 * The SSRF guard of webhook URLs: an endpoint must be `https:` and every address its host resolves to must be public,
 * so a server key holder cannot make the server call into its own network (a database, a cloud metadata service, an
 * admin page on loopback). Checked when an endpoint is saved and again before every attempt (DNS may change), and the
 * attempt's connection is pinned to the addresses checked (`transport.ts`), so a second DNS answer cannot move it.
 * Browser-safe: the resolver is injected (`WebhooksOptions.resolveHost`).
 */

/** Why a URL was refused; the `code` of the `validation_failed` issue and of a refused attempt's error. */
export const URL_NOT_ALLOWED = 'url_not_allowed';

/** `addresses`: what the host was judged by (the connection is pinned to them); `null` when nothing was resolved (`allowPrivate`). */
export type UrlCheck = { ok: true; addresses: string[] | null } | { ok: false; message: string };

/** Resolves a host name to every address it has (A and AAAA). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface UrlGuardOptions {
  /** Skip the address checks and allow `http:` (tests, local development). */
  allowPrivate: boolean;
  resolveHost: ResolveHost | null;
}

/**
 * @example
 * await checkWebhookUrl('https://hooks.example.com/seatkit', { allowPrivate: false, resolveHost }); // { ok: true, addresses: ['93.184.215.14'] }
 * await checkWebhookUrl('https://169.254.169.254/', …); // { ok: false, message: '… link-local …' }
 */
export async function checkWebhookUrl(url: string, options: UrlGuardOptions): Promise<UrlCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: 'Not a URL' };
  }
  if (parsed.username || parsed.password) return { ok: false, message: 'The URL must not carry credentials' };
  if (options.allowPrivate) return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? { ok: true, addresses: null } : { ok: false, message: 'The URL must be http: or https:' };
  if (parsed.protocol !== 'https:') return { ok: false, message: 'The URL must be https:' };
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const literal = isIpLiteral(host);
  let addresses: string[];
  if (literal) addresses = [host];
  else {
    if (!options.resolveHost) return { ok: false, message: 'No DNS resolver is configured to check the host (set webhooks.resolveHost)' };
    try {
      addresses = await options.resolveHost(host);
    } catch {
      return { ok: false, message: `The host ${host} does not resolve` };
    }
    if (!addresses.length) return { ok: false, message: `The host ${host} does not resolve` };
  }
  for (const address of addresses) {
    const reason = nonPublicReason(address);
    if (reason) return { ok: false, message: `${literal ? 'The address' : `The host ${host} resolves to`} ${address}, a ${reason} address; webhooks go to public addresses only` };
  }
  return { ok: true, addresses };
}

function isIpLiteral(host: string): boolean {
  return parseIpv4(host) !== null || host.includes(':');
}

/** `null` when the address is public; else what kind of address it is. Unparseable counts as not public. */
export function nonPublicReason(address: string): string | null {
  const v4 = parseIpv4(address);
  if (v4) return ipv4Reason(v4);
  const v6 = parseIpv6(address);
  if (!v6) return 'unparseable';
  return ipv6Reason(v6);
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** [prefix bytes, prefix length, kind]: the IANA special-purpose blocks a webhook must not reach. */
const V4_BLOCKS: [number[], number, string][] = [
  [[0], 8, 'this-network'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'carrier-grade NAT'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'IETF protocol'],
  [[192, 0, 2], 24, 'documentation'],
  [[192, 88, 99], 24, '6to4 relay'],
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'benchmarking'],
  [[198, 51, 100], 24, 'documentation'],
  [[203, 0, 113], 24, 'documentation'],
  [[224], 4, 'multicast'],
  [[240], 4, 'reserved'],
];

function inPrefix(bytes: number[], prefix: number[], length: number): boolean {
  for (let bit = 0; bit < length; bit++) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Reason(bytes: number[]): string | null {
  for (const [prefix, length, kind] of V4_BLOCKS) if (inPrefix(bytes, prefix, length)) return kind;
  return null;
}

/** 16 bytes, or `null`. Accepts `::` compression and a dotted IPv4 tail (`::ffff:10.0.0.1`); drops a `%zone`. */
function parseIpv6(text: string): number[] | null {
  let rest = text.replace(/%.*$/, '').toLowerCase();
  let tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const v4 = parseIpv4(dotted[1]!);
    if (!v4) return null;
    tail = v4;
    rest = `${rest.slice(0, dotted.index)}:0:0`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const back = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - back.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...back];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function ipv6Reason(bytes: number[]): string | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zero(0, 15) && bytes[15] === 0) return 'unspecified';
  if (zero(0, 15) && bytes[15] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judged by the IPv4 inside.
  if ((zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) || zero(0, 12) || inPrefix(bytes, [0, 0x64, 0xff, 0x9b], 96)) {
    return ipv4Reason(bytes.slice(12));
  }
  // 6to4 (2002:a.b.c.d::/48): the IPv4 in bytes 2–5.
  if (inPrefix(bytes, [0x20, 0x02], 16)) return ipv4Reason(bytes.slice(2, 6)) ?? null;
  const blocks: [number[], number, string][] = [
    [[0xfc], 7, 'unique-local'],
    [[0xfe, 0x80], 10, 'link-local'],
    [[0xfe, 0xc0], 10, 'site-local'],
    [[0xff], 8, 'multicast'],
    [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
    [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'discard'],
    [[0x20, 0x01, 0x00], 23, 'IETF protocol'],
  ];
  for (const [prefix, length, kind] of blocks) if (inPrefix(bytes, prefix, length)) return kind;
  // Only global unicast (2000::/3) is public.
  return inPrefix(bytes, [0x20], 3) ? null : 'reserved';
}
