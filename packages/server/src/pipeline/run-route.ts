import type { RouteDef } from '@seatkit/core/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { HandlerContext, ServerSettings } from '../context.js';
import type { Database, Queryable } from '../db/database.js';
import { enqueueEmail, sealEmail } from '../mail.js';
import type { OutboxCipher } from '../outbox-cipher.js';
import type { MemberRow } from '../repo.js';
import { recordAudit } from './audit.js';
import type { Authenticate } from './authenticate.js';
import { authorize } from './authorize.js';
import { idempotencyClaim, idempotent } from './idempotency.js';
import { withRetry } from './retry.js';
import { refreshMember, resolveMember, touchLastActive, type LastActiveBuffer, type Tenancy } from './resolve-member.js';
import { checkParams, readBody, validateQuery } from './validate.js';

export type Env = { Variables: { requestId: string } };

/** A handler as the pipeline calls it: the values it hands over were validated by the schemas the handler is typed from. */
export interface PipelineHandler {
  (ctx: HandlerContext): Promise<unknown>;
  readonly tenancy: Tenancy;
  /**
   * The request without the transaction, for a handler whose change, when it fits, is one statement that commits by
   * itself (the seat assignment's: its locks then end with the statement, not after a COMMIT's round trip): `ctx.db`
   * is the database. Resolves `undefined`, having written nothing, when this request does not fit; the handler then
   * runs in the transaction. Only without an `Idempotency-Key`, whose answer is stored with the change.
   */
  readonly autocommit?: (ctx: HandlerContext) => Promise<unknown>;
}

export interface RouteRunnerOptions {
  database: Database;
  settings: ServerSettings;
  authenticate: Authenticate;
  /** Called after a mutation that queued emails committed (not for a replay). */
  onEmailsQueued: () => Promise<void>;
  /** Seals queued email bodies. */
  outboxCipher: OutboxCipher;
  /** Collects members' activity; the jobs write it. */
  lastActive: LastActiveBuffer;
}

/**
 * Makes the request pipeline of the contract routes; each stage is a function of its own, run top to bottom:
 * validate the path, authenticate, validate the query, resolve the member, authorize, (mutations) validate the body
 * and run the handler in an idempotent transaction that authorizes again; handlers audit through their context.
 */
export function createRouteRunner({ database, settings, authenticate, onEmailsQueued, outboxCipher, lastActive }: RouteRunnerOptions) {
  return async function runRoute(c: Context<Env>, def: RouteDef, handler: PipelineHandler): Promise<Response> {
    const requestId = c.get('requestId');
    const now = settings.now();
    const params = checkParams(c.req.param() as Record<string, string>);
    const user = await authenticate(c.req.raw, def, database);
    // Query first: a malformed query fails the same way for everyone.
    const query = validateQuery(def, c.req.url);
    const resolved = await resolveMember(database, def, params, user, handler.tenancy);
    if ('answer' in resolved) return c.json(resolved.answer as object, def.status as 200);
    let { member } = resolved;
    const { org } = resolved;
    authorize(def, member);
    touchLastActive(lastActive, member, now);
    const mutation = def.method !== 'GET';
    const body = mutation ? await readBody(def, c.req.raw) : { raw: '', value: {} };

    const context = (db: Queryable, caller: MemberRow | null, emails: { count: number }): HandlerContext => ({
      db,
      settings,
      now,
      requestId,
      params,
      query,
      body: body.value,
      user,
      member: caller,
      org,
      audit: (event) =>
        recordAudit(db, event, {
          orgId: org?.id ?? null,
          memberId: caller?.id ?? null,
          email: user?.email ?? (def.auth === 'server' ? 'server' : null),
          requestId,
          at: now,
        }),
      async email(kind, message) {
        emails.count++;
        await enqueueEmail(db, outboxCipher, kind, message, now);
      },
      sealEmail(kind, message) {
        emails.count++;
        return sealEmail(outboxCipher, kind, message);
      },
    });
    const respond = (status: number, payload: unknown, replayed = false) => {
      if (replayed) c.header('idempotent-replayed', 'true');
      if (status === 204) return c.body(null, 204);
      return c.json(payload as object, status as 200);
    };

    if (!mutation) {
      const result = await handler(context(database, member, { count: 0 }));
      // A file (the member export): streamed as the handler reads it, named for the save dialog.
      if (def.produces) {
        return c.body(result as ReadableStream<Uint8Array>, 200, {
          'content-type': `${def.produces}; charset=utf-8`,
          'content-disposition': `attachment; filename="${def.tag}.csv"`,
          'cache-control': 'no-store',
        });
      }
      return respond(def.status, shape(def, result));
    }

    const claim = await idempotencyClaim(
      c.req.header('idempotency-key'),
      user ? `user:${user.id}` : 'server',
      `${def.method} ${new URL(c.req.url).pathname}`,
      body.raw,
      now,
    );
    const emails = { count: 0 };
    if (!claim && handler.autocommit) {
      const { autocommit } = handler;
      const result = await withRetry(async () => {
        emails.count = 0;
        // The caller's membership read again, as in the transaction: the statement's foreign keys catch a removal after
        // it (a retry then reads it and answers not_found).
        return autocommit(context(database, member && (await refreshMember(database, def, member)), emails));
      });
      if (result !== undefined) {
        if (emails.count > 0) await onEmailsQueued();
        return respond(def.status, shape(def, result));
      }
    }
    const outcome = await withRetry(() =>
      database.transaction(async (tx) => {
        emails.count = 0;
        if (member) member = await refreshMember(tx, def, member);
        return idempotent(tx, claim, async () => ({
          status: def.status,
          payload: shape(def, await handler(context(tx, member, emails))),
        }));
      }),
    );
    if (emails.count > 0 && !outcome.replayed) await onEmailsQueued();
    return respond(outcome.status, outcome.payload, outcome.replayed);
  };
}

/** Shapes a handler's result with the route's response schema (drops anything the contract does not name). */
function shape(def: RouteDef, result: unknown): unknown {
  if (!def.response) return null;
  return z.parse(def.response, result);
}
