#!/usr/bin/env node
// Serves this folder and the @seatkit/elements bundle, nothing else: `npm start` (PORT=8080 to choose the port).
// Any static file server does the same job; this one only exists so the example needs no tool at all.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/** Where a URL path is on disk, or null: the page's folder, and the elements package under /node_modules/. */
function locate(root, elementsDir, pathname) {
  const path = normalize(decodeURIComponent(pathname));
  const prefix = '/node_modules/@seatkit/elements/';
  const [base, rest] = path.startsWith(prefix) ? [elementsDir, path.slice(prefix.length)] : [root, path.slice(1) || 'index.html'];
  const file = join(base, rest);
  return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Starts the server; resolves `{ url, close }` once it listens. */
export function serve({ port = 0, host = '127.0.0.1' } = {}) {
  const root = dirname(fileURLToPath(import.meta.url));
  const elementsDir = dirname(createRequire(import.meta.url).resolve('@seatkit/elements/package.json'));
  const server = createServer((request, response) => {
    const file = locate(root, elementsDir, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!file || (!TYPES[extname(file)] && !file.endsWith('.css'))) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/css' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}`;
      resolve({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Acme admin (plain HTML) at ${url}/?api=http://localhost:4000`);
}
