#!/usr/bin/env -S npx tsx
/**
 * Receives the webhooks of a SeatKit server and prints each one verified, a line per event.
 *
 *   SEATKIT_WEBHOOK_SECRET=whsec_… npx tsx src/receive-webhooks.ts --port 4100
 *
 * With --register it first registers itself as an endpoint with the server key (the server must allow http: and
 * loopback addresses: `npx seatkit-server start --webhooks-allow-private`, development only) and uses the secret it
 * gets back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createSeatKitClient } from '@seatkit/core';
import { verifyWebhook, type WebhookEvent } from '@seatkit/core/webhooks';

const USAGE = `Usage: seatkit-receive-webhooks [--port 4100] [--register [--url <server>]]

Options:
  --port <n>      port to listen on, on 127.0.0.1 (default 4100; 0 picks a free one)
  --register      register http://127.0.0.1:<port>/ as a webhook endpoint (needs SEATKIT_SERVER_KEY)
  --url <url>     the SeatKit server, for --register (default: $SEATKIT_URL or http://localhost:4000)

Environment:
  SEATKIT_WEBHOOK_SECRET  the endpoint's whsec_… secret (not needed with --register)
  SEATKIT_SERVER_KEY      the server key, for --register
`;

/** One verified webhook as a line: when, what, where, which resource, who. */
export function formatEvent(id: string, event: WebhookEvent): string {
  const { object, id: resourceId, actor } = event.data;
  return `${event.timestamp}  ${event.type.padEnd(36)}  ${event.orgId}  ${object} ${resourceId ?? '-'}  by ${actor.email ?? 'nobody'}  (${id})`;
}

/**
 * Listens on 127.0.0.1 and hands every verified webhook to `onEvent`, once per `webhook-id` (a retry of an event already
 * seen is answered 204 and not handed on). An unverified request gets 400.
 */
export async function startWebhookReceiver(options: { port: number; secret: () => string; onEvent: (id: string, event: WebhookEvent) => void }) {
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      let event: WebhookEvent;
      try {
        event = await verifyWebhook(Buffer.concat(chunks), req.headers, options.secret());
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(204).end();
      const id = String(req.headers['webhook-id']);
      if (seen.has(id)) return;
      seen.add(id);
      options.onEvent(id, event);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4100' }, register: { type: 'boolean', default: false }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  let secret = process.env.SEATKIT_WEBHOOK_SECRET ?? '';
  if (!values.register && !secret) throw new Error('set SEATKIT_WEBHOOK_SECRET (or use --register)');
  const receiver = await startWebhookReceiver({ port: Number(values.port), secret: () => secret, onEvent: (id, event) => console.log(formatEvent(id, event)) });
  if (values.register) {
    const serverKey = process.env.SEATKIT_SERVER_KEY;
    if (!serverKey) throw new Error('--register needs SEATKIT_SERVER_KEY');
    const client = createSeatKitClient({ baseUrl: values.url ?? process.env.SEATKIT_URL ?? 'http://localhost:4000', serverKey });
    const endpoint = await client.webhookEndpoints.create({ url: receiver.url, description: 'receive-webhooks example' });
    secret = endpoint.secret;
    console.error(`registered ${endpoint.id} → ${receiver.url}`);
  }
  console.error(`listening on ${receiver.url}; Ctrl-C to stop`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
