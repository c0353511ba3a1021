import type { RouteName, routes } from '@seatkit/core/contract';
import type * as z from 'zod/mini';
import type { Queryable } from './db/database.js';
import type { EmailKind, MailMessage, SealedEmail } from './mail.js';
import type { OutboxCipher } from './outbox-cipher.js';
import type { MemberRow, OrgRow, UserRow } from './repo.js';
import type { UrlGuardOptions } from './webhooks/ssrf.js';

/** What the server knows at request time; shared by all handlers. */
export interface ServerSettings {
  appUrl: string;
  now: () => Date;
  rateLimits: RateLimits | false;
  /**
   * Seals endpoint secrets; the SSRF guard of endpoint URLs; `mayDeliver` tells this instance's kicker that deliveries
   * may now be due (an endpoint created or enabled, a delivery retried), see `createWebhookKicker`.
   */
  webhooks: { cipher: OutboxCipher; guard: UrlGuardOptions; mayDeliver: () => void };
}

/** Emails to new people (invitations, resends, direct adds) per rolling hour. */
export interface RateLimits {
  /** Default 1,000. */
  invitationsPerCallerPerHour: number;
  /** Default 5,000. */
  invitationsPerOrgPerHour: number;
}

/** An audit event; the pipeline adds the actor, the request id and the time. */
export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  data?: Record<string, unknown>;
  /** Default: the path's organization. */
  orgId?: string;
}

/**
 * What every handler gets, whatever its route: helpers shared by several handlers take this. A handler itself gets the
 * narrower {@link RouteContext} of its route. For mutations `db` is the open transaction.
 */
export interface HandlerContext {
  db: Queryable;
  settings: ServerSettings;
  now: Date;
  requestId: string;
  params: Readonly<Record<string, string>>;
  query: unknown;
  body: unknown;
  /** The signed-in user (auth `user`). */
  user: UserRow | null;
  /** The caller's membership in `params.orgId` (org routes with user auth). */
  member: MemberRow | null;
  org: OrgRow | null;
  /** Records an audit event in the same transaction. */
  audit(event: AuditEvent): Promise<void>;
  /** Queues an email in the same transaction; sent after commit. */
  email(kind: EmailKind, message: MailMessage): Promise<void>;
  /**
   * Seals an email for a handler that queues it in a statement of its own (`queueSealedEmails`, `outboxInsertSql`), so
   * several emails, or an email and the change that causes it, take one round trip. Counted as queued: the outbox is
   * dispatched after the commit.
   */
  sealEmail(kind: EmailKind, message: MailMessage): Promise<SealedEmail>;
}

type Routes = typeof routes;

/** `'/v1/orgs/:orgId/members/:memberId'` → `'orgId' | 'memberId'`. */
type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path parameters of a route, named by its path template. */
export type RouteParams<N extends RouteName> = { readonly [K in PathParamNames<Routes[N]['path']>]: string };
/** The query a route's schema let through (`{}` when the route takes none). */
export type RouteQuery<N extends RouteName> = Routes[N] extends { query: infer S extends z.core.$ZodType } ? z.output<S> : Record<string, never>;
/** The body a route's schema let through (`{}` when the route takes none). */
export type RouteBody<N extends RouteName> = Routes[N] extends { body: infer S extends z.core.$ZodType } ? z.output<S> : Record<string, never>;
/** What a route's handler returns: its response schema's type, or `null` for a 204. */
/** What a handler returns: the response schema's output, a stream of the file for a route that `produces` one, or `null` (204). */
export type RouteResult<N extends RouteName> = Routes[N] extends { produces: string }
  ? ReadableStream<Uint8Array>
  : Routes[N]['response'] extends infer S extends z.core.$ZodType
    ? z.output<S>
    : null;

/** The context of one route's handler: params, query and body typed from the route table. */
export interface RouteContext<N extends RouteName> extends HandlerContext {
  params: RouteParams<N>;
  query: RouteQuery<N>;
  body: RouteBody<N>;
}

/** How a route treats callers who are not active members of the path's organization. */
export interface TenancyOptions<N extends RouteName> {
  /**
   * The answer (with the route's status) for a caller who is not a member, the same whether the organization exists
   * or not so it reveals nothing. Default: none, such a caller gets `404 not_found`.
   */
  notMemberAnswer?: RouteResult<N>;
  /** Suspended members reach the handler, which answers for them. Default `false`: they get `404 not_found`. */
  allowSuspended?: boolean;
}

/**
 * One function type per route. `defineHandler` looks its `handle` up here instead of writing the function type with `N`:
 * with a generic return type TypeScript widens a returned literal (`reason: 'no_seat'`) to `string` before checking it.
 */
type RouteHandlerFunctions = { [K in RouteName]: (ctx: RouteContext<K>) => Promise<RouteResult<K>> };

/** A route's handler as made by {@link defineHandler}. */
export interface RouteHandler<N extends RouteName> {
  (ctx: RouteContext<N>): Promise<RouteResult<N>>;
  readonly route: N;
  readonly tenancy: TenancyOptions<N>;
}

/**
 * Defines the handler of a contract route: `ctx.params`, `ctx.query` and `ctx.body` are typed from the route's path and
 * schemas (already validated when the handler runs), and a result that does not fit the response schema does not compile.
 *
 * @example
 * export const getMember = defineHandler('getMember', async (ctx) => toMember(await requireMember(ctx.db, ctx.params.orgId, ctx.params.memberId)));
 */
export function defineHandler<N extends RouteName>(
  route: N,
  handle: RouteHandlerFunctions[N],
  tenancy: TenancyOptions<N> = {},
): RouteHandler<N> {
  return Object.assign((ctx: RouteContext<N>) => (handle as (ctx: RouteContext<N>) => Promise<RouteResult<N>>)(ctx), { route, tenancy });
}

export function requireMemberCtx(ctx: HandlerContext): MemberRow {
  if (!ctx.member) throw new Error('handler needs an org member context');
  return ctx.member;
}

export function requireOrgCtx(ctx: HandlerContext): OrgRow {
  if (!ctx.org) throw new Error('handler needs an org context');
  return ctx.org;
}
