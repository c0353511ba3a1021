import type { Queryable } from './db/database.js';
import type { EmailKind, MailMessage } from './mail.js';
import type { MemberRow, OrgRow, UserRow } from './repo.js';

/** What the server knows at request time; shared by all handlers. */
export interface ServerSettings {
  appUrl: string;
  now: () => Date;
  rateLimits: RateLimits | false;
}

/** Emails to new people (invitations, resends, direct adds) per rolling hour. */
export interface RateLimits {
  /** Default 1,000. */
  invitationsPerCallerPerHour: number;
  /** Default 5,000. */
  invitationsPerOrgPerHour: number;
}

/** Everything a route handler gets. For mutations `db` is the open transaction. */
export interface HandlerContext {
  db: Queryable;
  settings: ServerSettings;
  now: Date;
  requestId: string;
  params: Record<string, string>;
  // Already validated by the route's schema; each handler narrows them.
  query: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The signed-in user (auth `user`). */
  user: UserRow | null;
  /** The caller's membership in `params.orgId` (org routes with user auth). */
  member: MemberRow | null;
  org: OrgRow | null;
  /** Records an audit event in the same transaction. */
  audit(event: { action: string; targetType: string; targetId: string | null; data?: Record<string, unknown>; orgId?: string }): Promise<void>;
  /** Queues an email in the same transaction; sent after commit. */
  email(kind: EmailKind, message: MailMessage): Promise<void>;
}

export type Handler = (ctx: HandlerContext) => Promise<unknown>;

export function requireMemberCtx(ctx: HandlerContext): MemberRow {
  if (!ctx.member) throw new Error('handler needs an org member context');
  return ctx.member;
}

export function requireOrgCtx(ctx: HandlerContext): OrgRow {
  if (!ctx.org) throw new Error('handler needs an org context');
  return ctx.org;
}
