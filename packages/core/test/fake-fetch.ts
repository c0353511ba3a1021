/**
 * A scripted `fetch` for fault tests: each call takes the next step, records the request, and
 * answers with a Response or throws. Only network faults and malformed answers use it; everything
 * else is tested against the real server.
 */
export type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  requests: Request[];
}

export function fakeFetch(...steps: Step[]): FakeFetch {
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const step = steps.length > 1 ? steps.shift()! : steps[0];
    if (step === undefined) throw new Error('fakeFetch: no step left');
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(request);
    return step.clone();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, requestId: 'req_123', ...extra },
});

/** What `fetch` throws when nothing listens on the port (undici's shape). */
export const refused = (): TypeError =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });

export const organization = { id: 'org_1', name: 'Northwind Dental', ownerMemberId: 'mem_1', locale: 'en', createdAt: '2026-11-22T06:00:00.000Z' };

export const member = {
  id: 'mem_2',
  orgId: 'org_1',
  userId: 'usr_2',
  email: 'ann@example.com',
  firstName: 'Ann',
  lastName: 'Lee',
  role: 'member',
  permissions: ['members:read', 'seats:read'],
  grants: [],
  status: 'active',
  subscriptionIds: [],
  createdAt: '2026-11-22T06:00:00.000Z',
  lastActiveAt: null,
  invitedBy: null,
};
