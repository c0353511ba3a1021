'use client';

import { forwardRef, useLayoutEffect, useState } from 'react';
import { useRememberLast } from '../hooks/use-last-organization.js';
import { useMe } from '../hooks/use-me.js';
import { useSeatKit } from '../provider.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { Dialog, DialogContentBase, DialogPortal, DialogTrigger } from '../ui/dialog.js';
import { Spinner } from '../ui/spinner.js';
import { useAnchoredPosition } from '../ui/use-anchored-position.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { VisuallyHidden } from '../ui/visually-hidden.js';
import { roleLabel } from './member-helpers.js';
import { OrganizationList } from './organization-switcher-list.js';

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
