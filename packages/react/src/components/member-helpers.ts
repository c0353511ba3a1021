'use client';

import { labelProblem, LIMITS, type Member, type MemberSummary, type Role } from '@seatkit/core';
import { useRoles } from '../hooks/use-roles.js';
import { format, perLocale } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import type { MemberActionState } from '../member-rules.js';
import { useSeatKit } from '../provider.js';

/** "Ann Lee", or the email when the names are empty. Plain text: React renders it as text. */
export function memberName(member: Pick<MemberSummary, 'firstName' | 'lastName' | 'email'>): string {
  return `${member.firstName} ${member.lastName}`.trim() || member.email;
}

/** A role's display name: the organization's own name for custom roles, the localized one for built-ins. */
export function roleLabel(roleKey: string, roles: readonly Role[] | undefined, messages: Messages, name?: string): string {
  const builtIn = (messages.common.roles as Record<string, string>)[roleKey];
  if (builtIn) return builtIn;
  // A custom role: its name from the roles list, or the one the response carried (`roleName`).
  return roles?.find((r) => r.key === roleKey)?.name ?? name ?? roleKey;
}

/** The sentence explaining a refused member action, or `null` when it is allowed. */
export function actionReason(state: MemberActionState, messages: Messages): string | null {
  if (state.allowed) return null;
  switch (state.reason) {
    case 'missing_permission':
      return format(messages.common.disabledPermission, { permission: messages.common.permissions[state.permission] });
    case 'target_is_owner':
      return messages.removeMember.ownerReason;
    case 'admin_needs_owner':
      return messages.members.adminReason;
    case 'unknown_actor':
      // Actions are not rendered before the caller's membership is known; nothing to explain.
      return null;
  }
}

/** The sentence for one failed item of a batch (an invitation, a seat): the localized code, else the server's message. */
export function itemErrorText(code: string, message: string, messages: Messages): string {
  return (messages.common.errors as Record<string, string>)[code] ?? message;
}

/** Role options for a select: the organization's roles; `owner` only as a disabled entry (it moves by transfer). */
export function useRoleOptions(options: { includeOwner?: boolean } = {}) {
  const { messages } = useSeatKit();
  const roles = useRoles();
  const items = roles.data?.items ?? [
    { key: 'admin', name: 'Admin', permissions: [], builtIn: true },
    { key: 'member', name: 'Member', permissions: [], builtIn: true },
  ];
  const selectable = items
    .filter((r) => options.includeOwner || r.key !== 'owner')
    .map((r) => ({ value: r.key, label: roleLabel(r.key, items, messages), disabled: r.key === 'owner' }));
  return { roles: roles.data?.items, options: selectable, query: roles };
}

const dateFormat = /* @__PURE__ */ perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));

/** "12 Mar 2026" in the provider's locale; "Never" for null. One cached formatter per locale. */
export function formatDate(iso: string | null, locale: string, messages: Messages): string {
  return iso ? dateFormat(locale).format(new Date(iso)) : messages.common.never;
}

export type { Member };

/**
 * The form error for a first or last name, in the provider's messages, or `undefined` when the
 * server would accept it (the contract's `labelProblem`, the rule `NameSchema` applies).
 */
export function nameError(value: string, messages: Messages, locale: string): string | undefined {
  const problem = labelProblem(value, LIMITS.nameLength);
  if (problem === 'required') return messages.common.required;
  if (problem === 'too_long') return format(messages.common.tooLong, { max: LIMITS.nameLength }, locale);
  if (problem === 'control_characters') return messages.common.controlCharacters;
  return undefined;
}
