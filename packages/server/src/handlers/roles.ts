import { effectivePermissions, isBuiltInRole } from '@seatkit/core/contract';
import { defineHandler, requireOrgCtx } from '../context.js';
import { notFound, validationFailed } from '../errors.js';
import { builtInRoles, type RoleRow } from '../repo.js';
import { assertCanGrant } from './shared.js';

const toRole = (row: RoleRow) => ({ key: row.key, name: row.name, permissions: effectivePermissions(row.permissions), builtIn: false });

export const listRoles = defineHandler('listRoles', async (ctx) => {
  const { rows } = await ctx.db.query<RoleRow>(`select key, name, permissions from roles where org_id = $1 order by created_at, key`, [
    requireOrgCtx(ctx).id,
  ]);
  return { items: [...builtInRoles(), ...rows.map(toRole)] };
});

const builtInError = (key: string) =>
  validationFailed([{ path: ['roleKey'], message: `"${key}" is a built-in role and cannot be changed`, code: 'built_in_role' }]);

export const createRole = defineHandler('createRole', async (ctx) => {
  const body = ctx.body;
  const org = requireOrgCtx(ctx);
  if (isBuiltInRole(body.key)) throw validationFailed([{ path: ['key'], message: `"${body.key}" is a built-in role`, code: 'role_exists' }]);
  // roles:manage must not be a way to more power: a role can hold only permissions its author holds.
  assertCanGrant(ctx, body.permissions);
  const { rows } = await ctx.db.query<RoleRow>(
    `insert into roles (org_id, key, name, permissions, created_at) values ($1, $2, $3, $4, $5)
     on conflict do nothing returning key, name, permissions`,
    [org.id, body.key, body.name, effectivePermissions(body.permissions), ctx.now],
  );
  if (!rows[0]) throw validationFailed([{ path: ['key'], message: `A role "${body.key}" already exists`, code: 'role_exists' }]);
  await ctx.audit({ action: 'role.created', targetType: 'role', targetId: body.key, data: { name: body.name, permissions: rows[0].permissions } });
  return toRole(rows[0]);
});

export const updateRole = defineHandler('updateRole', async (ctx) => {
  const body = ctx.body;
  const org = requireOrgCtx(ctx);
  const key = ctx.params.roleKey;
  if (isBuiltInRole(key)) throw builtInError(key);
  assertCanGrant(ctx, body.permissions);
  const { rows } = await ctx.db.query<RoleRow>(
    `update roles set name = coalesce($3, name), permissions = coalesce($4, permissions)
      where org_id = $1 and key = $2 returning key, name, permissions`,
    [org.id, key, body.name ?? null, body.permissions ? effectivePermissions(body.permissions) : null],
  );
  if (!rows[0]) throw notFound('Role');
  await ctx.audit({ action: 'role.updated', targetType: 'role', targetId: key, data: { ...body } });
  return toRole(rows[0]);
});

/** A role someone holds (or a pending invitation will give) cannot be deleted: move them first. */
export const deleteRole = defineHandler('deleteRole', async (ctx) => {
  const org = requireOrgCtx(ctx);
  const key = ctx.params.roleKey;
  if (isBuiltInRole(key)) throw builtInError(key);
  const usage = await ctx.db.query<{ members: number; invitations: number }>(
    `select (select count(*)::int from members where org_id = $1 and role = $2) as members,
            (select count(*)::int from invitations where org_id = $1 and role = $2 and status = 'pending') as invitations`,
    [org.id, key],
  );
  const { members, invitations } = usage.rows[0]!;
  const exists = await ctx.db.query(`select 1 from roles where org_id = $1 and key = $2 for update`, [org.id, key]);
  if (!exists.rows.length) throw notFound('Role');
  if (members > 0 || invitations > 0) {
    throw validationFailed(
      [
        {
          path: ['roleKey'],
          message: `The role is in use by ${members} member(s) and ${invitations} pending invitation(s); give them another role first`,
          code: 'role_in_use',
        },
      ],
    );
  }
  await ctx.db.query(`delete from roles where org_id = $1 and key = $2`, [org.id, key]);
  await ctx.audit({ action: 'role.deleted', targetType: 'role', targetId: key });
  return null;
});
