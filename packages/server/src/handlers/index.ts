import type { RouteName } from '@seatkit/core/contract';
import type { RouteHandler } from '../context.js';
import { listAuditEvents } from './audit.js';
import { acceptInvitation, createInvitations, listInvitations, previewInvitation, resendInvitation, revokeInvitation } from './invitations.js';
import { addMember, exportMembers, getMember, listMembers, removeMember, updateMember } from './members.js';
import { getOrganization, me, transferOwnership, updateOrganization } from './organizations.js';
import { createOrganization, createProduct, createSubscription, updateSubscription } from './provisioning.js';
import { createRole, deleteRole, listRoles, updateRole } from './roles.js';
import { assignSeats, checkAccess, listSeats, unassignSeat } from './seats.js';
import { listIdleSeats, reclaimSeats, setReclaimPolicy } from './idle-seats.js';
import { approveSeatRequest, createSeatRequest, denySeatRequest, listSeatRequests } from './seat-requests.js';
import { getSeatUsage, listSubscriptions } from './seat-usage.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  rotateWebhookEndpointSecret,
  updateWebhookEndpoint,
} from './webhook-endpoints.js';

/**
 * One handler per contract route; the type makes a route without a handler, or a handler defined for another route, a
 * compile error.
 */
export const handlers: { readonly [N in RouteName]: RouteHandler<N> } = {
  me,
  getOrganization,
  updateOrganization,
  transferOwnership,
  listMembers,
  exportMembers,
  addMember,
  getMember,
  updateMember,
  removeMember,
  listInvitations,
  createInvitations,
  resendInvitation,
  revokeInvitation,
  previewInvitation,
  acceptInvitation,
  listRoles,
  createRole,
  updateRole,
  deleteRole,
  listSubscriptions,
  listSeats,
  assignSeats,
  unassignSeat,
  listIdleSeats,
  reclaimSeats,
  setReclaimPolicy,
  getSeatUsage,
  createSeatRequest,
  listSeatRequests,
  approveSeatRequest,
  denySeatRequest,
  checkAccess,
  listAuditEvents,
  createProduct,
  createOrganization,
  createSubscription,
  updateSubscription,
  createWebhookEndpoint,
  listWebhookEndpoints,
  getWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookEndpointSecret,
  listWebhookDeliveries,
  retryWebhookDelivery,
};
