import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGliteDatabase, createSeatKitServer, type Database, type SeatKitServer } from '@seatkit/server';
import { captureLogger, OWNER } from './security/support.js';

/** The ways a host mounts the API under a path; each must route, and `/openapi.json` must name the mount as its server. */
let database: Database;
let token: string;
const servers: SeatKitServer[] = [];

const sharedDb = (): Database => ({ ...database, close: async () => {} });
const make = async (basePath?: string) => {
  const server = await createSeatKitServer({ database: sharedDb(), auth: { mode: 'dev', secret: 's' }, logger: captureLogger().logger, ...(basePath ? { basePath } : {}) });
  servers.push(server);
  return server;
};

beforeAll(async () => {
  database = await createPGliteDatabase();
  const server = await make();
  await server.seedDemo();
  token = await server.devToken(OWNER);
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await database?.close();
});

const auth = () => ({ authorization: `Bearer ${token}` });
const openapiServers = async (res: Response) => ((await res.json()) as { servers: { url: string }[] }).servers;

describe('mounting under a path', () => {
  it('served alone: routes at the root, openapi servers "/"', async () => {
    const server = await make();
    expect(await openapiServers(await server.fetch(new Request('http://x/openapi.json')))).toEqual([{ url: '/' }]);
    expect((await server.fetch(new Request('http://x/v1/me', { headers: auth() }))).status).toBe(200);
  });

  it("a Hono host's route('/seatkit', server.app)", async () => {
    const seatkit = await make();
    const host = new Hono();
    host.get('/health', (c) => c.text('ok'));
    host.route('/seatkit', seatkit.app);
    expect(await (await host.request('/health')).text()).toBe('ok');
    expect((await host.request('/seatkit/v1/me', { headers: auth() })).status).toBe(200);
    expect(await openapiServers(await host.request('/seatkit/openapi.json'))).toEqual([{ url: '/seatkit' }]);
    expect(((await (await host.request('/seatkit')).json()) as { openapi: string }).openapi).toBe('/seatkit/openapi.json');
    // The API's own 404 (a contract error) for unknown paths under the mount; the host's for the rest.
    const unknown = await host.request('/seatkit/v1/nope', { headers: auth() });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.code).toBe('not_found');
  });

  it("a Hono host's route('/', server.app) keeps the host's own routes, registered before or after", async () => {
    const seatkit = await make();
    const host = new Hono();
    host.get('/before', (c) => c.text('before'));
    host.route('/', seatkit.app);
    host.get('/after', (c) => c.text('after'));
    host.post('/v2/things', (c) => c.text('host api'));
    expect(await (await host.request('/before')).text()).toBe('before');
    expect(await (await host.request('/after')).text()).toBe('after');
    expect(await (await host.request('/v2/things', { method: 'POST' })).text()).toBe('host api');
    expect((await host.request('/v1/me', { headers: auth() })).status).toBe(200);
  });

  it('a plain fetch handler under a prefix (a Next.js catch-all route handler) with basePath', async () => {
    const seatkit = await make('/api/seatkit/');
    // What app/api/seatkit/[...path]/route.ts does: hand the full-URL request over.
    const handler = (req: Request) => seatkit.app.fetch(req);
    expect((await handler(new Request('https://host.example/api/seatkit/v1/me', { headers: auth() }))).status).toBe(200);
    expect(await openapiServers(await handler(new Request('https://host.example/api/seatkit/openapi.json')))).toEqual([{ url: '/api/seatkit' }]);
    expect((await handler(new Request('https://host.example/v1/me', { headers: auth() }))).status).toBe(404);
  });

  it('a Node request listener under a prefix (what Express does with getRequestListener and req.originalUrl)', async () => {
    const seatkit = await make('/seatkit');
    const listener = getRequestListener(seatkit.fetch);
    const http: Server = createServer((req, res) => {
      if (req.url?.startsWith('/seatkit/') || req.url === '/seatkit') return void listener(req, res);
      res.writeHead(200).end('host page');
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    try {
      expect((await fetch(`${base}/seatkit/v1/me`, { headers: auth() })).status).toBe(200);
      expect(await openapiServers(await fetch(`${base}/seatkit/openapi.json`))).toEqual([{ url: '/seatkit' }]);
      expect(await (await fetch(`${base}/elsewhere`)).text()).toBe('host page');
    } finally {
      await new Promise<void>((done) => {
        http.close(() => done());
        http.closeAllConnections();
      });
    }
  });

  it('refuses a basePath that is not a path', async () => {
    await expect(make('seatkit')).rejects.toThrow('basePath');
  });
});
