import { routes, type RouteName } from '@seatkit/core/contract';
import type { CallOptions, Harness } from '../helpers.js';

/**
 * The authorization matrix as data: who may call which contract route, and what everybody else gets.
 * Written by hand from the rules (docs/rules.md), not derived from the route table's `permission` field, so a wrong
 * permission in the contract or the server fails the test instead of being copied into the expectation.
 * `authorization-matrix.test.ts` asserts every cell against the server and renders docs/authorization-matrix.md.
 */

export const CALLERS = [
  'owner',
  'admin',
  'member',
  'custom',
  'suspended',
  'invitee',
  'outsider',
  'otherOrg',
  'noToken',
  'expired',
  'malformed',
  'forged',
  'serverKey',
] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_DESCRIPTIONS: Record<Caller, string> = {
  owner: 'Owner of Northwind (the main contact)',
  admin: 'Admin of Northwind',
  member: 'Member of Northwind (built-in `member` role: members:read, seats:read)',
  custom: 'Member of Northwind with the custom role `seat-clerk` (seats:read, seats:assign, audit:read; no members:read)',
  suspended: 'A suspended member of Northwind',
  invitee: 'The person with the pending Northwind invitation (signed in, not yet a member)',
  outsider: 'Signed in, member of no organization',
  otherOrg: 'Owner of Lakeside Clinic (another organization), calling Northwind routes',
  noToken: 'No Authorization header',
  expired: 'A dev token of the owner, past its expiry',
  malformed: '`Authorization: Bearer not-a-jwt`',
  forged: "A well-formed token naming the owner, signed with another key",
  serverKey: 'The provisioning server key',
};

/** What a cell expects: the status, and the error code when it is an error. */
export interface Expectation {
  status: number;
  code?: string;
  /** For 200 answers that carry a decision (checkAccess). */
  note?: string;
}

const ok = (status: number, note?: string): Expectation => ({ status, ...(note ? { note } : {}) });
const unauthorized: Expectation = { status: 401, code: 'unauthorized' };
const hidden: Expectation = { status: 404, code: 'not_found' };
const forbidden: Expectation = { status: 403, code: 'forbidden' };
const ownerRequired: Expectation = { status: 403, code: 'owner_required' };

const SIGNED_IN: Caller[] = ['owner', 'admin', 'member', 'custom', 'suspended', 'invitee', 'outsider', 'otherOrg'];
const ACTIVE_MEMBERS: Caller[] = ['owner', 'admin', 'member', 'custom'];

/**
 * An organization route: active members listed in `allowed` succeed with `status`; other active members are
 * `forbidden`; everyone signed in but not an active member sees `not_found` (tenancy hides the org); no valid
 * user token is `unauthorized`.
 */
function orgRoute(status: number, allowed: Caller[], overrides: Partial<Record<Caller, Expectation>> = {}): Record<Caller, Expectation> {
  const row = {} as Record<Caller, Expectation>;
  for (const caller of CALLERS) {
    if (ACTIVE_MEMBERS.includes(caller)) row[caller] = allowed.includes(caller) ? ok(status) : forbidden;
    else if (SIGNED_IN.includes(caller)) row[caller] = hidden;
    else row[caller] = unauthorized;
  }
  return { ...row, ...overrides };
}

/** A provisioning route: only the server key; a user token, even the owner's, is `unauthorized`. */
function serverRoute(status: number): Record<Caller, Expectation> {
  const row = {} as Record<Caller, Expectation>;
  for (const caller of CALLERS) row[caller] = caller === 'serverKey' ? ok(status) : unauthorized;
  return row;
}

function userRoute(status: number, overrides: Partial<Record<Caller, Expectation>> = {}): Record<Caller, Expectation> {
  const row = {} as Record<Caller, Expectation>;
  for (const caller of CALLERS) row[caller] = SIGNED_IN.includes(caller) ? ok(status) : unauthorized;
  return { ...row, ...overrides };
}

const ADMINS: Caller[] = ['owner', 'admin'];
const READERS: Caller[] = ['owner', 'admin', 'member'];
const SEAT_READERS: Caller[] = ['owner', 'admin', 'member', 'custom'];
const SEAT_ASSIGNERS: Caller[] = ['owner', 'admin', 'custom'];

export const MATRIX: Record<RouteName, Record<Caller, Expectation>> = {
  me: userRoute(200),
  getOrganization: orgRoute(200, ACTIVE_MEMBERS),
  updateOrganization: orgRoute(200, ['owner'], { admin: ownerRequired, member: ownerRequired, custom: ownerRequired }),
  transferOwnership: orgRoute(200, ['owner'], { admin: ownerRequired, member: ownerRequired, custom: ownerRequired }),
  listMembers: orgRoute(200, READERS),
  exportMembers: orgRoute(200, READERS),
  addMember: orgRoute(201, ADMINS),
  getMember: orgRoute(200, READERS),
  updateMember: orgRoute(200, ADMINS),
  removeMember: orgRoute(204, ADMINS),
  listInvitations: orgRoute(200, READERS),
  createInvitations: orgRoute(200, ADMINS),
  resendInvitation: orgRoute(200, ADMINS),
  revokeInvitation: orgRoute(200, ADMINS),
  // Public by design: the token is the credential. Whatever Authorization header comes along is ignored.
  previewInvitation: Object.fromEntries(CALLERS.map((c) => [c, ok(200)])) as Record<Caller, Expectation>,
  acceptInvitation: userRoute(200, {
    owner: forbidden,
    admin: forbidden,
    member: forbidden,
    custom: forbidden,
    suspended: forbidden,
    outsider: forbidden,
    otherOrg: forbidden,
  }),
  listRoles: orgRoute(200, READERS),
  createRole: orgRoute(201, ADMINS),
  updateRole: orgRoute(200, ADMINS),
  deleteRole: orgRoute(204, ADMINS),
  listSubscriptions: orgRoute(200, SEAT_READERS),
  listSeats: orgRoute(200, SEAT_READERS),
  assignSeats: orgRoute(200, SEAT_ASSIGNERS),
  unassignSeat: orgRoute(204, SEAT_ASSIGNERS),
  listIdleSeats: orgRoute(200, SEAT_READERS),
  reclaimSeats: orgRoute(200, SEAT_ASSIGNERS),
  setReclaimPolicy: orgRoute(200, SEAT_ASSIGNERS),
  getSeatUsage: orgRoute(200, SEAT_READERS),
  // Any active member asks for themself; without seats:read a member lists only their own requests.
  createSeatRequest: orgRoute(200, ACTIVE_MEMBERS),
  listSeatRequests: orgRoute(200, ACTIVE_MEMBERS),
  approveSeatRequest: orgRoute(200, SEAT_ASSIGNERS),
  denySeatRequest: orgRoute(200, SEAT_ASSIGNERS),
  // Gates need an answer for everyone signed in; outside the org it is the same for existing and unknown orgs.
  checkAccess: orgRoute(200, ACTIVE_MEMBERS, {
    suspended: ok(200, 'allowed: false, reason member_suspended'),
    invitee: ok(200, 'allowed: false, reason not_a_member'),
    outsider: ok(200, 'allowed: false, reason not_a_member'),
    otherOrg: ok(200, 'allowed: false, reason not_a_member'),
  }),
  listAuditEvents: orgRoute(200, ['owner', 'admin', 'custom']),
  createProduct: serverRoute(201),
  createOrganization: serverRoute(201),
  createSubscription: serverRoute(201),
  updateSubscription: serverRoute(200),
  createWebhookEndpoint: serverRoute(201),
  listWebhookEndpoints: serverRoute(200),
  getWebhookEndpoint: serverRoute(200),
  updateWebhookEndpoint: serverRoute(200),
  deleteWebhookEndpoint: serverRoute(204),
  rotateWebhookEndpointSecret: serverRoute(200),
  listWebhookDeliveries: serverRoute(200),
  retryWebhookDelivery: serverRoute(200),
};

const cell = (e: Expectation) => (e.code ? `${e.status} ${e.code}` : e.note ? `${e.status}¹` : String(e.status));

/** docs/authorization-matrix.md, generated from MATRIX (run the test with UPDATE_DOCS=1 to rewrite it). */
export function renderMatrixMarkdown(): string {
  const lines = [
    '# Authorization matrix',
    '',
    '<!-- Generated by packages/server/test/security/authorization-matrix.test.ts from authorization-matrix.ts.',
    '     Do not edit by hand: change the table there and run `UPDATE_DOCS=1 npx vitest run --project server authorization-matrix`. -->',
    '',
    'Every route of the contract (`routes` in `@seatkit/core/contract`) called by every kind of caller, with the',
    'status (and error code) the server answers. Each cell is asserted by `packages/server/test/security/authorization-matrix.test.ts`,',
    'which also checks that a denied call changed no row in any table.',
    '',
    'Reading the table:',
    '',
    '- `404 not_found` for a signed-in caller outside the organization is deliberate: another tenant’s organization',
    '  does not exist for the caller (no existence oracle). The same answer is given for an organization id that does not exist.',
    '- `403 forbidden` names the missing permission in `error.details.permission`.',
    '- `403 owner_required`: only the owner may transfer ownership (the route itself needs no permission).',
    '- ¹ `checkAccess` answers `200` for everyone signed in; for a suspended member `{ allowed: false, reason: "member_suspended" }`,',
    '  for anyone outside the organization `{ allowed: false, reason: "not_a_member" }` (same for an unknown organization).',
    '- `acceptInvitation` is `403 forbidden` (reason `email_mismatch`) for every signed-in user but the invited address.',
    '- `previewInvitation` is public: the invitation token in the path is the credential; the Authorization header is ignored.',
    '',
    '## Callers',
    '',
    '| caller | who |',
    '|---|---|',
    ...CALLERS.map((c) => `| \`${c}\` | ${CALLER_DESCRIPTIONS[c]} |`),
    '',
    '## Matrix',
    '',
    `| route | method and path | permission | ${CALLERS.map((c) => `\`${c}\``).join(' | ')} |`,
    `|---|---|---|${CALLERS.map(() => '---').join('|')}|`,
  ];
  for (const [name, def] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
    const permission = def.auth === 'server' ? 'server key' : def.auth === 'none' ? 'none (token in path)' : ('permission' in def ? `\`${def.permission}\`` : 'signed in');
    lines.push(`| \`${name}\` | \`${def.method} ${def.path}\` | ${permission} | ${CALLERS.map((c) => cell(MATRIX[name][c])).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** What the requests below need besides the demo ids. */
export interface World {
  inviteToken: string;
  /** An endpoint registered before the members were added, and one of the deliveries those additions queued (unknown ids without). */
  webhookEndpointId?: string;
  webhookDeliveryId?: string;
  auth: Record<Caller, CallOptions>;
}

export type Req = { method: string; path: string; body?: unknown };

/** One request per route that succeeds for a caller who is allowed (fresh demo data). */
export const REQUESTS: Record<RouteName, (h: Harness, w: World) => Req> = {
  me: () => ({ method: 'GET', path: '/v1/me' }),
  getOrganization: (h) => ({ method: 'GET', path: h.nw() }),
  updateOrganization: (h) => ({ method: 'PATCH', path: h.nw(), body: { locale: 'fr' } }),
  transferOwnership: (h) => ({ method: 'POST', path: h.nw('/ownership'), body: { memberId: h.demo.northwind.adminMemberId } }),
  listMembers: (h) => ({ method: 'GET', path: h.nw('/members') }),
  exportMembers: (h) => ({ method: 'GET', path: h.nw('/members/export?role=member') }),
  addMember: (h) => ({ method: 'POST', path: h.nw('/members'), body: { email: 'new.person@example.com', firstName: 'New', lastName: 'Person', role: 'member' } }),
  getMember: (h) => ({ method: 'GET', path: h.nw(`/members/${h.demo.northwind.memberMemberId}`) }),
  updateMember: (h) => ({ method: 'PATCH', path: h.nw(`/members/${h.demo.northwind.memberMemberId}`), body: { firstName: 'Renamed' } }),
  removeMember: (h) => ({ method: 'DELETE', path: h.nw(`/members/${h.demo.northwind.memberMemberId}`) }),
  listInvitations: (h) => ({ method: 'GET', path: h.nw('/invitations') }),
  createInvitations: (h) => ({ method: 'POST', path: h.nw('/invitations'), body: { invitations: [{ email: 'invited@example.com', role: 'member' }] } }),
  resendInvitation: (h) => ({ method: 'POST', path: h.nw(`/invitations/${h.demo.northwind.pendingInvitationId}/resend`) }),
  revokeInvitation: (h) => ({ method: 'DELETE', path: h.nw(`/invitations/${h.demo.northwind.pendingInvitationId}`) }),
  previewInvitation: (_h, w) => ({ method: 'GET', path: `/v1/invitations/${w.inviteToken}` }),
  acceptInvitation: (_h, w) => ({ method: 'POST', path: `/v1/invitations/${w.inviteToken}/accept` }),
  listRoles: (h) => ({ method: 'GET', path: h.nw('/roles') }),
  createRole: (h) => ({ method: 'POST', path: h.nw('/roles'), body: { key: 'auditor', name: 'Auditor', permissions: ['audit:read'] } }),
  updateRole: (h) => ({ method: 'PATCH', path: h.nw('/roles/spare-role'), body: { name: 'Spare tire' } }),
  deleteRole: (h) => ({ method: 'DELETE', path: h.nw('/roles/spare-role') }),
  listSubscriptions: (h) => ({ method: 'GET', path: h.nw('/subscriptions') }),
  listSeats: (h) => ({ method: 'GET', path: h.nw(`/subscriptions/${h.demo.northwind.subscriptions.imagingApp}/seats`) }),
  assignSeats: (h) => ({ method: 'POST', path: h.nw(`/subscriptions/${h.demo.northwind.subscriptions.imagingCloud}/seats`), body: { memberIds: [h.demo.northwind.memberMemberId] } }),
  unassignSeat: (h) => ({ method: 'DELETE', path: h.nw(`/subscriptions/${h.demo.northwind.subscriptions.imagingApp}/seats/${h.demo.northwind.memberMemberId}`) }),
  listIdleSeats: (h) => ({ method: 'GET', path: h.nw(`/subscriptions/${h.demo.northwind.subscriptions.imagingApp}/idle-seats?idleDays=1`) }),
  reclaimSeats: (h) => ({ method: 'POST', path: h.nw(`/subscriptions/${h.demo.northwind.subscriptions.imagingApp}/reclaim`), body: { idleDays: 30 } }),
  setReclaimPolicy: (h) => ({ method: 'PATCH', path: h.nw(`/subscriptions/${h.demo.northwind.subscriptions.imagingApp}/reclaim-policy`), body: { reclaimPolicy: { idleDays: 60, warnDays: 7 } } }),
  getSeatUsage: (h) => ({ method: 'GET', path: h.nw('/seat-usage?days=30') }),
  createSeatRequest: (h) => ({ method: 'POST', path: h.nw('/seat-requests'), body: { product: 'imaging-cloud', note: 'For the audit' } }),
  listSeatRequests: (h) => ({ method: 'GET', path: h.nw('/seat-requests?status=pending') }),
  approveSeatRequest: (h) => ({ method: 'POST', path: h.nw(`/seat-requests/${h.demo.northwind.pendingSeatRequestId}/approve`), body: {} }),
  denySeatRequest: (h) => ({ method: 'POST', path: h.nw(`/seat-requests/${h.demo.northwind.pendingSeatRequestId}/deny`), body: { reason: 'Not this quarter' } }),
  checkAccess: (h) => ({ method: 'GET', path: h.nw('/access?product=imaging-app') }),
  listAuditEvents: (h) => ({ method: 'GET', path: h.nw('/audit-events') }),
  createProduct: () => ({ method: 'POST', path: '/v1/products', body: { key: 'new-product', name: 'New product' } }),
  createOrganization: () => ({ method: 'POST', path: '/v1/orgs', body: { name: 'Acme', owner: { email: 'boss@acme.test', firstName: 'Bo', lastName: 'Ss' } } }),
  createSubscription: (h) => ({ method: 'POST', path: h.nw('/subscriptions'), body: { productKey: 'imaging-app', seatLimit: 3 } }),
  updateSubscription: (h) => ({ method: 'PATCH', path: h.nw(`/subscriptions/${h.demo.northwind.subscriptions.imagingApp}`), body: { seatLimit: 10 } }),
  // A public address literal: the SSRF guard needs no DNS for it; the tests run no jobs, so nothing is sent.
  createWebhookEndpoint: () => ({ method: 'POST', path: '/v1/webhook-endpoints', body: { url: 'https://93.184.215.14/hooks' } }),
  listWebhookEndpoints: () => ({ method: 'GET', path: '/v1/webhook-endpoints' }),
  getWebhookEndpoint: (_h, w) => ({ method: 'GET', path: `/v1/webhook-endpoints/${w.webhookEndpointId ?? 'whe_unknown'}` }),
  updateWebhookEndpoint: (_h, w) => ({ method: 'PATCH', path: `/v1/webhook-endpoints/${w.webhookEndpointId ?? 'whe_unknown'}`, body: { description: 'Billing' } }),
  deleteWebhookEndpoint: (_h, w) => ({ method: 'DELETE', path: `/v1/webhook-endpoints/${w.webhookEndpointId ?? 'whe_unknown'}` }),
  rotateWebhookEndpointSecret: (_h, w) => ({ method: 'POST', path: `/v1/webhook-endpoints/${w.webhookEndpointId ?? 'whe_unknown'}/rotate-secret` }),
  listWebhookDeliveries: (_h, w) => ({ method: 'GET', path: `/v1/webhook-endpoints/${w.webhookEndpointId ?? 'whe_unknown'}/deliveries` }),
  retryWebhookDelivery: (_h, w) => ({ method: 'POST', path: `/v1/webhook-endpoints/${w.webhookEndpointId ?? 'whe_unknown'}/deliveries/${w.webhookDeliveryId ?? 'whd_unknown'}/retry` }),
};

