import type { MemberSummary, Permission, Role } from '@seatkit/core';
import { format, perLocale } from './format.js';
import type { Messages } from './types.js';

/** Whose name is shown: a member, or an invitee (whose names may be missing). */
export interface NamedPerson extends Pick<MemberSummary, 'email'> {
  firstName?: string | null;
  lastName?: string | null;
}

/**
 * A member's (or an invitee's) display name: "Ann Lee", or the email when both names are empty
 * (someone who accepted an invitation without giving a name). Plain text: React renders it as text.
 *
 * @example formatMemberName({ firstName: '', lastName: '', email: 'nora@example.com' }) // 'nora@example.com'
 */
export function memberName(member: NamedPerson): string {
  return fullName(member) || member.email;
}

/** First and last name joined, `''` when both are empty (e.g. an inviter, whose email is not shown). */
export function fullName(person: Omit<NamedPerson, 'email'>): string {
  return `${person.firstName ?? ''} ${person.lastName ?? ''}`.trim();
}

/**
 * A role's display name: the localized one for the built-in roles, the organization's own name
 * for a custom role (from `roles`, else the `name` a response carried, else the key).
 *
 * @example formatRoleName('admin', undefined, fr) // 'Administrateur'
 */
export function roleLabel(roleKey: string, roles: readonly Role[] | undefined, messages: Messages, name?: string): string {
  const builtIn = (messages.common.roles as Record<string, string>)[roleKey];
  if (builtIn) return builtIn;
  return roles?.find((r) => r.key === roleKey)?.name ?? name ?? roleKey;
}

/** A policy answer, from core's policy module or the kit's member rules. */
export type Decision = { allowed: true } | { allowed: false; reason: string; permission?: Permission };

/**
 * The sentence explaining a refusal, or `null` when the action is allowed or there is nothing to
 * explain yet (`unknown_actor`: the caller's membership is still loading). `action: 'remove'`
 * picks the remove dialog's own wording.
 *
 * @example refusalText({ allowed: false, reason: 'admin_needs_owner' }, messages) // 'Only the owner can change or remove an admin.'
 */
export function refusalText(decision: Decision, messages: Messages, action?: 'remove'): string | null {
  if (decision.allowed) return null;
  const { common } = messages;
  const remove = action === 'remove';
  switch (decision.reason) {
    case 'unknown_actor':
      return null;
    case 'missing_permission':
      if (remove) return messages.removeMember.noPermission;
      return decision.permission ? format(common.disabledPermission, { permission: common.permissions[decision.permission] }) : null;
    case 'target_is_owner':
      return messages.removeMember.ownerReason;
    case 'admin_needs_owner':
      return remove ? messages.removeMember.adminReason : messages.members.adminReason;
    default:
      return (common.refusals as Record<string, string>)[decision.reason] ?? null;
  }
}

/** The sentence for one failed item of a batch (an invitation, a seat): the localized code, else the server's message. */
export function itemErrorText(code: string, message: string, messages: Messages): string {
  return (messages.common.errors as Record<string, string>)[code] ?? message;
}

const languageNames = /* @__PURE__ */ perLocale((locale) => new Intl.DisplayNames([locale], { type: 'language' }));

/**
 * A language named in itself (an endonym, from the browser's `Intl.DisplayNames`, no list kept by hand), its first letter
 * in capitals as a language picker shows it; the tag itself where `Intl` has no name for it.
 *
 * @example languageName('de') // 'Deutsch'
 * @example languageName('pt-BR') // 'Português (Brasil)'
 */
export function languageName(tag: string): string {
  let name: string | undefined;
  try {
    name = languageNames(tag).of(tag);
  } catch {
    // A malformed tag (an audit event of a future or foreign server): shown as it is.
  }
  return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
}
