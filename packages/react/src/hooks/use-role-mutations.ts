'use client';

import { useMutation } from '@tanstack/react-query';
import type { CreateRoleBody, Role, UpdateRoleBody } from '@seatkit/core';
import { seatkitKeys } from '../query-keys.js';
import { useMutationContext, type SeatKitMutationHookOptions } from './use-mutation-context.js';

type RoleList = { items: Role[] };

/** Defines a custom role. Needs `roles:manage`. */
export function useCreateRole(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: CreateRoleBody & { orgId?: string }) => {
      const { orgId: _o, ...body } = variables;
      return client.roles.create({ orgId: resolve(variables), ...body });
    },
    onSuccess: (role, variables) => {
      const orgId = resolve(variables);
      queryClient.setQueryData<RoleList>(seatkitKeys.roles(orgId), (data) =>
        data ? { ...data, items: [...data.items, role] } : data,
      );
      invalidate(seatkitKeys.audit(orgId));
    },
  });
}

/** Renames a custom role or changes its permissions; members holding it get new effective permissions. Needs `roles:manage`. */
export function useUpdateRole(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: UpdateRoleBody & { roleKey: string; orgId?: string }) => {
      const { orgId: _o, roleKey, ...body } = variables;
      return client.roles.update({ orgId: resolve(variables), roleKey, ...body });
    },
    onSuccess: (role, variables) => {
      const orgId = resolve(variables);
      queryClient.setQueryData<RoleList>(seatkitKeys.roles(orgId), (data) =>
        data ? { ...data, items: data.items.map((r) => (r.key === role.key ? role : r)) } : data,
      );
      if (variables.permissions !== undefined) {
        invalidate(seatkitKeys.members(orgId), seatkitKeys.me());
      }
      invalidate(seatkitKeys.audit(orgId));
    },
  });
}

/** Deletes a custom role that no member holds. Needs `roles:manage`. */
export function useDeleteRole(options: SeatKitMutationHookOptions = {}) {
  const { client, queryClient, resolve, invalidate } = useMutationContext(options);
  return useMutation({
    mutationFn: (variables: { roleKey: string; orgId?: string }) =>
      client.roles.remove({ orgId: resolve(variables), roleKey: variables.roleKey }),
    onSuccess: (_data, variables) => {
      const orgId = resolve(variables);
      queryClient.setQueryData<RoleList>(seatkitKeys.roles(orgId), (data) =>
        data ? { ...data, items: data.items.filter((r) => r.key !== variables.roleKey) } : data,
      );
      invalidate(seatkitKeys.audit(orgId));
    },
  });
}
