// Serves a static Storybook build under a nested prefix (relative asset paths must work from any
// folder) on a free local port. Shared by smoke-static.mjs and measure-static.mjs.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';

const TYPES = { '.tgz': 'application/gzip', '.gz': 'application/gzip', '.data': 'application/octet-stream', '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

/** Starts the server; `base` ends with a slash, `close()` stops it. */
export async function serveStatic(folder = 'storybook-static', prefix = '/some/nested/folder/') {
  const root = resolve(folder);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) return res.writeHead(404).end();
    let file = join(root, path.slice(prefix.length));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
    // Validators and a short freshness, as static hosts send them (GitHub Pages: max-age=600): without them a
    // browser keeps nothing between visits, and "warm cache" would measure a cold one.
    const { size, mtime } = statSync(file);
    const etag = `"${size.toString(16)}-${mtime.getTime().toString(16)}"`;
    const headers = { etag, 'last-modified': mtime.toUTCString(), 'cache-control': 'max-age=600' };
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() };
}

/** The same Chromium the story tests use (SEATKIT_CHROMIUM_PATH as in vitest.shared.ts, default /usr/bin/chromium). */
export const chromiumOptions = {
  executablePath: process.env.SEATKIT_CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
};
