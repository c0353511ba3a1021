import type { AuditEvent } from '../context.js';
import type { Queryable } from '../db/database.js';

/** Who did it, where and when: what the pipeline knows about every audit event of a request. */
export interface AuditActor {
  orgId: string | null;
  memberId: string | null;
  /** The user's email, `'server'` for the server key, `null` for public routes. */
  email: string | null;
  requestId: string;
  at: Date;
}

/**
 * Stage "audit": records one event in the request's transaction.
 *
 * @example
 * await recordAudit(tx, { action: 'role.deleted', targetType: 'role', targetId: 'editor' }, actor);
 */
export async function recordAudit(db: Queryable, event: AuditEvent, actor: AuditActor): Promise<void> {
  await db.query(
    `insert into audit_events (org_id, actor_member_id, actor_email, action, target_type, target_id, data, request_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      event.orgId ?? actor.orgId,
      actor.memberId,
      actor.email,
      event.action,
      event.targetType,
      event.targetId,
      JSON.stringify(event.data ?? {}),
      actor.requestId,
      actor.at,
    ],
  );
}
