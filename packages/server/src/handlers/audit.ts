import { defineHandler, requireOrgCtx } from '../context.js';
import { encodeCursor, isoRequired } from '../util.js';
import { cursorValues, pageLimit } from './shared.js';

interface AuditRow {
  id: string;
  seq: string | number;
  org_id: string;
  actor_member_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  data: Record<string, unknown>;
  request_id: string | null;
  created_at: Date;
}

export const listAuditEvents = defineHandler('listAuditEvents', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const q = ctx.query;
  const limit = pageLimit(q.limit);
  const params: unknown[] = [org.id];
  const where = ['org_id = $1'];
  const filter = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  const after = cursorValues(q.cursor, 'seq');
  if (after) filter((n) => `seq < $${n}::bigint`, after[0]);
  if (q.actor) filter((n) => `actor_member_id = $${n}`, q.actor);
  if (q.action) filter((n) => `action = $${n}`, q.action);
  if (q.target) filter((n) => `target_id = $${n}`, q.target);
  if (q.from) filter((n) => `created_at >= $${n}::timestamptz`, q.from);
  if (q.to) filter((n) => `created_at < $${n}::timestamptz`, q.to);
  params.push(limit + 1);
  const { rows } = await ctx.db.query<AuditRow>(`select * from audit_events where ${where.join(' and ')} order by seq desc limit $${params.length}`, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      actorMemberId: r.actor_member_id,
      actorEmail: r.actor_email,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      data: r.data ?? {},
      requestId: r.request_id,
      createdAt: isoRequired(r.created_at),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null,
  };
});
