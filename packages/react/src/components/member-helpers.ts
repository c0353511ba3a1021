'use client';

import { labelProblem, LIMITS, type Member } from '@seatkit/core';
import { useRoles } from '../hooks/use-roles.js';
import { roleLabel } from '../messages/formatters.js';
import { format, perLocale } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';

// The text formatters live with the messages; re-exported for the components that import them from here.
export { itemErrorText, memberName, refusalText as actionReason, roleLabel } from '../messages/formatters.js';

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
