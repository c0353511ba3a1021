'use client';

import type { Membership } from '@seatkit/core';
import { forwardRef, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { readLastOrganization, rememberLastOrganization } from '../hooks/use-last-organization.js';
import { useMe } from '../hooks/use-me.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { Dialog, DialogContentBase, DialogPortal, DialogTrigger } from '../ui/dialog.js';
import { CheckIcon, SearchIcon } from '../ui/icons.js';
import { Spinner } from '../ui/spinner.js';
import { useAnchoredPosition } from '../ui/use-anchored-position.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { VisuallyHidden } from '../ui/visually-hidden.js';
import { roleLabel } from './member-helpers.js';

export interface OrganizationSwitcherProps {
  /** Controlled open state of the list. */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Show a search box when the person belongs to more organizations than this. @default 5 */
  searchThreshold?: number;
  /** Called after another organization was picked (the provider's `setOrgId` is called first). */
  onSwitch?: (orgId: string) => void;
  /**
   * Remember the organization in view per person in this browser (`localStorage`, see
   * `useLastOrganization`), and on first load switch the provider to the one they viewed last when they
   * still belong to it. `false` when the organization comes from elsewhere (e.g. your URL). @default true
   */
  rememberLast?: boolean;
  /** Class of the trigger button. */
  className?: string;
  /** Class of the popover panel. */
  contentClassName?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`org-switcher-trigger`, `org-switcher-content`,
   * `org-switcher-option`, `org-switcher-option-name`, …).
   */
  classNames?: SeatKitClassNames;
}

/**
 * Switches the provider's current organization among the caller's memberships (one email, many
 * organizations), showing the current one and the caller's role in it. A listbox in a popover:
 * arrows, Home/End, type-ahead, Enter to pick, Escape or a click outside to close; with many
 * organizations a search box filters them (the arrows still move through the results).
 *
 * @example <SeatKitProvider client={seatkit} orgId={orgId} onOrgIdChange={setOrgId}><OrganizationSwitcher /></SeatKitProvider>
 */
export const OrganizationSwitcher = /* @__PURE__ */ withClassNames(forwardRef<HTMLButtonElement, OrganizationSwitcherProps>(function OrganizationSwitcher(
  { open: openProp, defaultOpen = false, onOpenChange, searchThreshold = 5, onSwitch, rememberLast = true, className, contentClassName },
  ref,
) {
  const { messages, orgId, setOrgId, locale } = useSeatKit();
  const t = messages.organizationSwitcher;
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const current = memberships.find((m) => m.organization.id === orgId);
  useRememberLast(rememberLast, me.data?.user.email, memberships, current?.organization.id, orgId, setOrgId);
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const slot = useSlots();
  // The popover is a non-modal kit Dialog placed by the kit's own hook rather than Radix Popover:
  // Popover brings Popper and Floating UI (about 12 kB gzip) for what one anchor and one side need.
  const [trigger, setTrigger] = useState<HTMLButtonElement | null>(null);
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  // At least as wide as the trigger (what --radix-popover-trigger-width gave). Declared before the
  // positioning hook so the width is final when it measures the panel.
  useLayoutEffect(() => {
    if (!open || !trigger || !content) return;
    content.style.setProperty('--seatkit-org-switcher-trigger-width', `${trigger.getBoundingClientRect().width}px`);
  }, [open, trigger, content]);
  // Offset and padding as Radix Popover placed it (sideOffset 4, collisionPadding 0): a trigger flush
  // with the viewport's edge keeps its panel aligned with it.
  useAnchoredPosition(trigger, content, open, { offset: 4, padding: 0 });

  if (me.isPending) {
    return (
      <Button ref={ref} {...slot('org-switcher-trigger', 'seatkit-root seatkit-org-switcher-trigger', className)} data-state="loading" disabled>
        <Spinner />
        {messages.common.loading}
      </Button>
    );
  }
  if (me.isError) {
    return (
      <ErrorState
        size="inline"
        {...slot('org-switcher', 'seatkit-org-switcher-error', className)}
        title={t.errorTitle}
        error={me.error}
        onRetry={() => void me.refetch()}
      />
    );
  }
  if (memberships.length === 0) {
    return (
      <p {...slot('org-switcher', 'seatkit-root seatkit-org-switcher-empty', className)} data-state="empty">
        {t.noOrganizations}
      </p>
    );
  }

  const role = current ? roleLabel(current.member.role, undefined, messages, current.roleName) : '';
  return (
    <Dialog open={open} onOpenChange={setOpen} modal={false}>
      <DialogTrigger asChild ref={setTrigger}>
        <Button
          ref={ref}
          {...slot('org-switcher-trigger', 'seatkit-root seatkit-org-switcher-trigger', className)}
          aria-haspopup="listbox"
        >
          {/* Part of the name, not an aria-label: the visible text must stay in the accessible name. */}
          <VisuallyHidden>{`${t.label}: `}</VisuallyHidden>
          <span {...slot('org-switcher-current')}>
            {current ? current.organization.name : t.choose}
          </span>
          {current ? <Badge {...slot('org-switcher-role')}>{role}</Badge> : null}
          <span aria-hidden="true" {...slot('org-switcher-chevron')}>
            ▾
          </span>
        </Button>
      </DialogTrigger>
      <DialogPortal>
        <DialogContentBase
          ref={setContent}
          {...slot('org-switcher-content', 'seatkit-root seatkit-org-switcher-content', contentClassName)}
          // Named without a visible title (the options say what it is); no description either.
          aria-label={t.choose}
          aria-describedby={undefined}
          // Focus goes to the search box or the list (not the first option), see OrganizationList.
          // No scrolling: the panel is focused on mount, just before it is moved next to the trigger.
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            (event.currentTarget as HTMLElement).querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
          }}
        >
          <OrganizationList
            memberships={memberships}
            currentId={orgId}
            searchable={memberships.length > searchThreshold}
            locale={locale}
            onPick={(id) => {
              setOpen(false);
              if (id !== orgId) {
                setOrgId(id);
                onSwitch?.(id);
              }
            }}
          />
        </DialogContentBase>
      </DialogPortal>
    </Dialog>
  );
}));

/**
 * Once, when the memberships first load: reopen the organization viewed last if it is not the one in
 * view and the person still belongs to it. Then record every organization in view. Only a remembered
 * organization is switched to: one the person left is not, so a host can still tell them they were removed.
 */
function useRememberLast(
  enabled: boolean,
  email: string | undefined,
  memberships: Membership[],
  currentId: string | undefined,
  orgId: string | null,
  setOrgId: (orgId: string) => void,
) {
  const restored = useRef(false);
  // The organization being switched to: the one in view is not recorded until it is there.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!enabled || !email) return;
    if (!restored.current) {
      restored.current = true;
      const last = readLastOrganization(email);
      if (last && last !== orgId && memberships.some((m) => m.organization.id === last)) {
        pending.current = last;
        setOrgId(last);
        return;
      }
    }
    if (pending.current && pending.current !== currentId) return;
    pending.current = null;
    if (currentId) rememberLastOrganization(email, currentId);
  }, [enabled, email, memberships, currentId, orgId, setOrgId]);
}

function OrganizationList({
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
