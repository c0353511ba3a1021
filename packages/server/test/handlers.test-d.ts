// Checked by `tsc` (the root tsconfig includes the packages' tests), not run: the handlers' types come from the route table.
import type { CreateRoleBody, ListMembersQuery } from '@seatkit/core/contract';
import { expectTypeOf } from 'vitest';
import { defineHandler, type RouteContext, type RouteHandler } from '../src/context.js';

// Path params are named by the route's path template, query and body by its schemas.
expectTypeOf<RouteContext<'getMember'>['params']>().toEqualTypeOf<{ readonly orgId: string; readonly memberId: string }>();
expectTypeOf<RouteContext<'me'>['params']>().toEqualTypeOf<{}>();
expectTypeOf<RouteContext<'listMembers'>['query']>().toEqualTypeOf<ListMembersQuery>();
expectTypeOf<RouteContext<'createRole'>['body']>().toEqualTypeOf<CreateRoleBody>();
expectTypeOf<RouteContext<'getMember'>['body']>().toEqualTypeOf<Record<string, never>>();

export const listRoles = defineHandler('listRoles', async (ctx) => {
  // @ts-expect-error listRoles has no :memberId in its path
  void ctx.params.memberId;
  return { items: [] };
});

// A handler returning the wrong shape does not compile: a member has more than an id.
// @ts-expect-error the result must be a member
export const getMember = defineHandler('getMember', async () => ({ id: 'm1' }));

// A literal outside the contract's enum does not compile either.
// @ts-expect-error `reason` is one of the contract's denial reasons
export const checkAccess = defineHandler('checkAccess', async () => ({ allowed: false, reason: 'because' }));

// A 204 route answers nothing.
// @ts-expect-error removeMember returns null
export const removeMember = defineHandler('removeMember', async () => ({ ok: true }));

// The handler table takes each route's own handler only.
// @ts-expect-error a listRoles handler is not a getMember handler
export const misplaced: { getMember: RouteHandler<'getMember'> } = { getMember: listRoles };
