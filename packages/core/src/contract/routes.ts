import * as z from 'zod/mini';
import type { Permission } from './permissions.js';
import * as s from './schemas.js';
import * as w from './webhooks.js';

/**
 * The HTTP contract as data: one entry per route. The server registers, validates and documents
 * (`/openapi.json`) its routes from this table; the client builds its requests and parses its
 * responses from it. Nothing else describes the API.
 */
export interface RouteDef {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Hono-style path with `:params`. */
  readonly path: string;
  readonly summary: string;
  /** `user`: a bearer token of a user; `server`: the server key; `none`: public. */
  readonly auth: 'user' | 'server' | 'none';
  /** The permission the caller needs in the path's organization, if any. */
  readonly permission?: Permission;
  readonly query?: z.core.$ZodType;
  readonly body?: z.core.$ZodType;
  /** `null` when the route answers 204 with no body, or answers `produces` instead of JSON. */
  readonly response: z.core.$ZodType | null;
  /** A route that answers a file instead of JSON (streamed; the client hands it back as a `Blob`). */
  readonly produces?: 'text/csv';
  readonly status: 200 | 201 | 204;
  readonly tag: string;
}

// `const`: paths stay literal types, so handlers and the client can name their `:params`.
const r = <const T extends RouteDef>(def: T): T => def;

export const routes = {
  me: r({ method: 'GET', path: '/v1/me', summary: 'The caller with its memberships', auth: 'user', response: s.MeSchema, status: 200, tag: 'me' }),

  getOrganization: r({ method: 'GET', path: '/v1/orgs/:orgId', summary: 'One organization', auth: 'user', response: s.OrganizationSchema, status: 200, tag: 'organizations' }),
  updateOrganization: r({ method: 'PATCH', path: '/v1/orgs/:orgId', summary: 'Change the organization\'s locale, the language of its emails (owner only)', auth: 'user', body: s.UpdateOrganizationBodySchema, response: s.OrganizationSchema, status: 200, tag: 'organizations' }),
  transferOwnership: r({ method: 'POST', path: '/v1/orgs/:orgId/ownership', summary: 'Transfer ownership to another member (owner only)', auth: 'user', body: s.TransferOwnershipBodySchema, response: s.OrganizationSchema, status: 200, tag: 'organizations' }),

  listMembers: r({ method: 'GET', path: '/v1/orgs/:orgId/members', summary: 'Members, searchable by name/email, filterable by role and status', auth: 'user', permission: 'members:read', query: s.ListMembersQuerySchema, response: s.MemberPageSchema, status: 200, tag: 'members' }),
  addMember: r({ method: 'POST', path: '/v1/orgs/:orgId/members', summary: 'Add a member directly; emails the account details', auth: 'user', permission: 'members:invite', body: s.AddMemberBodySchema, response: s.MemberSchema, status: 201, tag: 'members' }),
  exportMembers: r({ method: 'GET', path: '/v1/orgs/:orgId/members/export', summary: 'Every member matching the list\'s filters as CSV (name, email, role, status, seats, last active), streamed', auth: 'user', permission: 'members:read', query: s.ExportMembersQuerySchema, response: null, produces: 'text/csv', status: 200, tag: 'members' }),
  getMember: r({ method: 'GET', path: '/v1/orgs/:orgId/members/:memberId', summary: 'One member', auth: 'user', permission: 'members:read', response: s.MemberSchema, status: 200, tag: 'members' }),
  updateMember: r({ method: 'PATCH', path: '/v1/orgs/:orgId/members/:memberId', summary: 'Update names, email, role, grants or status', auth: 'user', permission: 'members:update', body: s.UpdateMemberBodySchema, response: s.MemberSchema, status: 200, tag: 'members' }),
  removeMember: r({ method: 'DELETE', path: '/v1/orgs/:orgId/members/:memberId', summary: 'Remove a member; releases its seats and emails a removal notice', auth: 'user', permission: 'members:remove', response: null, status: 204, tag: 'members' }),

  listInvitations: r({ method: 'GET', path: '/v1/orgs/:orgId/invitations', summary: 'Invitations, filterable by status', auth: 'user', permission: 'members:read', query: s.ListInvitationsQuerySchema, response: s.InvitationPageSchema, status: 200, tag: 'invitations' }),
  createInvitations: r({ method: 'POST', path: '/v1/orgs/:orgId/invitations', summary: 'Invite up to 100 people; one result per item', auth: 'user', permission: 'members:invite', body: s.CreateInvitationsBodySchema, response: s.CreateInvitationsResultSchema, status: 200, tag: 'invitations' }),
  resendInvitation: r({ method: 'POST', path: '/v1/orgs/:orgId/invitations/:invitationId/resend', summary: 'Resend a pending invitation and renew its expiry', auth: 'user', permission: 'members:invite', response: s.InvitationSchema, status: 200, tag: 'invitations' }),
  revokeInvitation: r({ method: 'DELETE', path: '/v1/orgs/:orgId/invitations/:invitationId', summary: 'Revoke a pending invitation; frees its reserved seats', auth: 'user', permission: 'members:invite', response: s.InvitationSchema, status: 200, tag: 'invitations' }),
  previewInvitation: r({ method: 'GET', path: '/v1/invitations/:token', summary: 'Preview an invitation by its token (no auth)', auth: 'none', response: s.InvitationPreviewSchema, status: 200, tag: 'invitations' }),
  acceptInvitation: r({ method: 'POST', path: '/v1/invitations/:token/accept', summary: 'Accept an invitation as the invited email', auth: 'user', response: s.AcceptInvitationResultSchema, status: 200, tag: 'invitations' }),

  listRoles: r({ method: 'GET', path: '/v1/orgs/:orgId/roles', summary: 'Roles with their permissions', auth: 'user', permission: 'members:read', response: s.RoleListSchema, status: 200, tag: 'roles' }),
  createRole: r({ method: 'POST', path: '/v1/orgs/:orgId/roles', summary: 'Define a custom role', auth: 'user', permission: 'roles:manage', body: s.CreateRoleBodySchema, response: s.RoleSchema, status: 201, tag: 'roles' }),
  updateRole: r({ method: 'PATCH', path: '/v1/orgs/:orgId/roles/:roleKey', summary: 'Rename a custom role or change its permissions', auth: 'user', permission: 'roles:manage', body: s.UpdateRoleBodySchema, response: s.RoleSchema, status: 200, tag: 'roles' }),
  deleteRole: r({ method: 'DELETE', path: '/v1/orgs/:orgId/roles/:roleKey', summary: 'Delete a custom role no member holds', auth: 'user', permission: 'roles:manage', response: null, status: 204, tag: 'roles' }),

  listSubscriptions: r({ method: 'GET', path: '/v1/orgs/:orgId/subscriptions', summary: 'Subscriptions with seat counts', auth: 'user', permission: 'seats:read', response: s.SubscriptionListSchema, status: 200, tag: 'seats' }),
  listSeats: r({ method: 'GET', path: '/v1/orgs/:orgId/subscriptions/:subscriptionId/seats', summary: 'Seat holders of a subscription', auth: 'user', permission: 'seats:read', query: s.PageQuerySchema, response: s.SeatPageSchema, status: 200, tag: 'seats' }),
  assignSeats: r({ method: 'POST', path: '/v1/orgs/:orgId/subscriptions/:subscriptionId/seats', summary: 'Assign seats to members and reserve seats for pending invitations, up to 100 in all; one result per item', auth: 'user', permission: 'seats:assign', body: s.AssignSeatsBodySchema, response: s.AssignSeatsResultSchema, status: 200, tag: 'seats' }),
  unassignSeat: r({ method: 'DELETE', path: '/v1/orgs/:orgId/subscriptions/:subscriptionId/seats/:memberId', summary: 'Take a seat back', auth: 'user', permission: 'seats:assign', response: null, status: 204, tag: 'seats' }),

  listIdleSeats: r({ method: 'GET', path: '/v1/orgs/:orgId/subscriptions/:subscriptionId/idle-seats', summary: 'The dry run of a reclaim: seats unused for idleDays (default: the policy\'s, else 30), oldest use first', auth: 'user', permission: 'seats:read', query: s.IdleSeatsQuerySchema, response: s.IdleSeatPageSchema, status: 200, tag: 'seats' }),
  reclaimSeats: r({ method: 'POST', path: '/v1/orgs/:orgId/subscriptions/:subscriptionId/reclaim', summary: 'Release the seats still idle for idleDays (all, or those of memberIds); one result per item; holders are emailed', auth: 'user', permission: 'seats:assign', body: s.ReclaimSeatsBodySchema, response: s.ReclaimSeatsResultSchema, status: 200, tag: 'seats' }),
  setReclaimPolicy: r({ method: 'PATCH', path: '/v1/orgs/:orgId/subscriptions/:subscriptionId/reclaim-policy', summary: 'Set or clear the subscription\'s idle-seat reclaim policy (the server key sets it with the subscription\'s PATCH)', auth: 'user', permission: 'seats:assign', body: s.SetReclaimPolicyBodySchema, response: s.SubscriptionSchema, status: 200, tag: 'seats' }),
  getSeatUsage: r({ method: 'GET', path: '/v1/orgs/:orgId/seat-usage', summary: 'Per subscription, per day: seats assigned, used and requested over the last days (default 90)', auth: 'user', permission: 'seats:read', query: s.SeatUsageQuerySchema, response: s.SeatUsageSchema, status: 200, tag: 'seats' }),

  createSeatRequest: r({ method: 'POST', path: '/v1/orgs/:orgId/seat-requests', summary: 'Ask for a seat of a product (any active member, for themself); a repeat returns the pending request', auth: 'user', body: s.CreateSeatRequestBodySchema, response: s.SeatRequestSchema, status: 200, tag: 'seat-requests' }),
  listSeatRequests: r({ method: 'GET', path: '/v1/orgs/:orgId/seat-requests', summary: 'Seat requests, newest first, filterable by status (without seats:read, only the caller\'s own)', auth: 'user', query: s.ListSeatRequestsQuerySchema, response: s.SeatRequestPageSchema, status: 200, tag: 'seat-requests' }),
  approveSeatRequest: r({ method: 'POST', path: '/v1/orgs/:orgId/seat-requests/:requestId/approve', summary: 'Approve a pending request: assign a seat (of subscriptionId, else the first usable one with room)', auth: 'user', permission: 'seats:assign', body: s.ApproveSeatRequestBodySchema, response: s.ApproveSeatRequestResultSchema, status: 200, tag: 'seat-requests' }),
  denySeatRequest: r({ method: 'POST', path: '/v1/orgs/:orgId/seat-requests/:requestId/deny', summary: 'Deny a pending request, with an optional reason', auth: 'user', permission: 'seats:assign', body: s.DenySeatRequestBodySchema, response: s.SeatRequestSchema, status: 200, tag: 'seat-requests' }),

  checkAccess: r({ method: 'GET', path: '/v1/orgs/:orgId/access', summary: 'Does the caller (or memberId, for seats:read) hold a seat of the product?', auth: 'user', query: s.AccessQuerySchema, response: s.AccessResultSchema, status: 200, tag: 'access' }),

  listAuditEvents: r({ method: 'GET', path: '/v1/orgs/:orgId/audit-events', summary: 'The audit trail, newest first, filtered by actor, action, target and time range', auth: 'user', permission: 'audit:read', query: s.ListAuditEventsQuerySchema, response: s.AuditEventPageSchema, status: 200, tag: 'audit' }),

  createProduct: r({ method: 'POST', path: '/v1/products', summary: 'Provisioning: create a product', auth: 'server', body: s.CreateProductBodySchema, response: s.ProductSchema, status: 201, tag: 'provisioning' }),
  createOrganization: r({ method: 'POST', path: '/v1/orgs', summary: 'Provisioning: create an organization with its owner', auth: 'server', body: s.CreateOrganizationBodySchema, response: s.CreateOrganizationResultSchema, status: 201, tag: 'provisioning' }),
  createSubscription: r({ method: 'POST', path: '/v1/orgs/:orgId/subscriptions', summary: 'Provisioning: create a subscription of a product', auth: 'server', body: s.CreateSubscriptionBodySchema, response: s.SubscriptionSchema, status: 201, tag: 'provisioning' }),
  updateSubscription: r({ method: 'PATCH', path: '/v1/orgs/:orgId/subscriptions/:subscriptionId', summary: 'Provisioning: resize or change a subscription', auth: 'server', body: s.UpdateSubscriptionBodySchema, response: s.SubscriptionSchema, status: 200, tag: 'provisioning' }),

  createWebhookEndpoint: r({ method: 'POST', path: '/v1/webhook-endpoints', summary: 'Webhooks: register an endpoint; the answer carries its signing secret, shown once', auth: 'server', body: w.CreateWebhookEndpointBodySchema, response: w.WebhookEndpointWithSecretSchema, status: 201, tag: 'webhooks' }),
  listWebhookEndpoints: r({ method: 'GET', path: '/v1/webhook-endpoints', summary: 'Webhooks: every endpoint (no secrets)', auth: 'server', response: w.WebhookEndpointListSchema, status: 200, tag: 'webhooks' }),
  getWebhookEndpoint: r({ method: 'GET', path: '/v1/webhook-endpoints/:endpointId', summary: 'Webhooks: one endpoint (no secret)', auth: 'server', response: w.WebhookEndpointSchema, status: 200, tag: 'webhooks' }),
  updateWebhookEndpoint: r({ method: 'PATCH', path: '/v1/webhook-endpoints/:endpointId', summary: 'Webhooks: change the URL, events or description; enable a disabled endpoint', auth: 'server', body: w.UpdateWebhookEndpointBodySchema, response: w.WebhookEndpointSchema, status: 200, tag: 'webhooks' }),
  deleteWebhookEndpoint: r({ method: 'DELETE', path: '/v1/webhook-endpoints/:endpointId', summary: 'Webhooks: delete an endpoint and its pending deliveries', auth: 'server', response: null, status: 204, tag: 'webhooks' }),
  rotateWebhookEndpointSecret: r({ method: 'POST', path: '/v1/webhook-endpoints/:endpointId/rotate-secret', summary: 'Webhooks: a new signing secret; the old one keeps signing alongside for 24 hours', auth: 'server', response: w.WebhookEndpointWithSecretSchema, status: 200, tag: 'webhooks' }),
  listWebhookDeliveries: r({ method: 'GET', path: '/v1/webhook-endpoints/:endpointId/deliveries', summary: 'Webhooks: deliveries to an endpoint with their attempts, newest first', auth: 'server', query: s.PageQuerySchema, response: w.WebhookDeliveryPageSchema, status: 200, tag: 'webhooks' }),
  retryWebhookDelivery: r({ method: 'POST', path: '/v1/webhook-endpoints/:endpointId/deliveries/:deliveryId/retry', summary: 'Webhooks: send a delivery again now (same webhook-id)', auth: 'server', response: w.WebhookDeliverySchema, status: 200, tag: 'webhooks' }),
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;

// One home for path templates, shared with the client's request code (which must not load this zod module).
export { buildPath } from './path.js';
export type { PathParamNames, PathParams } from './path.js';
