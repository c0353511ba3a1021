import * as http from 'node:http';
import * as https from 'node:https';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeTransport } from '../src/webhooks/transport.js';
import { forEachDatabase, OWNER } from './helpers.js';
import { startReceiver } from './webhooks-receiver.js';

/**
 * DNS rebinding: a name that answers a public address to the check and a private one right after must not reach the
 * private one. The connection is pinned to what was checked; these tests use real sockets on loopback, and a resolver
 * seam in place of DNS (the one thing a test cannot point at loopback otherwise).
 */

const receiver = await startReceiver();
// Counts connections only: with the pinning working, nothing ever connects to it.
const connections: Socket[] = [];
const listener: Server = createServer((socket) => {
  connections.push(socket);
  socket.destroy();
});
await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
const listenerPort = (listener.address() as AddressInfo).port;
afterAll(async () => {
  await receiver.close();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

const transport = nodeTransport(http, https);
const send = (url: string, pinned: string[] | null) => transport({ url, pinned, headers: { 'content-type': 'application/json' }, body: '{"ok":true}', timeoutMs: 10_000 });

describe('the Node transport', () => {
  it('connects to the pinned address, never resolving the name, and keeps the name as the Host', async () => {
    const before = receiver.received.length;
    const port = new URL(receiver.url).port;
    // No DNS knows this name: reaching the receiver proves the connection took the pinned address.
    expect(await send(`http://rebind.seatkit.invalid:${port}/hooks`, ['127.0.0.1'])).toBe(200);
    expect(receiver.received.slice(before)).toMatchObject([{ url: '/hooks', body: '{"ok":true}', headers: { host: `rebind.seatkit.invalid:${port}` } }]);
    // Unpinned, the same name goes to DNS and fails there.
    await expect(send(`http://rebind.seatkit.invalid:${port}/hooks`, null)).rejects.toThrow();
  });

  it('does not follow redirects', async () => {
    const before = receiver.received.length;
    receiver.answers.push(307);
    expect(await send(receiver.url, null)).toBe(307);
    expect(receiver.received.slice(before).map((r) => r.url)).toEqual(['/hooks']);
  });
});

/** rebind.example.test: public for the checks the test expects, loopback (where the listener waits) after that. */
const resolutions: string[] = [];
let publicAnswers = 0;
const resolveHost = async (host: string) => {
  resolutions.push(host);
  if (host !== 'rebind.example.test') throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  if (publicAnswers > 0) {
    publicAnswers--;
    return ['93.184.215.14'];
  }
  return ['127.0.0.1'];
};

forEachDatabase(
  (h) => {
    it('an attempt connects to the address its check judged, not to what the name resolves to next', async () => {
      // The save's check and the attempt's check see the public address; any later resolution would see loopback.
      publicAnswers = 2;
      resolutions.length = 0;
      const created = await h().call('POST', '/v1/webhook-endpoints', { serverKey: true, body: { url: `https://rebind.example.test:${listenerPort}/hooks`, events: ['member.added'] } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await h().call('POST', h().nw('/members'), { as: OWNER, body: { email: 'pinned@example.com', firstName: 'Pin', lastName: 'Ned', role: 'member' } });
      const attempted = async () => (await h().call('GET', `/v1/webhook-endpoints/${created.body.id}/deliveries`, { serverKey: true })).body.items[0];
      for (let i = 0; i < 20 && !(await attempted())?.attemptHistory.length; i++) await h().server.runJobs();
      const delivery = await attempted();
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
      // It tried the checked public address (unreachable from a test, or silent) and asked DNS nothing more.
      expect(delivery.lastError).toContain('93.184.215.14');
      expect(resolutions).toEqual(['rebind.example.test', 'rebind.example.test']);
      expect(connections).toHaveLength(0);
    });
  },
  // The attempt's timeout bounds the wait when the public address swallows the connection.
  { webhooks: { resolveHost, timeoutMs: 2000 } },
);
