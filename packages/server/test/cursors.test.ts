import { buildPath, routes, type RouteDef } from '@seatkit/core/contract';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/util.js';
import { forEachDatabase, OWNER, type Harness } from './helpers.js';

/** Every list that pages with a cursor, read from the route table (a new one is covered without a change here). */
const LISTS = Object.entries(routes as Record<string, RouteDef>).filter(([, def]) => {
  const shape = (def.query as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return def.method === 'GET' && shape !== undefined && 'cursor' in shape;
});

/** Where a list lives and who may read it: an org's lists as its owner, the server-key lists (webhook deliveries) with the key, on an endpoint made for the test. */
async function listTarget(h: Harness, def: RouteDef): Promise<{ path: string; as: { as: string } | { serverKey: true } }> {
  if (def.auth === 'server') {
    const endpoint = await h.call('POST', '/v1/webhook-endpoints', { serverKey: true, body: { url: 'https://93.184.215.14/hook' } });
    expect(endpoint.status).toBe(201);
    return { path: buildPath(def.path, { endpointId: endpoint.body.id } as never), as: { serverKey: true } };
  }
  return { path: buildPath(def.path, { orgId: h.demo.northwind.orgId, subscriptionId: h.demo.northwind.subscriptions.imagingApp } as never), as: { as: OWNER } };
}

/** Lists ordered by a sequence number (their cursor is one bigint), the others by a name or a time and an id. */
const BY_SEQ = new Set(['listInvitations', 'listAuditEvents', 'listSeatRequests', 'listWebhookDeliveries']);

const raw = (text: string) => Buffer.from(text).toString('base64url');

/** Cursors no list ever made: wrong types, out of range, wrong arity, not JSON, not base64. */
const BAD_CURSORS: [string, string][] = [
  ['["abc"]', encodeCursor(['abc'])],
  ['[1e30]', raw('[1e30]')],
  ['a number past int8', encodeCursor(['9223372036854775808'])],
  ['a seq of 20 digits', encodeCursor(['12345678901234567890'])],
  ['a negative seq', encodeCursor(['-1'])],
  ['a seq as a number', encodeCursor([5])],
  ['[null]', encodeCursor([null])],
  ['[]', encodeCursor([])],
  ['three values', encodeCursor(['a', 'b', 'c'])],
  ['an object', raw('{"a":1}')],
  ['nested arrays', encodeCursor([['x'], 'y'])],
  ['a boolean and a number', encodeCursor([true, 5])],
  ['an over-long name', encodeCursor(['x'.repeat(301), 'mem_x'])],
  ['an over-long id', encodeCursor(['ann', 'm'.repeat(201)])],
  ['a NUL', encodeCursor(['a\u0000', 'mem_x'])],
  ['not JSON', raw('not json')],
  ['half a JSON array', raw('["a",')],
  ['not base64', '%%%'],
  ['garbage', 'garbage'],
  ['empty', ''],
];

forEachDatabase((h) => {
  describe('list cursors are checked against their list’s shape: 400 invalid_cursor, never 500', () => {
    it('the route table has the seven paged lists', () => {
      expect(LISTS.map(([name]) => name).sort()).toEqual([
        'listAuditEvents', 'listIdleSeats', 'listInvitations', 'listMembers', 'listSeatRequests', 'listSeats', 'listWebhookDeliveries',
      ]);
    });

    for (const [name, def] of LISTS) {
      it(`${name}: every malformed cursor is refused`, async () => {
        const failures: string[] = [];
        const { path, as } = await listTarget(h(), def);
        for (const [what, cursor] of BAD_CURSORS) {
          const res = await h().call('GET', `${path}?cursor=${encodeURIComponent(cursor)}`, as);
          const issue = res.body?.error?.details?.[0];
          if (res.status !== 400 || res.body.error.code !== 'validation_failed' || issue?.code !== 'invalid_cursor' || issue?.path?.[0] !== 'cursor') {
            // An empty cursor is the schema's business (it may allow or refuse it), never a 500.
            if (!(cursor === '' && res.status < 500)) failures.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        }
        expect(failures).toEqual([]);
      });

      it(`${name}: its own cursors still page, a cursor of the other list's shape is refused`, async () => {
        const { path, as } = await listTarget(h(), def);
        const first = await h().call('GET', `${path}?limit=1`, as);
        expect(first.status).toBe(200);
        if (first.body.nextCursor) {
          const next = await h().call('GET', `${path}?limit=1&cursor=${first.body.nextCursor}`, as);
          expect(next.status).toBe(200);
        }
        const bySeq = BY_SEQ.has(name);
        const foreign = bySeq ? encodeCursor(['ann', 'mem_x']) : encodeCursor(['12']);
        const res = await h().call('GET', `${path}?cursor=${foreign}`, as);
        expect(res.status).toBe(400);
        if (bySeq) {
          // The edges of int8 are cursors like any other.
          for (const seq of ['0', '9223372036854775807']) {
            expect((await h().call('GET', `${path}?cursor=${encodeCursor([seq])}`, as)).status, seq).toBe(200);
          }
        }
      });
    }
  });
});
