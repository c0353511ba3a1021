'use client';

import type { Membership } from '@seatkit/core';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { useSlots } from '../ui/class-names.js';
import { CheckIcon, SearchIcon } from '../ui/icons.js';
import { roleLabel } from './member-helpers.js';

/**
 * The switcher's panel: a listbox of the person's organizations (arrow keys, Home/End, type-ahead),
 * with a search box above it (a combobox driving the list) when there are many.
 */
export function OrganizationList({
  memberships,
  currentId,
  searchable,
  locale,
  onPick,
}: {
  memberships: Membership[];
  currentId: string | null;
  searchable: boolean;
  locale: string;
  onPick: (orgId: string) => void;
}) {
  const { messages } = useSeatKit();
  const t = messages.organizationSwitcher;
  const [query, setQuery] = useState('');
  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase(locale);
    return q ? memberships.filter((m) => m.organization.name.toLocaleLowerCase(locale).includes(q)) : memberships;
  }, [memberships, query, locale]);
  const [active, setActive] = useState(() => Math.max(0, memberships.findIndex((m) => m.organization.id === currentId)));
  const activeIndex = Math.min(active, visible.length - 1);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const listRef = useRef<HTMLUListElement>(null);
  const typeahead = useRef({ text: '', at: 0 });
  const slot = useSlots();

  const move = (index: number) => {
    if (visible.length === 0) return;
    const next = (index + visible.length) % visible.length;
    setActive(next);
    listRef.current?.querySelector(`#${CSS.escape(optionId(next))}`)?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, fromSearch: boolean) => {
    switch (event.key) {
      case 'ArrowDown':
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        move(activeIndex - 1);
        break;
      case 'Home':
        if (fromSearch) return;
        move(0);
        break;
      case 'End':
        if (fromSearch) return;
        move(visible.length - 1);
        break;
      case 'Enter':
        if (visible[activeIndex]) onPick(visible[activeIndex]!.organization.id);
        break;
      case ' ':
        if (fromSearch) return;
        if (visible[activeIndex]) onPick(visible[activeIndex]!.organization.id);
        break;
      default: {
        // Type-ahead on the list: letters typed in quick succession jump to the first match.
        if (fromSearch || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const now = event.timeStamp;
        const ta = typeahead.current;
        ta.text = now - ta.at < 700 ? ta.text + event.key.toLocaleLowerCase(locale) : event.key.toLocaleLowerCase(locale);
        ta.at = now;
        const found = visible.findIndex((m) => m.organization.name.toLocaleLowerCase(locale).startsWith(ta.text));
        if (found >= 0) move(found);
        else return;
      }
    }
    event.preventDefault();
  };

  const activeDescendant = visible.length > 0 ? optionId(activeIndex) : undefined;
  return (
    <div {...slot('org-switcher-panel')}>
      {searchable ? (
        <div {...slot('org-switcher-search-field', 'seatkit-search seatkit-org-switcher-search')}>
          <SearchIcon {...slot('org-switcher-search-icon', 'seatkit-search-icon seatkit-org-switcher-search-icon')} />
          <input
            type="text"
            role="combobox"
            {...slot('org-switcher-search', 'seatkit-input')}
            data-autofocus=""
            aria-label={t.searchLabel}
            placeholder={t.searchPlaceholder}
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeDescendant}
            autoComplete="off"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => onKeyDown(event, true)}
          />
        </div>
      ) : null}
      {visible.length === 0 ? (
        <p {...slot('org-switcher-no-matches')} role="status">
          {format(t.noMatches, { query: query.trim() })}
        </p>
      ) : null}
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t.listLabel}
        tabIndex={searchable ? -1 : 0}
        data-autofocus={searchable ? undefined : ''}
        aria-activedescendant={searchable ? undefined : activeDescendant}
        {...slot('org-switcher-list')}
        onKeyDown={searchable ? undefined : (event) => onKeyDown(event, false)}
        hidden={visible.length === 0}
      >
        {visible.map((membership, index) => {
          const selected = membership.organization.id === currentId;
          return (
            <li
              key={membership.organization.id}
              id={optionId(index)}
              role="option"
              aria-selected={selected}
              data-state={selected ? 'checked' : 'unchecked'}
              data-highlighted={index === activeIndex ? '' : undefined}
              {...slot('org-switcher-option')}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              onClick={() => onPick(membership.organization.id)}
            >
              <span {...slot('org-switcher-option-check')} aria-hidden="true">
                {selected ? <CheckIcon /> : null}
              </span>
              <span {...slot('org-switcher-option-text')}>
                <span {...slot('org-switcher-option-name')}>{membership.organization.name}</span>
                <span {...slot('org-switcher-option-role')}>
                  {format(t.role, { role: roleLabel(membership.member.role, undefined, messages, membership.roleName) })}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
