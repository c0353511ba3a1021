'use client';

import type { Member } from '@seatkit/core';
import { useCallback, useEffect, useState } from 'react';

/** A copy of a selection (of members, or of anything with an `id`) with `item` added (`on`) or taken out. */
export function toggled<T extends { id: string }>(selection: ReadonlyMap<string, T>, item: T, on: boolean): Map<string, T> {
  const next = new Map(selection);
  if (on) next.set(item.id, item);
  else next.delete(item.id);
  return next;
}

/**
 * The rows picked for a bulk action, keyed by member id. Rows that leave `members` (removed,
 * filtered out) leave the selection too, so a bulk action never targets a row no longer shown.
 */
export function useMemberSelection(members: readonly Member[]) {
  const [selected, setSelected] = useState<Map<string, Member>>(new Map());
  useEffect(() => {
    setSelected((prev) => {
      if (prev.size === 0) return prev;
      const present = new Map(members.map((m) => [m.id, m]));
      const next = new Map([...prev].filter(([id]) => present.has(id)).map(([id]) => [id, present.get(id)!]));
      return next.size === prev.size ? prev : next;
    });
  }, [members]);

  // Stable: the memoized rows receive it.
  const toggle = useCallback((member: Member, on: boolean) => setSelected((prev) => toggled(prev, member, on)), []);
  const setAll = useCallback(
    (on: boolean) => setSelected(on ? new Map(members.map((m) => [m.id, m])) : new Map()),
    [members],
  );
  const clear = useCallback(() => setSelected(new Map()), []);
  const allSelected = members.length > 0 && selected.size === members.length;
  return { selected, toggle, setAll, clear, allSelected, someSelected: selected.size > 0 && !allSelected };
}
