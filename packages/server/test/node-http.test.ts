import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type DemoSeed, type SeatKitServer } from '@seatkit/server';
import { startNodeServer, type RunningNodeServer, type StartNodeServerOptions } from '@seatkit/server/node';
import { OWNER } from './helpers.js';

/**
 * The Node listener over a real socket: an answer sent before its request's body arrived must leave the keep-alive
 * connection usable (or say `Connection: close`), and the HTTP limits of `startNodeServer` must take effect.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface SendOptions {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send only this many bytes of the body until the answer's headers arrive, then the rest. */
  holdAfter?: number;
  /** Send the body chunked (no Content-Length). */
  chunked?: boolean;
}

function send(agent: http.Agent, url: string, options: SendOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      if (!options.chunked) headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const request = http.request(url, { method: options.method, agent, headers }, (res) => {
      if (options.body !== undefined && options.holdAfter !== undefined) request.end(options.body.slice(options.holdAfter));
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      res.on('error', reject);
    });
    request.on('error', reject);
    if (options.body === undefined) request.end();
    else if (options.holdAfter !== undefined) request.write(options.body.slice(0, options.holdAfter));
    else request.end(options.body);
  });
}

let server: SeatKitServer;
let demo: DemoSeed;
let token: string;

beforeAll(async () => {
  server = await createSeatKitServer({ database: await createPGliteDatabase(), auth: { mode: 'dev', secret: 'test-secret' }, logger: silentLogger });
  demo = await server.seedDemo();
  token = await server.devToken(OWNER);
});
afterAll(async () => {
  await server?.close();
});

/** A second Node listener over the same SeatKit server (closing it leaves the server open). */
async function listen(options: StartNodeServerOptions = {}): Promise<RunningNodeServer> {
  const view = { ...server, close: async () => {} } as SeatKitServer;
  return startNodeServer(view, { port: 0, emailRetryIntervalMs: 0, ...options });
}

describe('an answer sent before the body was read keeps the keep-alive connection usable', () => {
  let running: RunningNodeServer;
  let agent: http.Agent;
  beforeAll(async () => {
    running = await listen();
  });
  afterAll(async () => {
    agent?.destroy();
    await running?.close();
  });

  const nextFive = async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await send(agent, `${running.url}/v1/me`, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
      statuses.push(res.status);
    }
    return statuses;
  };
  const members = () => `${running.url}/v1/orgs/${demo.northwind.orgId}/members`;

  const cases: [string, () => Promise<Answer>, number][] = [
    ['413 for a 300 kB body', () => send(agent, members(), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'x'.repeat(300_000) }), 413],
    [
      '413 while the body is still on its way',
      () => send(agent, members(), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'x'.repeat(300_000), holdAfter: 1024 }),
      413,
    ],
    ['an early 401 on a 250 kB body', () => send(agent, members(), { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(250_000) }), holdAfter: 1024 }), 401],
    [
      'a 404 on a 250 kB PATCH',
      () =>
        send(agent, `${running.url}/v1/orgs/org_nope/members/true`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}` },
          body: JSON.stringify({ firstName: 'x'.repeat(250_000) }),
          holdAfter: 1024,
        }),
      404,
    ],
    [
      'a chunked body over the limit (answered with Connection: close)',
      () => send(agent, members(), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'x'.repeat(300_000), chunked: true }),
      413,
    ],
    [
      'a 2 MB body, more than is drained (answered with Connection: close)',
      () => send(agent, members(), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'x'.repeat(2_000_000), holdAfter: 1024 }),
      413,
    ],
  ];

  for (const [name, first, status] of cases) {
    it(`${name}: the next five requests on the same agent (one socket) succeed`, async () => {
      agent?.destroy();
      agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const answer = await first();
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text).error.code).toBeTypeOf('string');
      expect(await nextFive()).toEqual([200, 200, 200, 200, 200]);
    });
  }

  it('a body it does not wait for is answered with Connection: close, a drained one with keep-alive', async () => {
    agent?.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const auth = { authorization: `Bearer ${token}` };
    const big = await send(agent, members(), { method: 'POST', headers: auth, body: 'x'.repeat(2_000_000), holdAfter: 1024 });
    expect(big.headers.connection).toBe('close');
    const drained = await send(agent, members(), { method: 'POST', headers: auth, body: 'x'.repeat(300_000), holdAfter: 1024 });
    expect(drained.headers.connection).toBe('keep-alive');
  });
});

/** Connects a raw socket and collects what the server sends until it closes the connection. */
function rawSocket(port: number, write?: string) {
  const socket = net.connect(port, '127.0.0.1');
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (data += chunk));
  socket.on('error', () => {});
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(data)));
  if (write !== undefined) socket.write(write);
  return { socket, connected, closed, data: () => data };
}

describe('HTTP limits of startNodeServer', () => {
  it('a client that does not finish its headers in headersTimeoutMs gets 408 and is disconnected', async () => {
    const running = await listen({ headersTimeoutMs: 300, requestTimeoutMs: 1000 });
    const started = Date.now();
    const slow = rawSocket(running.port, 'GET /v1/me HTTP/1.1\r\nHost: x\r\n');
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await running.close();
  });

  it('an idle keep-alive connection is closed after keepAliveTimeoutMs', async () => {
    const running = await listen({ keepAliveTimeoutMs: 200 });
    const started = Date.now();
    const client = rawSocket(running.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const data = await client.closed;
    expect(data).toMatch(/^HTTP\/1\.1 200/);
    // Node's default would keep it for 5 s (and a test's own timeout is longer still).
    expect(Date.now() - started).toBeLessThan(4_000);
    await running.close();
  });

  it('a connection over maxConnections is closed at once; the others keep working', async () => {
    const running = await listen({ maxConnections: 2 });
    const first = rawSocket(running.port);
    const second = rawSocket(running.port);
    await Promise.all([first.connected, second.connected]);
    const third = rawSocket(running.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await third.closed).toBe('');
    const answered = new Promise<string>((resolve) => first.socket.once('data', (chunk) => resolve(String(chunk))));
    first.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);
    first.socket.destroy();
    second.socket.destroy();
    await running.close();
  });

  it('refuses a bad limit at start', async () => {
    await expect(listen({ headersTimeoutMs: 10_000, requestTimeoutMs: 5_000 })).rejects.toThrow(/headersTimeoutMs/);
    await expect(listen({ maxConnections: -1 })).rejects.toThrow(/maxConnections/);
  });
});
