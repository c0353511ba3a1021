/**
 * The webhook receiver against the real reference server (in this process, on a real socket, in-memory PGlite, demo
 * data): a seat assigned and taken back arrive as two verified events, each printed once.
 *
 *   npm test -w @seatkit/example-provisioning-script
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createSeatKitClient } from '@seatkit/core';
import type { WebhookEvent } from '@seatkit/core/webhooks';
import { createPGliteDatabase, createSeatKitServer, startNodeServer, type DemoSeed, type SeatKitServer } from '@seatkit/server/node';
import { formatEvent, startWebhookReceiver } from '../src/receive-webhooks.js';

let server: SeatKitServer;
let demo: DemoSeed;
let url: string;
let close: () => Promise<void>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const lines: string[] = [];
const events: WebhookEvent[] = [];
let secret = '';

before(async () => {
  server = await createSeatKitServer({
    database: await createPGliteDatabase(),
    auth: { mode: 'dev', secret: 'receive-test' },
    serverKey: 'sk_receive',
    appUrl: 'http://console.test',
    jobs: { intervalMs: 0 },
    webhooks: { allowPrivate: true },
  });
  demo = await server.seedDemo();
  ({ url, close } = await startNodeServer(server, { port: 0 }));
  receiver = await startWebhookReceiver({ port: 0, secret: () => secret, onEvent: (id, event) => (events.push(event), lines.push(formatEvent(id, event))) });
});

after(async () => {
  await receiver?.close();
  await close?.();
  await server?.close();
});

it('prints each verified event once', async () => {
  const admin = createSeatKitClient({ baseUrl: url, serverKey: 'sk_receive' });
  const endpoint = await admin.webhookEndpoints.create({ url: receiver.url, events: ['seat.assigned', 'seat.unassigned'] });
  secret = endpoint.secret;
  const token = (await (await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@northwind.test' }) })).json()) as { token: string };
  const owner = createSeatKitClient({ baseUrl: url, getToken: () => token.token });
  const { orgId, memberMemberId, subscriptions } = demo.northwind;
  await owner.seats.assign({ orgId, subscriptionId: subscriptions.imagingCloud, memberIds: [memberMemberId] });
  await owner.seats.unassign({ orgId, subscriptionId: subscriptions.imagingCloud, memberId: memberMemberId });
  for (let i = 0; i < 20 && events.length < 2; i++) await server.runJobs();
  // Deliveries run side by side, so their order is not the changes' order: `timestamp` is.
  const byTime = [...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.type.localeCompare(b.type));
  assert.deepEqual(byTime.map((e) => [e.type, e.data.id]), [['seat.assigned', memberMemberId], ['seat.unassigned', memberMemberId]]);
  assert.ok(lines.some((line) => /seat\.assigned .* member mem_\w+ {2}by owner@northwind\.test {2}\(evt_\w+\)$/.test(line)), lines.join('\n'));
  // Later runs send nothing more, and a retry of a delivered event is not printed twice.
  const [delivery] = (await admin.webhookEndpoints.deliveries({ endpointId: endpoint.id })).items;
  await admin.webhookEndpoints.retryDelivery({ endpointId: endpoint.id, deliveryId: delivery!.id });
  await server.runJobs();
  assert.equal((await admin.webhookEndpoints.deliveries({ endpointId: endpoint.id })).items.find((d) => d.id === delivery!.id)?.attempts, 2);
  assert.equal(lines.length, 2);
});
