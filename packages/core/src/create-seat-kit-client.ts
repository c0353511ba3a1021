import type * as z from 'zod/mini';
// Runtime data comes from the generated table; the contract's zod modules are imported for types only.
import { batchSize, clientRoutes } from './client-routes.generated.js';
import type { PathParams } from './contract/path.js';
import type { RouteName, routes } from './contract/routes.js';
import type { InvitationInputSchema, Me } from './contract/schemas.js';
import {
  createIdempotencyKey,
  send,
  type GetTokenContext,
  type MutationOptions,
  type RequestOptions,
  type Transport,
} from './request.js';

/** How failed attempts are retried. */
export interface SeatKitRetryOptions {
  /** Retries after the first attempt (network errors, 408, 429, 5xx). `0` disables retrying. @default 2 */
  limit?: number;
  /** Upper bound of the exponential backoff (300 ms, 600 ms, 1.2 s, …) in milliseconds. @default 10_000 */
  backoffLimit?: number;
  /** Upper bound in milliseconds for a server's `Retry-After` (honored on 429 and 503). @default 60_000 */
  maxRetryAfter?: number;
}

/** Options of `createSeatKitClient`. */
export interface SeatKitClientOptions {
  /**
   * Where the SeatKit server is mounted, without `/v1`: `https://api.example.com/seatkit`.
   * A path such as `/seatkit` works in browsers (resolved against the page).
   */
  baseUrl: string;
  /**
   * The signed-in user's bearer token, awaited before every request (and every retry). Return
   * `null` when nobody is signed in: public calls (`invitations.preview`) still work. After a 401
   * it is called once more with `{ forceRefresh: true }` and the request is retried once.
   * A throwing `getToken` fails the call with `unauthorized`. @default no token
   */
  getToken?: (context: GetTokenContext) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * The server key, for the provisioning calls (`products.create`, `organizations.create`,
   * `subscriptions.create` / `update`). Server-side only: never ship it to a browser. @default none
   */
  serverKey?: string;
  /** The `fetch` to use: a test double, `server.fetch` of an in-process server, an instrumented fetch. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per attempt before the call fails with `timeout`; `false` for none. @default 10_000 */
  timeout?: number | false;
  /** Retries of failed attempts, as a limit or options. @default { limit: 2, backoffLimit: 10_000, maxRetryAfter: 60_000 } */
  retry?: number | SeatKitRetryOptions;
  /** Headers sent with every request (e.g. a tracing header). @default none */
  headers?: Record<string, string>;
}

type Routes = typeof routes;
/** Flattens an intersection, so editors show one object. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The input type of a route's `query` or `body` schema (`{}` when it has none). */
type SchemaInput<R, K extends 'query' | 'body'> = R extends { readonly [P in K]: infer S extends z.core.$ZodType } ? z.input<S> : {};
/** Query parameters that are whole numbers: the query string carries digits (what their schemas check); callers pass a number. */
type NumericQueryKey = 'limit' | 'days' | 'idleDays';
type ClientQuery<Q> = { [K in keyof Q]: K extends NumericQueryKey ? Exclude<Q[K], string> | number : Q[K] };
/**
 * Bulk envelopes take `unknown[]` on the wire (the server checks each item alone, so one bad item does
 * not sink the batch); the client types the items with the item's own schema.
 */
interface BulkItems {
  createInvitations: { invitations: z.input<typeof InvitationInputSchema>[] };
}
type ClientBody<N extends RouteName> = N extends keyof BulkItems ? Omit<SchemaInput<Routes[N], 'body'>, keyof BulkItems[N]> & BulkItems[N] : SchemaInput<Routes[N], 'body'>;

/**
 * The parameters of a route's client method, from the route table: the path's `:params`, then the
 * input of its query or body schema, in one object.
 * @example
 * const params: RouteInput<'getMember'> = { orgId, memberId }; // from '/v1/orgs/:orgId/members/:memberId'
 */
export type RouteInput<N extends RouteName> = Simplify<PathParams<Routes[N]['path']> & ClientQuery<SchemaInput<Routes[N], 'query'>> & ClientBody<N>>;

/** The parsed response of a route, from its schema in the contract; a `Blob` for a route that answers a file. */
export type RouteResponse<N extends RouteName> = Routes[N] extends { produces: string }
  ? Blob
  : Routes[N]['response'] extends z.core.$ZodType
    ? z.output<Routes[N]['response']>
    : void;

/** Reads take `RequestOptions`; mutations also an idempotency key. */
type CallOptions<N extends RouteName> = Routes[N]['method'] extends 'GET' ? RequestOptions : MutationOptions;
/** The client method of a route. */
type RouteCall<N extends RouteName> = (params: RouteInput<N>, options?: CallOptions<N>) => Promise<RouteResponse<N>>;

// The named parameter types of earlier releases, now derived from the route table.
/** `{ orgId }`: the organization a call is about. */
export type OrgParams = RouteInput<'getOrganization'>;
/** Keyset paging of list calls: `limit` (1–200, default 50) and `cursor` (`nextCursor` of the previous page). */
export type PageParams = ClientQuery<SchemaInput<Routes['listAuditEvents'], 'query'>>;
export type MemberParams = RouteInput<'getMember'>;
/** `query` searches names and email; `role` and `status` filter. */
export type ListMembersParams = RouteInput<'listMembers'>;
export type IterateMembersParams = Omit<ListMembersParams, 'cursor'>;
export type AddMemberParams = RouteInput<'addMember'>;
export type UpdateMemberParams = RouteInput<'updateMember'>;
/** `locale`: the language of the organization's emails, one of `SUPPORTED_LOCALES`. */
export type UpdateOrganizationParams = RouteInput<'updateOrganization'>;
/** `memberId`: the member who becomes the owner. */
export type TransferOwnershipParams = RouteInput<'transferOwnership'>;
export type ListInvitationsParams = RouteInput<'listInvitations'>;
export type CreateInvitationsParams = RouteInput<'createInvitations'>;
export type InvitationParams = RouteInput<'revokeInvitation'>;
/** `token`: the token of the invitation link (see `parseInvitationToken`). */
export type InvitationTokenParams = RouteInput<'previewInvitation'>;
export type RoleParams = RouteInput<'deleteRole'>;
export type CreateRoleParams = RouteInput<'createRole'>;
export type UpdateRoleParams = RouteInput<'updateRole'>;
export type SubscriptionParams = PathParams<Routes['updateSubscription']['path']>;
export type ListSeatsParams = RouteInput<'listSeats'>;
export type AssignSeatsParams = RouteInput<'assignSeats'>;
export type UnassignSeatParams = RouteInput<'unassignSeat'>;
/** `product`: the product key; `memberId`: check another member instead of the caller (needs `seats:read`). */
export type CheckAccessParams = RouteInput<'checkAccess'>;
export type ListAuditEventsParams = RouteInput<'listAuditEvents'>;
export type CreateSubscriptionParams = RouteInput<'createSubscription'>;
/** `product`: the product key; `note`: a word for the admins (up to 500 characters). */
export type CreateSeatRequestParams = RouteInput<'createSeatRequest'>;
/** `status`: `pending`, `approved` or `denied`; keyset paging like every list. */
export type ListSeatRequestsParams = RouteInput<'listSeatRequests'>;
/** `subscriptionId`: the subscription whose seat is given; without it, the first usable one of the product with room. */
export type ApproveSeatRequestParams = RouteInput<'approveSeatRequest'>;
/** `reason`: told to the requester (up to 500 characters). */
export type DenySeatRequestParams = RouteInput<'denySeatRequest'>;
/** `idleDays`: days without use (default: the subscription's policy, else 30). */
export type ListIdleSeatsParams = RouteInput<'listIdleSeats'>;
/** `idleDays`: as in the dry run; `memberIds`: only these holders (default: every idle seat). */
export type ReclaimSeatsParams = RouteInput<'reclaimSeats'>;
/** `reclaimPolicy`: `{ idleDays, warnDays }`, or `null` to turn automatic reclamation off. */
export type SetReclaimPolicyParams = RouteInput<'setReclaimPolicy'>;
/** `days`: how many days back, today included (1–366, default 90). */
export type GetSeatUsageParams = RouteInput<'getSeatUsage'>;
export type UpdateSubscriptionParams = RouteInput<'updateSubscription'>;

/**
 * The typed SeatKit client. Every method rejects with a `SeatKitError`. Each method's parameters and
 * result come from its route in the contract (`RouteInput`, `RouteResponse`).
 */
export interface SeatKitClient {
  /** The caller with its memberships (organization, role, permissions). */
  me(options?: RequestOptions): Promise<Me>;
  organizations: {
    get: RouteCall<'getOrganization'>;
    /** Change the organization's `locale`, the language of its emails (owner only). */
    update: RouteCall<'updateOrganization'>;
    /** Make another member the owner (owner only); the old owner becomes an admin. */
    transferOwnership: RouteCall<'transferOwnership'>;
    /** Provisioning (server key): create an organization with its owner. */
    create: RouteCall<'createOrganization'>;
  };
  members: {
    /** One page of members, searched (`query`: names and email) and filtered by `role` and `status`. */
    list: RouteCall<'listMembers'>;
    /**
     * Every member, page after page, as an async iterator.
     * @example
     * for await (const member of seatkit.members.iterate({ orgId, role: 'admin' })) console.log(member.email);
     */
    iterate(params: IterateMembersParams, options?: RequestOptions): AsyncGenerator<RouteResponse<'listMembers'>['items'][number], void, undefined>;
    /**
     * Every member matching the list's filters as a CSV file (`Blob`): first name, last name, email, role, status,
     * seats (product names), last active, member since. The server streams it, so any size is fine.
     * @example
     * const csv = await seatkit.members.export({ orgId, role: 'admin' });
     */
    export: RouteCall<'exportMembers'>;
    get: RouteCall<'getMember'>;
    /** Add a member at once (no invitation); the server emails the account details. */
    add: RouteCall<'addMember'>;
    update: RouteCall<'updateMember'>;
    /** Remove a member: its seats are released and its access ends at once. */
    remove: RouteCall<'removeMember'>;
  };
  invitations: {
    list: RouteCall<'listInvitations'>;
    /**
     * Invite many people; one result per item, in order (a bad item does not sink the others).
     * More than 100 are sent in batches of 100, each batch with its own idempotency key (derived
     * from the call's). If a later batch fails, the call rejects: repeat it with the same
     * `idempotencyKey` and the batches already applied are replayed, not sent twice.
     * @example
     * const { results } = await seatkit.invitations.create({ orgId, invitations: [{ email: 'ann@example.com', role: 'member' }] });
     * const failed = results.filter((r) => !r.ok);
     */
    create: RouteCall<'createInvitations'>;
    /** Send the email again and renew the expiry. */
    resend: RouteCall<'resendInvitation'>;
    /** Revoke a pending invitation; its reserved seats are freed. */
    revoke: RouteCall<'revokeInvitation'>;
    /** What the link shows before sign-in. Needs no token. */
    preview: RouteCall<'previewInvitation'>;
    /** Accept as the signed-in user, whose email must be the invited one. */
    accept: RouteCall<'acceptInvitation'>;
  };
  roles: {
    list: RouteCall<'listRoles'>;
    create: RouteCall<'createRole'>;
    update: RouteCall<'updateRole'>;
    /** Delete a custom role that no member holds. */
    remove: RouteCall<'deleteRole'>;
  };
  subscriptions: {
    /** Subscriptions with their seat counts. */
    list: RouteCall<'listSubscriptions'>;
    /** Provisioning (server key): create a subscription of a product. */
    create: RouteCall<'createSubscription'>;
    /** Provisioning (server key): resize or change a subscription (`seats_in_use` below what is used), or set its `reclaimPolicy`. */
    update: RouteCall<'updateSubscription'>;
    /**
     * Set or clear the idle-seat reclaim policy (`seats:assign`): the server warns holders `warnDays` before and
     * releases their seats after `idleDays` without use.
     * @example
     * await seatkit.subscriptions.setReclaimPolicy({ orgId, subscriptionId, reclaimPolicy: { idleDays: 60, warnDays: 7 } });
     */
    setReclaimPolicy: RouteCall<'setReclaimPolicy'>;
    /**
     * Per subscription, per day: seats assigned, used and requested over the last `days` (default 90).
     * @example
     * const { items } = await seatkit.subscriptions.usage({ orgId, days: 30 });
     */
    usage: RouteCall<'getSeatUsage'>;
  };
  products: {
    /** Provisioning (server key): create a product. */
    create: RouteCall<'createProduct'>;
  };
  seats: {
    /** The seat holders of a subscription. */
    list: RouteCall<'listSeats'>;
    /**
     * Give seats to members (`memberIds`) and reserve seats for pending invitations (`invitationIds`: each becomes
     * the invitee's seat when they accept); one result per item, the members' in order, then the invitations'.
     * More than 100 items in all are sent in batches of 100.
     * @example
     * const { results } = await seatkit.seats.assign({ orgId, subscriptionId, memberIds: [me.member.id], invitationIds: [invitation.id] });
     */
    assign: RouteCall<'assignSeats'>;
    unassign: RouteCall<'unassignSeat'>;
    /**
     * The dry run of a reclaim: seats of a subscription unused for `idleDays`, oldest use first, with their `count`.
     * @example
     * const { items, count } = await seatkit.seats.idle({ orgId, subscriptionId, idleDays: 30 });
     */
    idle: RouteCall<'listIdleSeats'>;
    /**
     * Release the seats that are still idle (each re-checked: one used since the dry run comes back `seats_in_use`);
     * one result per seat; each holder is emailed.
     * @example
     * const { results } = await seatkit.seats.reclaim({ orgId, subscriptionId, idleDays: 30, memberIds });
     */
    reclaim: RouteCall<'reclaimSeats'>;
  };
  seatRequests: {
    /**
     * Ask for a seat of a product as the signed-in member; asking again returns the pending request.
     * @example
     * const request = await seatkit.seatRequests.create({ orgId, product: 'imaging-app', note: 'For the March audit' });
     */
    create: RouteCall<'createSeatRequest'>;
    /** Seat requests, newest first (only the caller's own without `seats:read`). */
    list: RouteCall<'listSeatRequests'>;
    /** Approve a pending request: a seat is assigned (`seats_exhausted` leaves the request pending). */
    approve: RouteCall<'approveSeatRequest'>;
    /** Deny a pending request; the requester is told the reason. */
    deny: RouteCall<'denySeatRequest'>;
  };
  access: {
    /**
     * Whether the caller (or `memberId`) may use a product, and why not.
     * @example
     * const { allowed, reason } = await seatkit.access.check({ orgId, product: 'imaging-app' });
     */
    check: RouteCall<'checkAccess'>;
  };
  audit: {
    /**
     * The audit trail, newest first, optionally filtered by `actor` (member id), `action`, `target` (id) and a
     * `from`–`to` time range.
     * @example
     * const { items } = await seatkit.audit.list({ orgId, action: 'seat.assigned', from: '2026-11-01T00:00:00Z' });
     */
    list: RouteCall<'listAuditEvents'>;
  };
  /** Webhook endpoints (server key; server-side only). Receivers check what arrives with `verifyWebhook` from `@seatkit/core/webhooks`. */
  webhookEndpoints: {
    /**
     * Register an endpoint; the answer's `secret` is shown this once.
     * @example
     * const { id, secret } = await seatkit.webhookEndpoints.create({ url: 'https://app.example.com/seatkit-webhooks', events: ['seat.assigned', 'seat.unassigned'] });
     */
    create: RouteCall<'createWebhookEndpoint'>;
    list: RouteCall<'listWebhookEndpoints'>;
    get: RouteCall<'getWebhookEndpoint'>;
    /** Change the URL, events or description; `enabled: true` turns an endpoint the server disabled back on. */
    update: RouteCall<'updateWebhookEndpoint'>;
    remove: RouteCall<'deleteWebhookEndpoint'>;
    /** A new secret (in the answer); the old one keeps signing alongside for 24 hours. */
    rotateSecret: RouteCall<'rotateWebhookEndpointSecret'>;
    /** Deliveries to the endpoint with their last attempt, newest first. */
    deliveries: RouteCall<'listWebhookDeliveries'>;
    /** Send a delivery again now, with the same `webhook-id`. */
    retryDelivery: RouteCall<'retryWebhookDelivery'>;
  };
}

/**
 * Creates the typed client of a SeatKit server. Requests and responses follow the contract's
 * route table; every failure is a `SeatKitError` with a stable `code`.
 *
 * @example
 * const seatkit = createSeatKitClient({
 *   baseUrl: 'https://api.example.com/seatkit',
 *   getToken: () => auth.getAccessToken(),
 * });
 * const { items, nextCursor } = await seatkit.members.list({ orgId, role: 'admin' });
 */
export function createSeatKitClient(options: SeatKitClientOptions): SeatKitClient {
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : options.retry;
  const transport: Transport = {
    baseUrl: options.baseUrl,
    getToken: options.getToken,
    serverKey: options.serverKey,
    fetch: options.fetch,
    timeout: options.timeout ?? 10_000,
    retry: {
      limit: retry?.limit ?? 2,
      backoffLimit: retry?.backoffLimit ?? 10_000,
      maxRetryAfter: retry?.maxRetryAfter ?? 60_000,
    },
    headers: options.headers,
  };

  // One function per route: the route table decides method, path, auth and response schema.
  const op =
    <N extends RouteName>(name: N): RouteCall<N> =>
    (params, callOptions) =>
      send(transport, clientRoutes[name], params as Record<string, unknown>, callOptions as MutationOptions) as Promise<RouteResponse<N>>;

  /**
   * Bulk routes take at most `LIMITS.batchSize` items in all: split, send in order, join the results. Items of
   * several lists (`memberIds`, then `invitationIds`) count together; the server answers the lists' items in that
   * order too, so the joined results line up with the items.
   */
  const batched =
    <N extends 'createInvitations' | 'assignSeats'>(name: N, keys: readonly (keyof RouteInput<N> & string)[]): RouteCall<N> =>
    async (params, callOptions: MutationOptions = {}) => {
      const items = keys.flatMap((key) => ((params[key] as unknown[] | undefined) ?? []).map((item) => [key, item] as const));
      const baseKey = callOptions.idempotencyKey ?? createIdempotencyKey();
      const results: unknown[] = [];
      for (let i = 0; i === 0 || i < items.length; i += batchSize) {
        // Every list is sent, empty or not: the server (not the client) answers a call with nothing in it.
        const lists = Object.fromEntries(keys.map((key) => [key, [] as unknown[]]));
        for (const [key, item] of items.slice(i, i + batchSize)) lists[key]!.push(item);
        const batch = await send(
          transport,
          clientRoutes[name],
          { ...params, ...lists },
          // The first batch keeps the caller's key, so a call of ≤ 100 items sends exactly it.
          { ...callOptions, idempotencyKey: i === 0 ? baseKey : `${baseKey}:${i / batchSize}` },
        );
        results.push(...(batch as { results: unknown[] }).results);
      }
      return { results } as RouteResponse<N>;
    };

  const listMembers = op('listMembers');

  return {
    me: (callOptions) => op('me')({}, callOptions),
    organizations: {
      get: op('getOrganization'),
      update: op('updateOrganization'),
      transferOwnership: op('transferOwnership'),
      create: op('createOrganization'),
    },
    members: {
      list: listMembers,
      async *iterate(params, callOptions) {
        let cursor: string | null | undefined;
        do {
          const page = await listMembers({ ...params, cursor: cursor ?? undefined }, callOptions);
          yield* page.items;
          cursor = page.nextCursor;
        } while (cursor);
      },
      export: op('exportMembers'),
      get: op('getMember'),
      add: op('addMember'),
      update: op('updateMember'),
      remove: op('removeMember'),
    },
    invitations: {
      list: op('listInvitations'),
      create: batched('createInvitations', ['invitations']),
      resend: op('resendInvitation'),
      revoke: op('revokeInvitation'),
      preview: op('previewInvitation'),
      accept: op('acceptInvitation'),
    },
    roles: {
      list: op('listRoles'),
      create: op('createRole'),
      update: op('updateRole'),
      remove: op('deleteRole'),
    },
    subscriptions: {
      list: op('listSubscriptions'),
      create: op('createSubscription'),
      update: op('updateSubscription'),
      setReclaimPolicy: op('setReclaimPolicy'),
      usage: op('getSeatUsage'),
    },
    products: { create: op('createProduct') },
    seats: {
      list: op('listSeats'),
      assign: batched('assignSeats', ['memberIds', 'invitationIds']),
      unassign: op('unassignSeat'),
      idle: op('listIdleSeats'),
      reclaim: op('reclaimSeats'),
    },
    seatRequests: {
      create: op('createSeatRequest'),
      list: op('listSeatRequests'),
      approve: op('approveSeatRequest'),
      deny: op('denySeatRequest'),
    },
    access: { check: op('checkAccess') },
    audit: { list: op('listAuditEvents') },
    webhookEndpoints: {
      create: op('createWebhookEndpoint'),
      list: op('listWebhookEndpoints'),
      get: op('getWebhookEndpoint'),
      update: op('updateWebhookEndpoint'),
      remove: op('deleteWebhookEndpoint'),
      rotateSecret: op('rotateWebhookEndpointSecret'),
      deliveries: op('listWebhookDeliveries'),
      retryDelivery: op('retryWebhookDelivery'),
    },
  };
}
