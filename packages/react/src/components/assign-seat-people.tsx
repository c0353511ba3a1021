'use client';

import { LIMITS, type Member, type Subscription } from '@seatkit/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useMember } from '../hooks/use-member.js';
import { useMembers } from '../hooks/use-members.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { Input } from '../ui/field.js';
import { SearchIcon } from '../ui/icons.js';
import { LoadingState } from '../ui/spinner.js';
import { useDebounced } from '../ui/use-debounced.js';
import { memberName } from './member-helpers.js';

function matchesQuery(member: Member, query: string): boolean {
  if (!query) return true;
  const haystack = `${member.firstName} ${member.lastName} ${member.email}`.toLowerCase();
  return haystack.includes(query.toLowerCase());
}

/**
 * The people the seat picker offers: a server-side search over the members, with yourself and the
 * preselected member (`memberId`) first when they match. Fetched as soon as the dialog opens,
 * while the user may still be picking a subscription.
 */
export function useSeatCandidates(options: {
  me: Member | null | undefined;
  memberId: string | undefined;
  pageSize: number;
  searchDebounceMs: number;
  enabled: boolean;
}) {
  const { me, memberId } = options;
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), options.searchDebounceMs);
  const people = useMembers({ query, limit: options.pageSize }, { enabled: options.enabled, keepPreviousResults: true });
  const preselected = useMember(memberId, { enabled: Boolean(memberId) });
  const listed = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);

  /** Yourself first (the list's copy when loaded: it carries optimistic seat changes), then the rest. */
  const rows = useMemo(() => {
    const out: Member[] = [];
    const seen = new Set<string>();
    const push = (m: Member | null | undefined) => {
      if (m && !seen.has(m.id)) {
        seen.add(m.id);
        out.push(m);
      }
    };
    if (me && matchesQuery(me, query)) push(listed.find((m) => m.id === me.id) ?? me);
    if (preselected.data && matchesQuery(preselected.data, query)) push(listed.find((m) => m.id === memberId) ?? preselected.data);
    listed.forEach(push);
    return out;
  }, [me, listed, query, preselected.data, memberId]);

  return { search, setSearch, query, people, rows, preselected };
}

export interface AssignSeatPeopleProps {
  subscription: Subscription;
  me: Member;
  candidates: ReturnType<typeof useSeatCandidates>;
  selected: ReadonlyMap<string, Member>;
  onToggle: (member: Member, on: boolean) => void;
  /** Seats left after the selection. */
  left: number;
}

/** The seat picker's search box, the people to tick (holders shown checked and locked) and the "n selected, m left" line. */
export function AssignSeatPeople({ subscription, me, candidates, selected, onToggle, left }: AssignSeatPeopleProps) {
  const { search, setSearch, query, people, rows } = candidates;
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const id = useId();
  const searchId = `${id}-search`;
  const limitId = `${id}-limit`;

  // The dialog may open before the subscriptions are loaded: Radix then focuses the close button.
  // When the search box appears, take focus there unless the user already moved it elsewhere.
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = searchRef.current;
    if (!input) return;
    const active = document.activeElement;
    const dialog = input.closest('[role="dialog"]');
    if (!active || active === document.body || active === dialog || (active as HTMLElement).dataset.slot === 'dialog-close') {
      input.focus();
    }
  }, []);

  return (
    <>
      <div {...slot('assign-seat-search', 'seatkit-field seatkit-assign-seat-search')} role="search">
        <label htmlFor={searchId} {...slot('assign-seat-search-label', 'seatkit-visually-hidden')}>
          {t.searchLabel}
        </label>
        <SearchIcon {...slot('assign-seat-search-icon')} />
        <Input
          ref={searchRef}
          id={searchId}
          type="search"
          data-autofocus=""
          placeholder={t.searchPlaceholder}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          maxLength={LIMITS.queryLength}
          autoComplete="off"
        />
      </div>

      <fieldset {...slot('assign-seat-people')} aria-busy={people.isFetching || undefined}>
        <legend {...slot('assign-seat-people-legend', 'seatkit-visually-hidden')}>{t.peopleLabel}</legend>
        {people.isPending ? (
          <LoadingState label={messages.common.loading} />
        ) : people.isError && rows.length === 0 ? (
          <ErrorState size="inline" error={people.error} title={t.membersError} onRetry={() => void people.refetch()} />
        ) : rows.length === 0 ? (
          <p {...slot('assign-seat-empty')}>{query ? format(t.noMatches, { query }) : t.noPeople}</p>
        ) : (
          <ul {...slot('assign-seat-list')}>
            {rows.map((member) => {
              const holds = member.subscriptionIds.includes(subscription.id);
              const checked = selected.has(member.id);
              const atLimit = !checked && left <= 0;
              const isMe = member.id === me.id;
              const name = memberName(member);
              const inputId = `${id}-m-${member.id}`;
              return (
                <li
                  key={member.id}
                  {...slot('assign-seat-person')}
                  data-state={holds ? 'assigned' : checked ? 'checked' : 'unchecked'}
                  data-self={isMe || undefined}
                >
                  <input
                    id={inputId}
                    type="checkbox"
                    {...slot('checkbox')}
                    checked={holds || checked}
                    disabled={holds || atLimit}
                    aria-describedby={atLimit && !holds ? limitId : undefined}
                    onChange={(event) => onToggle(member, event.target.checked)}
                  />
                  <label htmlFor={inputId} {...slot('assign-seat-person-label')}>
                    <span {...slot('assign-seat-person-name')}>{isMe ? format(t.you, { name }) : name}</span>
                    <span {...slot('assign-seat-person-email')}>{member.email}</span>
                  </label>
                  {holds ? <Badge tone="success">{t.hasSeat}</Badge> : null}
                  {member.status === 'suspended' ? <Badge tone="warning">{t.suspended}</Badge> : null}
                </li>
              );
            })}
          </ul>
        )}
        {people.hasNextPage ? (
          <div {...slot('assign-seat-more', 'seatkit-list-more')}>
            <Button size="sm" loading={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()}>
              {t.loadMore}
            </Button>
          </div>
        ) : null}
      </fieldset>
      <p id={limitId} {...slot('assign-seat-selection')} aria-live="polite">
        {format(t.selectionLeft, { selected: selected.size, left: Math.max(0, left) }, locale)}
        {left <= 0 && selected.size > 0 ? ` ${t.limitReached}` : ''}
      </p>
    </>
  );
}
