'use client';

import { describeError, memberPolicy, type Member } from '@seatkit/core';
import { useState } from 'react';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { roleLabel } from '../messages/formatters.js';
import { useRemoveMember } from './use-remove-member.js';
import { useRoles } from './use-roles.js';
import { useUpdateMember } from './use-update-member.js';

export type BulkMemberAction = { type: 'remove' } | { type: 'changeRole'; role: string };

/**
 * Runs a role change or a removal over several members: the ones the caller may not change (or
 * already holding the role) are left out, the rest go in parallel. Resolves to the sentence that
 * says what happened, for a live region.
 */
export function useBulkMemberActions(me: Member | null | undefined) {
  const { messages, locale } = useSeatKit();
  const t = messages.members;
  const updateMember = useUpdateMember();
  const removeMember = useRemoveMember();
  const roles = useRoles();
  const [busy, setBusy] = useState(false);

  async function run(action: BulkMemberAction, targets: readonly Member[]): Promise<string> {
    const kind = action.type;
    const allowed = targets.filter(
      (m) => memberPolicy(me, m, kind).allowed && (action.type === 'remove' || m.role !== action.role),
    );
    const skipped = targets.length - allowed.length;
    setBusy(true);
    const results = await Promise.allSettled(
      allowed.map((m) =>
        action.type === 'remove'
          ? removeMember.mutateAsync({ memberId: m.id })
          : updateMember.mutateAsync({ memberId: m.id, role: action.role }),
      ),
    );
    setBusy(false);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const done = results.length - failures.length;
    const parts: string[] = [];
    // Nothing done is not news when the rest explains why; otherwise it is the whole answer.
    if (done > 0 || (skipped === 0 && failures.length === 0)) {
      parts.push(
        action.type === 'remove'
          ? format(t.bulkRemoved, { count: done }, locale)
          : format(t.bulkRoleChanged, { count: done, role: roleLabel(action.role, roles.data?.items, messages) }, locale),
      );
    }
    if (skipped > 0) parts.push(format(t.bulkSkipped, { count: skipped }, locale));
    if (failures.length > 0) {
      parts.push(
        format(t.bulkFailed, { count: failures.length, reason: describeError(failures[0]!.reason, messages.common.errors) }, locale),
      );
    }
    return parts.join(' ');
  }

  return { run, busy };
}
