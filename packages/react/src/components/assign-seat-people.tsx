'use client';

import { LIMITS, type Invitation, type Member, type Subscription } from '@seatkit/core';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useInvitations } from '../hooks/use-invitations.js';
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
import { VisuallyHidden } from '../ui/visually-hidden.js';
import { memberName } from './member-helpers.js';

function matchesQuery(person: { firstName: string | null; lastName: string | null; email: string }, query: string): boolean {
  if (!query) return true;
  const haystack = `${person.firstName ?? ''} ${person.lastName ?? ''} ${person.email}`.toLowerCase();
  return haystack.includes(query.toLowerCase());
}

/** An invitee's display name: the names the invitation carries, else its email. */
/**
 * The people the seat picker offers: a server-side search over the members, with yourself and the
 * preselected member (`memberId`) first when they match, then the pending invitees (picking one
 * reserves a seat that becomes theirs when they accept). Fetched as soon as the dialog opens,
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
  // The invitation list has no search: pending ones are few (they expire in days), so a long page is read and
  // matched here. `limit` is constant, so every search shares one cache entry.
  const pending = useInvitations({ status: 'pending', limit: LIMITS.pageSizeMax }, { enabled: options.enabled });
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

  const invitees = useMemo(
    () => (pending.data?.pages.flatMap((p) => p.items) ?? []).filter((i) => i.status === 'pending' && matchesQuery(i, query)),
    [pending.data, query],
  );

  return { search, setSearch, query, people, pending, rows, invitees, preselected };
}

export interface AssignSeatPeopleProps {
  subscription: Subscription;
  me: Member;
  candidates: ReturnType<typeof useSeatCandidates>;
  selected: ReadonlyMap<string, Member>;
  onToggle: (member: Member, on: boolean) => void;
  /** Pending invitations picked: each gets a seat reserved. */
  selectedInvitees: ReadonlyMap<string, Invitation>;
  onToggleInvitee: (invitation: Invitation, on: boolean) => void;
  /** Seats left after the selection. */
  left: number;
}

/** One row of the picker: what differs between a member and an invitee. */
interface PersonRow {
  key: string;
  kind: 'member' | 'invitation';
  name: string;
  email: string | null;
  /** Holds a seat (a member) or has one reserved (an invitee): shown checked and locked. */
  holds: boolean;
  checked: boolean;
  self?: boolean;
  badges: ReactNode;
  /** Ids of what describes the checkbox beyond its name. */
  describedBy?: string;
  onChange: (on: boolean) => void;
}

/**
 * The seat picker's search box, the people to tick — members, then pending invitees (marked "Invited"; holders and
 * invitees with a reserved seat shown checked and locked) — and the "n selected, m left" line.
 */
export function AssignSeatPeople({ subscription, me, candidates, selected, onToggle, selectedInvitees, onToggleInvitee, left }: AssignSeatPeopleProps) {
  const { search, setSearch, query, people, pending, rows, invitees } = candidates;
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const id = useId();
  const searchId = `${id}-search`;
  const limitId = `${id}-limit`;
  const inviteeNoteId = `${id}-invitee-note`;

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

  const list: PersonRow[] = [
    ...rows.map((member): PersonRow => {
      const name = memberName(member);
      const holds = member.subscriptionIds.includes(subscription.id);
      return {
        key: `m-${member.id}`,
        kind: 'member',
        name: member.id === me.id ? format(t.you, { name }) : name,
        email: member.email,
        holds,
        checked: selected.has(member.id),
        self: member.id === me.id,
        badges: (
          <>
            {holds ? <Badge tone="success">{t.hasSeat}</Badge> : null}
            {member.status === 'suspended' ? <Badge tone="warning">{t.suspended}</Badge> : null}
          </>
        ),
        onChange: (on) => onToggle(member, on),
      };
    }),
    ...invitees.map((invitation): PersonRow => {
      const name = memberName(invitation);
      const holds = invitation.subscriptionIds.includes(subscription.id);
      return {
        key: `i-${invitation.id}`,
        kind: 'invitation',
        name,
        email: name === invitation.email ? null : invitation.email,
        holds,
        checked: selectedInvitees.has(invitation.id),
        badges: <Badge tone={holds ? 'success' : 'info'}>{holds ? t.seatReserved : t.invitedBadge}</Badge>,
        describedBy: inviteeNoteId,
        onChange: (on) => onToggleInvitee(invitation, on),
      };
    }),
  ];

  return (
    <>
      <div {...slot('assign-seat-search', 'seatkit-field seatkit-search seatkit-assign-seat-search')} role="search">
        <label htmlFor={searchId} {...slot('assign-seat-search-label', 'seatkit-visually-hidden')}>
          {t.searchLabel}
        </label>
        <SearchIcon {...slot('assign-seat-search-icon', 'seatkit-search-icon seatkit-assign-seat-search-icon')} />
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

      <fieldset {...slot('assign-seat-people')} aria-busy={people.isFetching || pending.isFetching || undefined}>
        <legend {...slot('assign-seat-people-legend', 'seatkit-visually-hidden')}>{t.peopleLabel}</legend>
        {people.isPending ? (
          <LoadingState label={messages.common.loading} />
        ) : people.isError && list.length === 0 ? (
          <ErrorState size="inline" error={people.error} title={t.membersError} onRetry={() => void people.refetch()} />
        ) : list.length === 0 ? (
          <p {...slot('assign-seat-empty')}>{query ? format(t.noMatches, { query }) : t.noPeople}</p>
        ) : (
          <ul {...slot('assign-seat-list')}>
            {list.map((person) => {
              const atLimit = !person.checked && left <= 0;
              const inputId = `${id}-${person.key}`;
              const describedBy = [atLimit && !person.holds ? limitId : null, person.describedBy].filter(Boolean).join(' ');
              return (
                <li
                  key={person.key}
                  {...slot('assign-seat-person')}
                  data-kind={person.kind}
                  data-state={person.holds ? (person.kind === 'member' ? 'assigned' : 'reserved') : person.checked ? 'checked' : 'unchecked'}
                  data-self={person.self || undefined}
                >
                  <input
                    id={inputId}
                    type="checkbox"
                    {...slot('checkbox')}
                    checked={person.holds || person.checked}
                    disabled={person.holds || atLimit}
                    aria-describedby={describedBy || undefined}
                    onChange={(event) => person.onChange(event.target.checked)}
                  />
                  <label htmlFor={inputId} {...slot('assign-seat-person-label')}>
                    <span {...slot('assign-seat-person-name')}>{person.name}</span>
                    {person.email ? <span {...slot('assign-seat-person-email')}>{person.email}</span> : null}
                  </label>
                  {person.badges}
                </li>
              );
            })}
          </ul>
        )}
        {pending.isError ? (
          <ErrorState size="inline" error={pending.error} title={t.inviteesError} onRetry={() => void pending.refetch()} />
        ) : null}
        {people.hasNextPage || pending.hasNextPage ? (
          <div {...slot('assign-seat-more', 'seatkit-list-more')}>
            <Button
              size="sm"
              loading={people.isFetchingNextPage || pending.isFetchingNextPage}
              onClick={() => void (people.hasNextPage ? people.fetchNextPage() : pending.fetchNextPage())}
            >
              {t.loadMore}
            </Button>
          </div>
        ) : null}
      </fieldset>
      {invitees.length > 0 ? <VisuallyHidden id={inviteeNoteId}>{t.invitedDescription}</VisuallyHidden> : null}
      <p id={limitId} {...slot('assign-seat-selection')} aria-live="polite">
        {format(t.selectionLeft, { selected: selected.size + selectedInvitees.size, left: Math.max(0, left) }, locale)}
        {left <= 0 && selected.size + selectedInvitees.size > 0 ? ` ${t.limitReached}` : ''}
      </p>
    </>
  );
}
