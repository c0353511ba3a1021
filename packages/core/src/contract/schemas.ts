import * as z from 'zod/mini';
import { EMAIL_PATTERN } from './email.js';
import { LIMITS } from './limits.js';
import { CONTROL_CHARS } from './labels.js';
import { ItemErrorSchema } from './errors.js';
import { PERMISSIONS } from './permissions.js';
import { SUPPORTED_LOCALES } from './locales.js';


// ---------------------------------------------------------------- primitives

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64));
export const TimestampSchema = z.string().check(z.iso.datetime({ offset: true }));
export const PermissionSchema = z.enum(PERMISSIONS);
/** One of `SUPPORTED_LOCALES` (`en`, `fr`, `pt-BR`, …), spelled as listed. */
export const LocaleSchema = z.enum(SUPPORTED_LOCALES);


/** An email: trimmed and lower-cased before it is checked, so `" Ann@X.com "` and `"ann@x.com"` are one person. */
export const EmailSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.maxLength(LIMITS.emailLength), z.email({ pattern: EMAIL_PATTERN, message: 'Enter a valid email address' }));

/**
 * A free-text label (a person's, organization's, role's or product's name): trimmed, 1–`max` characters, no control characters —
 * these names end up in email subjects, where a CR/LF could forge headers in a naive mailer.
 */
function labelSchema(max: number) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { message: 'Required' }),
      z.maxLength(max, { message: `At most ${max} characters` }),
      z.refine((v) => !CONTROL_CHARS.test(v), { message: 'Must not contain control characters' }),
    );
}

/** A person's name part: trimmed, 1–100 characters, no control characters. Markup is allowed and rendered as text. */
export const NameSchema = labelSchema(LIMITS.nameLength);

/** A role key: `owner`, `admin`, `member` or an organization's own lower-case slug. */
export const RoleKeySchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(LIMITS.roleKeyLength),
    z.regex(/^[a-z][a-z0-9_-]*$/, { message: 'Use lower-case letters, digits, - and _' }),
  );

export const MemberStatusSchema = z.enum(['active', 'suspended']);
export const InvitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export const SubscriptionStatusSchema = z.enum(['active', 'past_due', 'canceled']);
export const AccessDeniedReasonSchema = z.enum([
  'no_seat',
  'seat_reserved',
  'subscription_expired',
  'subscription_inactive',
  'member_suspended',
  'not_a_member',
]);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;
export type AccessDeniedReason = z.infer<typeof AccessDeniedReasonSchema>;
/** A seat request waits (`pending`) until an admin approves it (a seat is assigned) or denies it. */
export const SeatRequestStatusSchema = z.enum(['pending', 'approved', 'denied']);
export type SeatRequestStatus = z.infer<typeof SeatRequestStatusSchema>;

// ---------------------------------------------------------------- resources

export const OrganizationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  ownerMemberId: IdSchema,
  /**
   * The language of every email SeatKit sends for the organization (invitations, notices): one of `SUPPORTED_LOCALES`.
   * Read as any string, so a client older than the server's list still reads the organization (`resolveLocale` maps
   * a locale it lacks to `en`).
   */
  locale: z.string(),
  createdAt: TimestampSchema,
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** What the owner may change of the organization (`PATCH /v1/orgs/:orgId`). */
export const UpdateOrganizationBodySchema = z.strictObject({
  locale: z.optional(LocaleSchema),
});
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBodySchema>;

export const OrganizationSummarySchema = z.object({ id: IdSchema, name: z.string() });
export type OrganizationSummary = z.infer<typeof OrganizationSummarySchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const MemberSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  userId: IdSchema,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.string(),
  /** Effective permissions: the role's set plus `grants`. */
  permissions: z.array(PermissionSchema),
  /** Per-member grants on top of the role. */
  grants: z.array(PermissionSchema),
  status: MemberStatusSchema,
  /** Subscriptions this member holds a seat of. */
  subscriptionIds: z.array(IdSchema),
  createdAt: TimestampSchema,
  lastActiveAt: z.nullable(TimestampSchema),
  invitedBy: z.nullable(IdSchema),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberSummarySchema = z.object({
  id: IdSchema,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
});
export type MemberSummary = z.infer<typeof MemberSummarySchema>;

export const RoleSchema = z.object({
  key: z.string(),
  name: z.string(),
  permissions: z.array(PermissionSchema),
  builtIn: z.boolean(),
});
export type Role = z.infer<typeof RoleSchema>;

export const InvitationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  email: z.string(),
  role: z.string(),
  firstName: z.nullable(z.string()),
  lastName: z.nullable(z.string()),
  permissions: z.array(PermissionSchema),
  subscriptionIds: z.array(IdSchema),
  status: InvitationStatusSchema,
  expiresAt: TimestampSchema,
  createdAt: TimestampSchema,
  invitedBy: z.nullable(IdSchema),
  acceptedAt: z.nullable(TimestampSchema),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** What anyone holding the link may see before signing in. */
export const InvitationPreviewSchema = z.object({
  organization: OrganizationSummarySchema,
  email: z.string(),
  role: z.string(),
  /** The display name of `role`: a custom role's own name (a UI translates the built-in ones). */
  roleName: z.string(),
  status: InvitationStatusSchema,
  expiresAt: TimestampSchema,
  invitedBy: z.nullable(z.object({ firstName: z.string(), lastName: z.string() })),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const ProductSchema = z.object({ id: IdSchema, key: z.string(), name: z.string() });
export type Product = z.infer<typeof ProductSchema>;

export const SeatCountsSchema = z.object({
  total: z.number(),
  assigned: z.number(),
  reserved: z.number(),
  available: z.number(),
  /** Assigned seats unused for the reclaim policy's `idleDays` (else 30). Sent by servers since seat requests; optional for older ones. */
  idle: z.optional(z.number()),
  /** Pending seat requests for the subscription's product. Sent by servers since seat requests; optional for older ones. */
  requested: z.optional(z.number()),
});
export type SeatCounts = z.infer<typeof SeatCountsSchema>;

const idleDays = z.number().check(z.int(), z.gte(1), z.lte(LIMITS.idleDaysMax));

/**
 * Idle-seat reclamation of a subscription: a seat unused for `idleDays` is released by the scheduler, and its holder is
 * warned `warnDays` before (`0`: no warning).
 */
export const ReclaimPolicySchema = z.object({ idleDays: z.number(), warnDays: z.number() });
export type ReclaimPolicy = z.infer<typeof ReclaimPolicySchema>;

/** A reclaim policy as a request sets it: whole days, `warnDays` below `idleDays`. */
export const ReclaimPolicyInputSchema = z
  .strictObject({ idleDays, warnDays: z.number().check(z.int(), z.gte(0), z.lte(LIMITS.idleDaysMax)) })
  .check(z.refine((p) => p.warnDays < p.idleDays, { message: 'warnDays must be below idleDays', path: ['warnDays'] }));

export const SubscriptionSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  product: ProductSchema,
  seatLimit: z.number(),
  status: SubscriptionStatusSchema,
  expiresAt: z.nullable(TimestampSchema),
  seats: SeatCountsSchema,
  /** `null`: idle seats are only reclaimed by hand. Sent by servers since seat requests; optional for older ones. */
  reclaimPolicy: z.optional(z.nullable(ReclaimPolicySchema)),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const SeatSchema = z.object({
  subscriptionId: IdSchema,
  memberId: IdSchema,
  assignedBy: z.nullable(IdSchema),
  assignedAt: TimestampSchema,
  member: MemberSummarySchema,
});
export type Seat = z.infer<typeof SeatSchema>;

export const AuditEventSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  actorMemberId: z.nullable(IdSchema),
  actorEmail: z.nullable(z.string()),
  action: z.string(),
  targetType: z.string(),
  targetId: z.nullable(z.string()),
  data: z.record(z.string(), z.unknown()),
  requestId: z.nullable(z.string()),
  createdAt: TimestampSchema,
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const MembershipSchema = z.object({
  organization: OrganizationSummarySchema,
  member: MemberSchema,
  /** The display name of `member.role`: a custom role's own name (a UI translates the built-in ones). */
  roleName: z.string(),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({ user: UserSchema, memberships: z.array(MembershipSchema) });
export type Me = z.infer<typeof MeSchema>;

export const AccessResultSchema = z.object({
  allowed: z.boolean(),
  reason: z.optional(AccessDeniedReasonSchema),
  subscriptionId: z.optional(IdSchema),
  /** With `no_seat`: the caller's latest seat request for the product, when there is one (its outcome included). */
  request: z.optional(z.object({ id: IdSchema, status: SeatRequestStatusSchema, createdAt: TimestampSchema })),
});
export type AccessResult = z.infer<typeof AccessResultSchema>;

export const AcceptInvitationResultSchema = z.object({
  organization: OrganizationSummarySchema,
  member: MemberSchema,
});
export type AcceptInvitationResult = z.infer<typeof AcceptInvitationResultSchema>;

export const OutboxEmailSchema = z.object({
  id: IdSchema,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The HTML part, as sent; `null` for an email queued without one. */
  html: z.nullable(z.string()),
  createdAt: TimestampSchema,
});
export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;

/** A member's request for a seat of a product, and what became of it. */
export const SeatRequestSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  memberId: IdSchema,
  member: MemberSummarySchema,
  product: z.object({ key: z.string(), name: z.string() }),
  note: z.nullable(z.string()),
  status: SeatRequestStatusSchema,
  createdAt: TimestampSchema,
  resolvedAt: z.nullable(TimestampSchema),
  /** The member who approved or denied it. */
  resolvedBy: z.nullable(IdSchema),
  /** The subscription whose seat approved it. */
  subscriptionId: z.nullable(IdSchema),
  denyReason: z.nullable(z.string()),
});
export type SeatRequest = z.infer<typeof SeatRequestSchema>;

/** An approved request with the seat it gave. */
export const ApproveSeatRequestResultSchema = z.object({ request: SeatRequestSchema, seat: SeatSchema });
export type ApproveSeatRequestResult = z.infer<typeof ApproveSeatRequestResultSchema>;

/** An assigned seat unused for `idleDays`: `lastUsedAt` is `null` when its holder never used it (idle since `assignedAt`). */
export const IdleSeatSchema = z.object({
  memberId: IdSchema,
  member: MemberSummarySchema,
  assignedAt: TimestampSchema,
  lastUsedAt: z.nullable(TimestampSchema),
});
export type IdleSeat = z.infer<typeof IdleSeatSchema>;

/** The dry run of a reclaim: the idle seats, oldest use first, a page at a time; `count` is of all of them. */
export const IdleSeatPageSchema = z.object({
  idleDays: z.number(),
  items: z.array(IdleSeatSchema),
  count: z.number(),
  nextCursor: z.nullable(z.string()),
});
export type IdleSeatPage = z.infer<typeof IdleSeatPageSchema>;

/**
 * One seat of a reclaim: released, or why not (`not_found`: no seat of this member; `seats_in_use` with
 * `details.lastUsedAt`: used since the dry run, so no longer idle).
 */
export const ReclaimResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), memberId: z.string(), assignedAt: TimestampSchema, lastUsedAt: z.nullable(TimestampSchema) }),
  z.object({ ok: z.literal(false), memberId: z.string(), error: ItemErrorSchema }),
]);
export type ReclaimResult = z.infer<typeof ReclaimResultSchema>;
export const ReclaimSeatsResultSchema = z.object({ idleDays: z.number(), results: z.array(ReclaimResultSchema) });
export type ReclaimSeatsResult = z.infer<typeof ReclaimSeatsResultSchema>;

/** One day of a subscription's seats (UTC): seats assigned, seats used that day, requests pending. */
export const SeatUsageDaySchema = z.object({
  day: z.string(),
  assigned: z.number(),
  used: z.number(),
  requested: z.number(),
});
export type SeatUsageDay = z.infer<typeof SeatUsageDaySchema>;

export const SubscriptionUsageSchema = z.object({
  subscriptionId: IdSchema,
  product: z.object({ key: z.string(), name: z.string() }),
  seatLimit: z.number(),
  /** Oldest first; days before the subscription existed or before usage was recorded are left out. */
  days: z.array(SeatUsageDaySchema),
});
export type SubscriptionUsage = z.infer<typeof SubscriptionUsageSchema>;

/** `GET …/seat-usage`: per subscription, per day, from `from` to `to` (UTC dates, both included). */
export const SeatUsageSchema = z.object({
  days: z.number(),
  from: z.string(),
  to: z.string(),
  items: z.array(SubscriptionUsageSchema),
});
export type SeatUsage = z.infer<typeof SeatUsageSchema>;

/** A keyset page: `nextCursor` is `null` on the last page. */
export function pageSchema<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const MemberPageSchema = pageSchema(MemberSchema);
export const InvitationPageSchema = pageSchema(InvitationSchema);
export const SeatPageSchema = pageSchema(SeatSchema);
export const AuditEventPageSchema = pageSchema(AuditEventSchema);
export const SeatRequestPageSchema = pageSchema(SeatRequestSchema);
export const RoleListSchema = z.object({ items: z.array(RoleSchema) });
export const SubscriptionListSchema = z.object({ items: z.array(SubscriptionSchema) });

// ---------------------------------------------------------------- bulk results

export const InvitationResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    email: z.string(),
    invitation: InvitationSchema,
    /** `true` when the person already had a pending invitation: it comes back unchanged and no email is sent. */
    alreadyInvited: z.optional(z.boolean()),
  }),
  z.object({ ok: z.literal(false), email: z.string(), error: ItemErrorSchema }),
]);
export type InvitationResult = z.infer<typeof InvitationResultSchema>;
export const CreateInvitationsResultSchema = z.object({ results: z.array(InvitationResultSchema) });
export type CreateInvitationsResult = z.infer<typeof CreateInvitationsResultSchema>;

/** A `memberIds` item of a bulk assignment: the seat given, or why not. */
export const SeatResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), memberId: z.string(), seat: SeatSchema }),
  z.object({ ok: z.literal(false), memberId: z.string(), error: ItemErrorSchema }),
]);
export type SeatResult = z.infer<typeof SeatResultSchema>;
/**
 * An `invitationIds` item of a bulk assignment: the invitation with the seat now reserved for it (in its
 * `subscriptionIds`; it becomes the invitee's seat when they accept), or why not.
 */
export const ReservationResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), invitationId: z.string(), invitation: InvitationSchema }),
  z.object({ ok: z.literal(false), invitationId: z.string(), error: ItemErrorSchema }),
]);
export type ReservationResult = z.infer<typeof ReservationResultSchema>;
/** One result per item: the `memberIds` ones in order, then the `invitationIds` ones in order. */
export const AssignSeatsResultSchema = z.object({ results: z.array(z.union([SeatResultSchema, ReservationResultSchema])) });
export type AssignSeatsResult = z.infer<typeof AssignSeatsResultSchema>;
/** One item's result of a bulk assignment: a member's seat (`memberId`) or an invitation's reservation (`invitationId`). */
export type AssignSeatsItemResult = AssignSeatsResult['results'][number];

// ---------------------------------------------------------------- requests

const pageSize = z
  .string()
  .check(z.regex(/^\d{1,4}$/, { message: 'Must be a whole number' }), z.refine((v) => {
    const n = Number(v);
    return n >= 1 && n <= LIMITS.pageSizeMax;
  }, { message: `Must be between 1 and ${LIMITS.pageSizeMax}` }));
const cursor = z.string().check(z.maxLength(512));

/** Query strings arrive as strings; `limit` is validated as digits and converted by the server. */
export const PageQuerySchema = z.strictObject({ limit: z.optional(pageSize), cursor: z.optional(cursor) });

export const ListMembersQuerySchema = z.strictObject({
  limit: z.optional(pageSize),
  cursor: z.optional(cursor),
  query: z.optional(z.string().check(z.maxLength(LIMITS.queryLength))),
  role: z.optional(RoleKeySchema),
  status: z.optional(MemberStatusSchema),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuerySchema>;

/** The export of the member list: its filters (no paging: every matching member), in a format (`csv`, the default). */
export const ExportMembersQuerySchema = z.strictObject({
  format: z.optional(z.literal('csv')),
  query: z.optional(z.string().check(z.maxLength(LIMITS.queryLength))),
  role: z.optional(RoleKeySchema),
  status: z.optional(MemberStatusSchema),
});
export type ExportMembersQuery = z.infer<typeof ExportMembersQuerySchema>;

export const ListInvitationsQuerySchema = z.strictObject({
  limit: z.optional(pageSize),
  cursor: z.optional(cursor),
  status: z.optional(InvitationStatusSchema),
});
export type ListInvitationsQuery = z.infer<typeof ListInvitationsQuerySchema>;

/**
 * Filters of the audit trail, all optional and combined: `actor` (the member who acted), `action` (e.g.
 * `seat.assigned`), `target` (the id of the member, invitation, subscription or request acted on), and a time range
 * `from` (inclusive) – `to` (exclusive), ISO 8601.
 */
export const ListAuditEventsQuerySchema = z.strictObject({
  limit: z.optional(pageSize),
  cursor: z.optional(cursor),
  actor: z.optional(IdSchema),
  action: z.optional(z.string().check(z.maxLength(100), z.regex(/^[a-z_]+(\.[a-z_]+)+$/, { message: 'An action such as seat.assigned' }))),
  target: z.optional(IdSchema),
  from: z.optional(TimestampSchema),
  to: z.optional(TimestampSchema),
});
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuerySchema>;

export const ListSeatRequestsQuerySchema = z.strictObject({
  limit: z.optional(pageSize),
  cursor: z.optional(cursor),
  status: z.optional(SeatRequestStatusSchema),
});
export type ListSeatRequestsQuery = z.infer<typeof ListSeatRequestsQuerySchema>;

/** A whole number of days in a query string, from 1 to `max`. */
const dayCount = (max: number) =>
  z.string().check(
    z.regex(/^\d{1,4}$/, { message: 'Must be a whole number' }),
    z.refine((v) => Number(v) >= 1 && Number(v) <= max, { message: `Must be between 1 and ${max}` }),
  );

export const IdleSeatsQuerySchema = z.strictObject({
  idleDays: z.optional(dayCount(LIMITS.idleDaysMax)),
  limit: z.optional(pageSize),
  cursor: z.optional(cursor),
});
export type IdleSeatsQuery = z.infer<typeof IdleSeatsQuerySchema>;

export const SeatUsageQuerySchema = z.strictObject({ days: z.optional(dayCount(LIMITS.usageDaysMax)) });
export type SeatUsageQuery = z.infer<typeof SeatUsageQuerySchema>;

export const AccessQuerySchema = z.strictObject({
  product: z.string().check(z.minLength(1), z.maxLength(100)),
  memberId: z.optional(IdSchema),
});
export type AccessQuery = z.infer<typeof AccessQuerySchema>;

const permissionList = z.array(PermissionSchema).check(z.maxLength(PERMISSIONS.length * 2));
const subscriptionIdList = z.array(IdSchema).check(z.maxLength(50));

export const AddMemberBodySchema = z.strictObject({
  email: EmailSchema,
  firstName: NameSchema,
  lastName: NameSchema,
  role: RoleKeySchema,
  permissions: z.optional(permissionList),
});
export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;

export const UpdateMemberBodySchema = z.strictObject({
  firstName: z.optional(NameSchema),
  lastName: z.optional(NameSchema),
  email: z.optional(EmailSchema),
  role: z.optional(RoleKeySchema),
  permissions: z.optional(permissionList),
  status: z.optional(MemberStatusSchema),
});
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

export const TransferOwnershipBodySchema = z.strictObject({ memberId: IdSchema });
export type TransferOwnershipBody = z.infer<typeof TransferOwnershipBodySchema>;

export const InvitationInputSchema = z.strictObject({
  email: EmailSchema,
  role: RoleKeySchema,
  firstName: z.optional(NameSchema),
  lastName: z.optional(NameSchema),
  permissions: z.optional(permissionList),
  subscriptionIds: z.optional(subscriptionIdList),
});
export type InvitationInput = z.infer<typeof InvitationInputSchema>;

/**
 * The envelope of a bulk invite. Items are validated one by one (a bad item fails alone),
 * so the envelope only checks that `invitations` is a list of 1–100 objects.
 */
export const CreateInvitationsBodySchema = z.strictObject({
  invitations: z
    .array(z.unknown())
    .check(z.minLength(1), z.maxLength(LIMITS.batchSize, { message: `At most ${LIMITS.batchSize} invitations at once` })),
});
export interface CreateInvitationsBody {
  invitations: z.input<typeof InvitationInputSchema>[];
}

export const CreateRoleBodySchema = z.strictObject({
  key: RoleKeySchema,
  name: labelSchema(LIMITS.roleNameLength),
  permissions: permissionList,
});
export type CreateRoleBody = z.infer<typeof CreateRoleBodySchema>;

export const UpdateRoleBodySchema = z.strictObject({
  name: z.optional(labelSchema(LIMITS.roleNameLength)),
  permissions: z.optional(permissionList),
});
export type UpdateRoleBody = z.infer<typeof UpdateRoleBodySchema>;

const seatItemIds = z.array(z.string().check(z.maxLength(64))).check(z.maxLength(LIMITS.batchSize, { message: `At most ${LIMITS.batchSize} items at once` }));

/**
 * Seats for members (`memberIds`) and seats reserved for pending invitations (`invitationIds`, turned into the
 * invitee's seat on acceptance). Like invitations, each id is checked on its own; the envelope checks strings, 1–100
 * of them in all.
 */
export const AssignSeatsBodySchema = z
  .strictObject({ memberIds: z.optional(seatItemIds), invitationIds: z.optional(seatItemIds) })
  .check(
    z.refine((body) => {
      const count = (body.memberIds?.length ?? 0) + (body.invitationIds?.length ?? 0);
      return count >= 1 && count <= LIMITS.batchSize;
    }, { message: `Give 1 to ${LIMITS.batchSize} member or invitation ids in all` }),
  );
export type AssignSeatsBody = z.infer<typeof AssignSeatsBodySchema>;

/** Free text a person writes to an admin (a note, a reason): trimmed, up to 500 characters, no control characters but line breaks. */
const noteSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(LIMITS.seatRequestNoteLength, { message: `At most ${LIMITS.seatRequestNoteLength} characters` }),
    z.refine((v) => !CONTROL_CHARS.test(v.replace(/\r?\n/g, ' ')), { message: 'Must not contain control characters' }),
  );

const productKey = z.string().check(z.minLength(1), z.maxLength(100));

export const CreateSeatRequestBodySchema = z.strictObject({ product: productKey, note: z.optional(noteSchema) });
export type CreateSeatRequestBody = z.infer<typeof CreateSeatRequestBodySchema>;

/** Without `subscriptionId`, the first usable subscription of the product with a free seat. */
export const ApproveSeatRequestBodySchema = z.strictObject({ subscriptionId: z.optional(IdSchema) });
export type ApproveSeatRequestBody = z.infer<typeof ApproveSeatRequestBodySchema>;

export const DenySeatRequestBodySchema = z.strictObject({ reason: z.optional(noteSchema) });
export type DenySeatRequestBody = z.infer<typeof DenySeatRequestBodySchema>;

/** Without `memberIds`, every seat idle for `idleDays`; with them, those of them that are (each re-checked). */
export const ReclaimSeatsBodySchema = z.strictObject({
  idleDays,
  memberIds: z.optional(
    z.array(z.string().check(z.maxLength(64))).check(z.minLength(1), z.maxLength(LIMITS.batchSize, { message: `At most ${LIMITS.batchSize} members at once` })),
  ),
});
export type ReclaimSeatsBody = z.infer<typeof ReclaimSeatsBodySchema>;

export const SetReclaimPolicyBodySchema = z.strictObject({ reclaimPolicy: z.nullable(ReclaimPolicyInputSchema) });
export type SetReclaimPolicyBody = z.infer<typeof SetReclaimPolicyBodySchema>;

// Provisioning (server key)
export const CreateProductBodySchema = z.strictObject({
  key: z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  name: labelSchema(100),
});
export type CreateProductBody = z.infer<typeof CreateProductBodySchema>;

export const CreateOrganizationBodySchema = z.strictObject({
  name: labelSchema(200),
  owner: z.strictObject({ email: EmailSchema, firstName: NameSchema, lastName: NameSchema }),
  /** The language of the organization's emails. Default `en`. */
  locale: z.optional(LocaleSchema),
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBodySchema>;
export const CreateOrganizationResultSchema = z.object({ organization: OrganizationSchema, owner: MemberSchema });
export type CreateOrganizationResult = z.infer<typeof CreateOrganizationResultSchema>;

const seatLimit = z.number().check(z.int(), z.gte(0), z.lte(LIMITS.seatLimitMax));
export const CreateSubscriptionBodySchema = z.strictObject({
  productKey: z.string().check(z.minLength(1), z.maxLength(100)),
  seatLimit,
  expiresAt: z.optional(z.nullable(TimestampSchema)),
  status: z.optional(SubscriptionStatusSchema),
});
export type CreateSubscriptionBody = z.infer<typeof CreateSubscriptionBodySchema>;

export const UpdateSubscriptionBodySchema = z.strictObject({
  seatLimit: z.optional(seatLimit),
  status: z.optional(SubscriptionStatusSchema),
  expiresAt: z.optional(z.nullable(TimestampSchema)),
  /** `null` turns automatic reclamation off. */
  reclaimPolicy: z.optional(z.nullable(ReclaimPolicyInputSchema)),
});
export type UpdateSubscriptionBody = z.infer<typeof UpdateSubscriptionBodySchema>;

export const EmptyBodySchema = z.strictObject({});
export const OkSchema = z.object({ ok: z.literal(true) });
