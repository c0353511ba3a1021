import type * as z from 'zod/mini';
// Runtime data comes from the generated table; the contract's zod modules are imported for types only.
import { batchSize, clientRoutes } from './client-routes.generated.js';
import type {
  AcceptInvitationResult,
  AccessResult,
  AddMemberBody,
  AssignSeatsResult,
  AuditEvent,
  CreateInvitationsResult,
  CreateOrganizationBody,
  CreateOrganizationResult,
  CreateProductBody,
  CreateRoleBody,
  CreateSubscriptionBody,
  Invitation,
  InvitationInput,
  InvitationPreview,
  InvitationStatus,
  Me,
  Member,
  MemberStatus,
  Organization,
  Page,
  Product,
  Role,
  Seat,
  Subscription,
  UpdateMemberBody,
  UpdateRoleBody,
  UpdateSubscriptionBody,
} from './contract/schemas.js';
import type { RouteName, routes } from './contract/routes.js';
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
/** The parsed response of a route, from its schema in the contract. */
export type RouteResponse<N extends RouteName> = Routes[N]['response'] extends z.core.$ZodType
  ? z.output<Routes[N]['response']>
  : void;

/** `{ orgId }`: the organization a call is about. */
export interface OrgParams {
  orgId: string;
}
/** Keyset paging of list calls. */
export interface PageParams {
  /** Items per page, 1–200. @default 50 */
  limit?: number;
  /** `nextCursor` of the previous page. @default the first page */
  cursor?: string;
}
export interface MemberParams extends OrgParams {
  memberId: string;
}
export interface ListMembersParams extends OrgParams, PageParams {
  /** Search in names and email. @default no search */
  query?: string;
  /** Only members with this role key. @default every role */
  role?: string;
  /** Only members with this status. @default both statuses */
  status?: MemberStatus;
}
export type IterateMembersParams = Omit<ListMembersParams, 'cursor'>;
export type AddMemberParams = OrgParams & AddMemberBody;
export type UpdateMemberParams = MemberParams & UpdateMemberBody;
export interface TransferOwnershipParams extends OrgParams {
  /** The member who becomes the owner. */
  memberId: string;
}
export interface ListInvitationsParams extends OrgParams, PageParams {
  /** Only invitations with this status. @default every status */
  status?: InvitationStatus;
}
export interface CreateInvitationsParams extends OrgParams {
  /**
   * The people to invite, each with its role. More than 100 are sent in batches of 100, each batch
   * with its own idempotency key (derived from the call's); the results still come back in order,
   * one per item. If a later batch fails, the call rejects: repeat it with the same
   * `idempotencyKey` and the batches already applied are replayed, not sent twice.
   */
  invitations: InvitationInput[];
}
export interface InvitationParams extends OrgParams {
  invitationId: string;
}
export interface InvitationTokenParams {
  /** The token of the invitation link (see `parseInvitationToken`). */
  token: string;
}
export interface RoleParams extends OrgParams {
  roleKey: string;
}
export type CreateRoleParams = OrgParams & CreateRoleBody;
export type UpdateRoleParams = RoleParams & UpdateRoleBody;
export interface SubscriptionParams extends OrgParams {
  subscriptionId: string;
}
export type ListSeatsParams = SubscriptionParams & PageParams;
export interface AssignSeatsParams extends SubscriptionParams {
  /** Members to give a seat. More than 100 are sent in batches of 100, results in order. */
  memberIds: string[];
}
export interface UnassignSeatParams extends SubscriptionParams {
  memberId: string;
}
export interface CheckAccessParams extends OrgParams {
  /** The product key, e.g. `imaging-app`. */
  product: string;
  /** Check another member instead of the caller (needs `seats:read`). @default the caller */
  memberId?: string;
}
export type ListAuditEventsParams = OrgParams & PageParams;
export type CreateSubscriptionParams = OrgParams & CreateSubscriptionBody;
export type UpdateSubscriptionParams = SubscriptionParams & UpdateSubscriptionBody;

/** The typed SeatKit client. Every method rejects with a `SeatKitError`. */
export interface SeatKitClient {
  /** The caller with its memberships (organization, role, permissions). */
  me(options?: RequestOptions): Promise<Me>;
  organizations: {
    get(params: OrgParams, options?: RequestOptions): Promise<Organization>;
    /** Make another member the owner (owner only); the old owner becomes an admin. */
    transferOwnership(params: TransferOwnershipParams, options?: MutationOptions): Promise<Organization>;
    /** Provisioning (server key): create an organization with its owner. */
    create(params: CreateOrganizationBody, options?: MutationOptions): Promise<CreateOrganizationResult>;
  };
  members: {
    /** One page of members. */
    list(params: ListMembersParams, options?: RequestOptions): Promise<Page<Member>>;
    /**
     * Every member, page after page, as an async iterator.
     * @example
     * for await (const member of seatkit.members.iterate({ orgId, role: 'admin' })) console.log(member.email);
     */
    iterate(params: IterateMembersParams, options?: RequestOptions): AsyncGenerator<Member, void, undefined>;
    get(params: MemberParams, options?: RequestOptions): Promise<Member>;
    /** Add a member at once (no invitation); the server emails the account details. */
    add(params: AddMemberParams, options?: MutationOptions): Promise<Member>;
    update(params: UpdateMemberParams, options?: MutationOptions): Promise<Member>;
    /** Remove a member: its seats are released and its access ends at once. */
    remove(params: MemberParams, options?: MutationOptions): Promise<void>;
  };
  invitations: {
    list(params: ListInvitationsParams, options?: RequestOptions): Promise<Page<Invitation>>;
    /**
     * Invite many people; one result per item, in order (a bad item does not sink the others).
     * @example
     * const { results } = await seatkit.invitations.create({ orgId, invitations: [{ email: 'ann@example.com', role: 'member' }] });
     * const failed = results.filter((r) => !r.ok);
     */
    create(params: CreateInvitationsParams, options?: MutationOptions): Promise<CreateInvitationsResult>;
    /** Send the email again and renew the expiry. */
    resend(params: InvitationParams, options?: MutationOptions): Promise<Invitation>;
    /** Revoke a pending invitation; its reserved seats are freed. */
    revoke(params: InvitationParams, options?: MutationOptions): Promise<Invitation>;
    /** What the link shows before sign-in. Needs no token. */
    preview(params: InvitationTokenParams, options?: RequestOptions): Promise<InvitationPreview>;
    /** Accept as the signed-in user, whose email must be the invited one. */
    accept(params: InvitationTokenParams, options?: MutationOptions): Promise<AcceptInvitationResult>;
  };
  roles: {
    list(params: OrgParams, options?: RequestOptions): Promise<{ items: Role[] }>;
    create(params: CreateRoleParams, options?: MutationOptions): Promise<Role>;
    update(params: UpdateRoleParams, options?: MutationOptions): Promise<Role>;
    /** Delete a custom role that no member holds. */
    remove(params: RoleParams, options?: MutationOptions): Promise<void>;
  };
  subscriptions: {
    /** Subscriptions with their seat counts. */
    list(params: OrgParams, options?: RequestOptions): Promise<{ items: Subscription[] }>;
    /** Provisioning (server key): create a subscription of a product. */
    create(params: CreateSubscriptionParams, options?: MutationOptions): Promise<Subscription>;
    /** Provisioning (server key): resize or change a subscription (`seats_in_use` below what is used). */
    update(params: UpdateSubscriptionParams, options?: MutationOptions): Promise<Subscription>;
  };
  products: {
    /** Provisioning (server key): create a product. */
    create(params: CreateProductBody, options?: MutationOptions): Promise<Product>;
  };
  seats: {
    /** The seat holders of a subscription. */
    list(params: ListSeatsParams, options?: RequestOptions): Promise<Page<Seat>>;
    /**
     * Give seats to members; one result per member, in order.
     * @example
     * const { results } = await seatkit.seats.assign({ orgId, subscriptionId, memberIds: [me.member.id] });
     */
    assign(params: AssignSeatsParams, options?: MutationOptions): Promise<AssignSeatsResult>;
    unassign(params: UnassignSeatParams, options?: MutationOptions): Promise<void>;
  };
  access: {
    /**
     * Whether the caller (or `memberId`) may use a product, and why not.
     * @example
     * const { allowed, reason } = await seatkit.access.check({ orgId, product: 'imaging-app' });
     */
    check(params: CheckAccessParams, options?: RequestOptions): Promise<AccessResult>;
  };
  audit: {
    /** The audit trail, newest first. */
    list(params: ListAuditEventsParams, options?: RequestOptions): Promise<Page<AuditEvent>>;
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
    <N extends RouteName>(name: N) =>
    (params?: object, callOptions?: MutationOptions) =>
      send(transport, clientRoutes[name], params as Record<string, unknown>, callOptions) as Promise<RouteResponse<N>>;

  /** Bulk routes take at most `LIMITS.batchSize` items: split, send in order, join the results. */
  const batched =
    <N extends 'createInvitations' | 'assignSeats', K extends 'invitations' | 'memberIds'>(name: N, key: K) =>
    async (params: OrgParams & Record<K, unknown[]>, callOptions: MutationOptions = {}) => {
      const items = params[key];
      const baseKey = callOptions.idempotencyKey ?? createIdempotencyKey();
      const results: unknown[] = [];
      for (let i = 0; i === 0 || i < items.length; i += batchSize) {
        const batch = await op(name)(
          { ...params, [key]: items.slice(i, i + batchSize) },
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
      get: op('getMember'),
      add: op('addMember'),
      update: op('updateMember'),
      remove: op('removeMember'),
    },
    invitations: {
      list: op('listInvitations'),
      create: batched('createInvitations', 'invitations'),
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
    },
    products: { create: op('createProduct') },
    seats: {
      list: op('listSeats'),
      assign: batched('assignSeats', 'memberIds'),
      unassign: op('unassignSeat'),
    },
    access: { check: op('checkAccess') },
    audit: { list: op('listAuditEvents') },
  };
}
