// The client's types against the route table, derived here independently of the client's own helpers:
// a schema change the client does not follow (a hand-written type, a method bound to the wrong route)
// fails this file.
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  AssignSeatsItemResult,
  Invitation,
  InvitationInputSchema,
  MutationOptions,
  RequestOptions,
  ReservationResult,
  RouteName,
  routes,
  SeatKitClient,
  SeatResult,
} from '@seatkit/core';

type Routes = typeof routes;

/** Which client method calls which route. `Record<RouteName, …>`: a route without a method fails here. */
type MethodOf<T extends Record<RouteName, unknown>> = T;
type Methods = MethodOf<{
  me: SeatKitClient['me'];
  getOrganization: SeatKitClient['organizations']['get'];
  updateOrganization: SeatKitClient['organizations']['update'];
  transferOwnership: SeatKitClient['organizations']['transferOwnership'];
  createOrganization: SeatKitClient['organizations']['create'];
  listMembers: SeatKitClient['members']['list'];
  exportMembers: SeatKitClient['members']['export'];
  getMember: SeatKitClient['members']['get'];
  addMember: SeatKitClient['members']['add'];
  updateMember: SeatKitClient['members']['update'];
  removeMember: SeatKitClient['members']['remove'];
  listInvitations: SeatKitClient['invitations']['list'];
  createInvitations: SeatKitClient['invitations']['create'];
  resendInvitation: SeatKitClient['invitations']['resend'];
  revokeInvitation: SeatKitClient['invitations']['revoke'];
  previewInvitation: SeatKitClient['invitations']['preview'];
  acceptInvitation: SeatKitClient['invitations']['accept'];
  listRoles: SeatKitClient['roles']['list'];
  createRole: SeatKitClient['roles']['create'];
  updateRole: SeatKitClient['roles']['update'];
  deleteRole: SeatKitClient['roles']['remove'];
  listSubscriptions: SeatKitClient['subscriptions']['list'];
  createSubscription: SeatKitClient['subscriptions']['create'];
  updateSubscription: SeatKitClient['subscriptions']['update'];
  createProduct: SeatKitClient['products']['create'];
  listSeats: SeatKitClient['seats']['list'];
  assignSeats: SeatKitClient['seats']['assign'];
  unassignSeat: SeatKitClient['seats']['unassign'];
  listIdleSeats: SeatKitClient['seats']['idle'];
  reclaimSeats: SeatKitClient['seats']['reclaim'];
  setReclaimPolicy: SeatKitClient['subscriptions']['setReclaimPolicy'];
  getSeatUsage: SeatKitClient['subscriptions']['usage'];
  createSeatRequest: SeatKitClient['seatRequests']['create'];
  listSeatRequests: SeatKitClient['seatRequests']['list'];
  approveSeatRequest: SeatKitClient['seatRequests']['approve'];
  denySeatRequest: SeatKitClient['seatRequests']['deny'];
  checkAccess: SeatKitClient['access']['check'];
  listAuditEvents: SeatKitClient['audit']['list'];
  createWebhookEndpoint: SeatKitClient['webhookEndpoints']['create'];
  listWebhookEndpoints: SeatKitClient['webhookEndpoints']['list'];
  getWebhookEndpoint: SeatKitClient['webhookEndpoints']['get'];
  updateWebhookEndpoint: SeatKitClient['webhookEndpoints']['update'];
  deleteWebhookEndpoint: SeatKitClient['webhookEndpoints']['remove'];
  rotateWebhookEndpointSecret: SeatKitClient['webhookEndpoints']['rotateSecret'];
  listWebhookDeliveries: SeatKitClient['webhookEndpoints']['deliveries'];
  retryWebhookDelivery: SeatKitClient['webhookEndpoints']['retryDelivery'];
}>;

// `me` takes no parameters, only options.
type WithParams = Exclude<RouteName, 'me'>;

type Names<P> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | Names<Rest> : P extends `${string}:${infer Name}` ? Name : never;
type Input<R, K extends string> = R extends { [P in K]: infer S extends z.core.$ZodType } ? z.input<S> : {};
/** The deliberate differences from the wire: counts (`limit`, `days`, `idleDays`) are numbers, bulk items are typed by their item schema. */
type Adjusted<N, T> = N extends 'createInvitations' ? Omit<T, 'invitations'> & { invitations: z.input<typeof InvitationInputSchema>[] } : T;
type NumericQuery<Q> = { [K in keyof Q]: K extends 'limit' | 'days' | 'idleDays' ? number | undefined : Q[K] };
type Flat<T> = { [K in keyof T]: T[K] };
type Expected<N extends RouteName> = Flat<Adjusted<N, { [K in Names<Routes[N]['path']>]: string } & NumericQuery<Input<Routes[N], 'query'>> & Input<Routes[N], 'body'>>>;
/** A route that answers a file resolves to a Blob; the others to their response schema's output, or nothing. */
type ExpectedResult<N extends RouteName> = Routes[N] extends { produces: 'text/csv' }
  ? Blob
  : Routes[N]['response'] extends z.core.$ZodType
    ? z.output<Routes[N]['response']>
    : void;
type ExpectedOptions<N extends RouteName> = Routes[N]['method'] extends 'GET' ? RequestOptions : MutationOptions;

type Fn<N extends RouteName> = Methods[N] extends (...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;

describe('the client follows the route table', () => {
  it('takes each route\'s path params, query and body as its parameters', () => {
    expectTypeOf<{ [N in WithParams]: Fn<N>['args'][0] }>().toEqualTypeOf<{ [N in WithParams]: Expected<N> }>();
  });

  it('returns each route\'s response schema output', () => {
    expectTypeOf<{ [N in RouteName]: Fn<N>['result'] }>().toEqualTypeOf<{ [N in RouteName]: ExpectedResult<N> }>();
  });

  it('takes an idempotency key on mutations only', () => {
    expectTypeOf<{ [N in WithParams]: Exclude<Fn<N>['args'][1], undefined> }>().toEqualTypeOf<{ [N in WithParams]: ExpectedOptions<N> }>();
  });

  it('spells the derived types out for one route of each kind', () => {
    expectTypeOf<Fn<'getMember'>['args'][0]>().toEqualTypeOf<{ orgId: string; memberId: string }>();
    expectTypeOf<Fn<'listSeats'>['args'][0]>().toEqualTypeOf<{ orgId: string; subscriptionId: string; limit?: number | undefined; cursor?: string | undefined }>();
    expectTypeOf<Fn<'transferOwnership'>['args'][0]>().toEqualTypeOf<{ orgId: string; memberId: string }>();
    expectTypeOf<Fn<'previewInvitation'>['args'][0]>().toEqualTypeOf<{ token: string }>();
    expectTypeOf<Fn<'createProduct'>['args'][0]>().toEqualTypeOf<{ key: string; name: string }>();
    // A bulk assignment takes members, pending invitations or both (the server checks there is 1–100 in all).
    expectTypeOf<Fn<'assignSeats'>['args'][0]>().toEqualTypeOf<{
      orgId: string;
      subscriptionId: string;
      memberIds?: string[] | undefined;
      invitationIds?: string[] | undefined;
    }>();
  });

  it('answers a bulk assignment item by item: a seat for a member, a reservation for an invitation', () => {
    type Item = Fn<'assignSeats'>['result']['results'][number];
    expectTypeOf<Item>().toEqualTypeOf<AssignSeatsItemResult>();
    expectTypeOf<Extract<Item, { memberId: string }>>().toEqualTypeOf<SeatResult>();
    expectTypeOf<Extract<Item, { invitationId: string }>>().toEqualTypeOf<ReservationResult>();
    expectTypeOf<Extract<Item, { ok: true; invitationId: string }>['invitation']>().toEqualTypeOf<Invitation>();
  });
});
