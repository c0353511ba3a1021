import { describe, expect, it } from 'vitest';
import { defaultResolveHost } from '../src/webhooks/options.js';
import { checkWebhookUrl, nonPublicReason } from '../src/webhooks/ssrf.js';
import { captureLogger, forEachDatabase, OWNER, type Harness } from './security/support.js';

/** A resolver with fixed answers: the guard must judge every address a name has. */
const DNS: Record<string, string[]> = {
  'hooks.example.test': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.test': ['10.1.2.3'],
  'mixed.example.test': ['93.184.215.14', '127.0.0.1'],
  'mapped.example.test': ['::ffff:169.254.169.254'],
  'ula.example.test': ['fd12:3456::1'],
};
const resolved: string[] = [];
let rebound = false;
const resolveHost = async (host: string) => {
  resolved.push(host);
  if (rebound && host === 'hooks.example.test') return ['192.168.1.10'];
  const answer = DNS[host];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return answer;
};
const sent: string[] = [];
const fakeFetch = (async (url: string | URL | Request) => {
  sent.push(String(url));
  return new Response('ok', { status: 200 });
}) as typeof fetch;

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'this-network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:101::1', 'private'],
    ['2001:db8::1', 'documentation'],
    ['ff02::1', 'multicast'],
    ['not-an-ip', 'unparseable'],
  ])('%s is %s', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });
});

describe('the default resolver (Node’s dns.lookup)', () => {
  it('finds every address of a name, so localhost is refused as loopback', async () => {
    const resolveHost = await defaultResolveHost();
    expect(resolveHost).not.toBeNull();
    expect(await resolveHost!('localhost')).toContain('127.0.0.1');
    const check = await checkWebhookUrl('https://localhost:8443/hooks', { allowPrivate: false, resolveHost });
    expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/) });
    // Without a resolver only address literals can be judged: a name is refused, not waved through.
    expect(await checkWebhookUrl('https://hooks.example.com/x', { allowPrivate: false, resolveHost: null })).toMatchObject({ ok: false });
    expect(await checkWebhookUrl('https://93.184.215.14/x', { allowPrivate: false, resolveHost: null })).toEqual({ ok: true, addresses: ['93.184.215.14'] });
  });
});

const log = captureLogger();

forEachDatabase(
  (h) => {
    const create = (url: string) => h().call('POST', '/v1/webhook-endpoints', { serverKey: true, body: { url } });

    it('refuses http:, private, loopback, link-local, CGNAT, unique-local and mapped addresses, by literal or by name', async () => {
      const refused = [
        'http://hooks.example.test/x',
        'https://127.0.0.1/x',
        'https://[::1]/x',
        'https://169.254.169.254/latest/meta-data',
        'https://100.64.1.1/x',
        'https://[fd00::1]/x',
        'https://[::ffff:10.0.0.1]/x',
        'https://2130706433/x',
        'https://internal.example.test/x',
        'https://mixed.example.test/x',
        'https://mapped.example.test/x',
        'https://ula.example.test/x',
        'https://nowhere.example.test/x',
        'https://user:pass@hooks.example.test/x',
        'ftp://hooks.example.test/x',
      ];
      for (const url of refused) {
        const res = await create(url);
        expect(res.status, url).toBe(400);
        expect(res.body.error.code, url).toBe('validation_failed');
        expect(res.body.error.details[0], url).toMatchObject({ path: ['url'] });
        // A URL the schema lets through is judged by the guard, with its stable issue code.
        if (!url.startsWith('ftp:')) expect(res.body.error.details[0].code, url).toBe('url_not_allowed');
      }
      expect((await h().call('GET', '/v1/webhook-endpoints', { serverKey: true })).body.items).toEqual([]);
      const accepted = await create('https://hooks.example.test/seatkit');
      expect(accepted.status).toBe(201);
      const patched = await h().call('PATCH', `/v1/webhook-endpoints/${accepted.body.id}`, { serverKey: true, body: { url: 'https://10.0.0.8/x' } });
      expect(patched.body.error.details[0].code).toBe('url_not_allowed');
    });

    it('checks again before every attempt: a name that now resolves privately is not called', async () => {
      const { id, secret } = (await create('https://hooks.example.test/seatkit')).body;
      sent.length = 0;
      rebound = true;
      try {
        await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'rebind@example.com', firstName: 'Re', lastName: 'Bind', role: 'member' } });
        await runUntilAttempted(h(), id);
        expect(sent).toEqual([]);
        const [delivery] = (await h().call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { serverKey: true })).body.items;
        expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
        expect(delivery.lastError).toMatch(/^url_not_allowed: .*192\.168\.1\.10, a private address/);
      } finally {
        rebound = false;
      }
      // The failure was logged, and no log line holds the secret.
      expect(log.lines.some((l) => l.includes('url_not_allowed'))).toBe(true);
      expect(log.lines.join('\n')).not.toContain(secret.slice('whsec_'.length));
      // Public again: the next attempt (5 s later) is sent, to the URL as registered.
      h().clock.offsetMs += 6000;
      await h().server.runJobs();
      expect(sent).toEqual(['https://hooks.example.test/seatkit']);
    });
  },
  { webhooks: { resolveHost, fetch: fakeFetch }, logger: log.logger },
);

/** Runs the jobs until the endpoint's delivery has a recorded attempt (the one made at once after the change, or a job's). */
async function runUntilAttempted(h: Harness, endpointId: string) {
  const attempted = async () => (await h.call('GET', `/v1/webhook-endpoints/${endpointId}/deliveries`, { serverKey: true })).body.items[0]?.attemptHistory.length > 0;
  for (let i = 0; i < 20 && !(await attempted()); i++) await h.server.runJobs();
  expect(await attempted()).toBe(true);
}
