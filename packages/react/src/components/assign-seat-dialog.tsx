'use client';

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  can,
  describeError,
  LIMITS,
  normalizeEmail,
  type Invitation,
  type Member,
  type SeatResult,
  type Subscription,
} from '@seatkit/core';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCreateInvitations } from '../hooks/use-create-invitations.js';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useMember } from '../hooks/use-member.js';
import { useOrgId } from '../hooks/use-org-id.js';
import { useAssignSeats } from '../hooks/use-seat-mutations.js';
import { format } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';
import { seatkitQueries } from '../queries.js';
import { seatkitKeys } from '../query-keys.js';
import { Badge } from '../ui/badge.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import {
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '../ui/dialog.js';
import { ErrorState } from '../ui/error-state.js';
import { Input, TextField } from '../ui/field.js';
import { SearchIcon } from '../ui/icons.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { useDebounced } from '../ui/use-debounced.js';
import { memberName, useRoleOptions } from './member-helpers.js';

export interface AssignSeatDialogProps {
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The subscription whose seats are handed out. Omit it to let the user pick one in the dialog. */
  subscriptionId?: string;
  /** A member to preselect (e.g. from a member row's "Assign seat"). */
  memberId?: string;
  /** An element that opens the dialog (rendered as the Radix trigger, `asChild`). */
  trigger?: ReactNode;
  /** Called after each assignment with one result per member, in order. */
  onAssigned?: (results: SeatResult[]) => void;
  /** Called after "invite someone new" created (or found) an invitation. */
  onInvited?: (invitation: Invitation) => void;
  /** People per page of the picker. @default 20 */
  pageSize?: number;
  /** Delay between the last keystroke and the search request, in ms. @default 250 */
  searchDebounceMs?: number;
  /**
   * How often the seat counts are refreshed while the dialog is open, in ms (others assign seats
   * too); `0` turns it off. They are always fetched afresh on opening. @default 15000
   */
  refreshInterval?: number;
  /** Class of the dialog panel (`assign-seat-dialog`). */
  className?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`assign-seat-person`, `assign-seat-usage`,
   * `dialog-title`, `button`, …), the dialog's overlay and panel included.
   */
  classNames?: SeatKitClassNames;
}

/**
 * Hands out seats of a subscription: pick the subscription (unless given), search people on the
 * server (yourself listed first), select up to the seats left (shown live), assign, and read one
 * result per person (`already_assigned`, `seats_exhausted` explained). "Invite someone new"
 * invites an email into the organization with a seat of the subscription reserved for them.
 *
 * @example
 * <AssignSeatDialog subscriptionId={sub.id} trigger={<Button>Assign seat</Button>} />
 */
export const AssignSeatDialog = /* @__PURE__ */ withClassNames(function AssignSeatDialog({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  className,
  // Applied by withClassNames; kept out of the body's props.
  classNames: _classNames,
  ...props
}: AssignSeatDialogProps) {
  const { messages } = useSeatKit();
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const slot = useSlots();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent
        size="lg"
        closeLabel={messages.common.close}
        {...slot('assign-seat-dialog', undefined, className)}
        // The search box is where the work starts; Radix would pick the first tabbable (the subscription select).
        onOpenAutoFocus={(event) => {
          const search = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('[data-autofocus]');
          if (search) {
            event.preventDefault();
            search.focus();
          }
        }}
      >
        {/* Mounted only while open: every opening starts from a clean selection. */}
        <AssignSeatBody {...props} />
      </DialogContent>
    </Dialog>
  );
});

type Results = { items: Array<{ name: string; result: SeatResult }>; ok: number; failed: number };
type InviteOutcome = { tone: 'success' | 'danger'; text: string } | null;

function matchesQuery(member: Member, query: string): boolean {
  if (!query) return true;
  const haystack = `${member.firstName} ${member.lastName} ${member.email}`.toLowerCase();
  return haystack.includes(query.toLowerCase());
}

function itemErrorText(code: string, message: string, messages: Messages): string {
  return (messages.common.errors as Record<string, string>)[code] ?? message;
}

function AssignSeatBody({
  subscriptionId: subscriptionIdProp,
  memberId,
  onAssigned,
  onInvited,
  pageSize = 20,
  searchDebounceMs = 250,
  refreshInterval = 15_000,
}: Omit<AssignSeatDialogProps, 'open' | 'defaultOpen' | 'onOpenChange' | 'trigger' | 'className' | 'classNames'>) {
  const { client, messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const { member: me, error: meError, refetch: refetchMe } = useCurrentMember();
  const permissions = me?.permissions ?? [];
  const canAssign = can(permissions, 'seats:assign');
  const canInvite = can(permissions, 'members:invite');

  // ---------------------------------------------------------------- subscription
  const subscriptions = useQuery({
    ...seatkitQueries.subscriptions(client, orgId ?? ''),
    enabled: Boolean(orgId),
    // "Seats left" must be current on opening and stay so while open.
    refetchOnMount: 'always',
    refetchInterval: refreshInterval > 0 ? refreshInterval : false,
  });
  const subscriptionItems = subscriptions.data?.items;
  const [pickedId, setPickedId] = useState<string>(subscriptionIdProp ?? '');
  useEffect(() => {
    // With a single subscription there is nothing to pick.
    if (!pickedId && subscriptionItems?.length === 1) setPickedId(subscriptionItems[0]!.id);
  }, [pickedId, subscriptionItems]);
  const subscription: Subscription | undefined = subscriptionItems?.find((s) => s.id === pickedId);
  const usable = subscription ? subscription.status === 'active' && !isExpired(subscription) : false;

  // ---------------------------------------------------------------- people
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), searchDebounceMs);
  const people = useInfiniteQuery({
    ...seatkitQueries.members(client, orgId ?? '', { query, limit: pageSize }),
    enabled: Boolean(orgId) && canAssign,
    placeholderData: keepPreviousData,
  });
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

  const [selected, setSelected] = useState<Map<string, Member>>(new Map());
  const preselectedOnce = useRef(false);
  useEffect(() => {
    const m = preselected.data;
    if (m && !preselectedOnce.current && subscription && !m.subscriptionIds.includes(subscription.id)) {
      preselectedOnce.current = true;
      setSelected(new Map([[m.id, m]]));
    }
  }, [preselected.data, subscription]);

  const available = subscription ? Math.max(0, subscription.seats.available) : 0;
  const left = available - selected.size;
  const full = Boolean(subscription) && available === 0;

  // ---------------------------------------------------------------- assign
  const assign = useAssignSeats();
  const [results, setResults] = useState<Results | null>(null);
  async function onAssign() {
    if (!subscription || selected.size === 0) return;
    const chosen = [...selected.values()];
    setResults(null);
    const { results: items } = await assign.mutateAsync({ subscriptionId: subscription.id, memberIds: chosen.map((m) => m.id) });
    const names = new Map(chosen.map((m) => [m.id, memberName(m)]));
    const ok = items.filter((r) => r.ok).length;
    setResults({ items: items.map((result) => ({ name: names.get(result.memberId) ?? result.memberId, result })), ok, failed: items.length - ok });
    setSelected(new Map());
    // Your own seats live in `/v1/me` too.
    if (me && names.has(me.id)) void queryClient.invalidateQueries({ queryKey: seatkitKeys.me() });
    onAssigned?.(items);
  }

  // ---------------------------------------------------------------- invite someone new
  const [inviting, setInviting] = useState(false);
  const [inviteEmail, setInviteEmail] = useState('');
  const [inviteRole, setInviteRole] = useState('member');
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [inviteOutcome, setInviteOutcome] = useState<InviteOutcome>(null);
  const createInvitations = useCreateInvitations();
  const { options: roleOptions } = useRoleOptions();
  const inviteRegionId = useId();
  const inviteEmailRef = useRef<HTMLInputElement>(null);

  // The dialog may open before the subscriptions are loaded: Radix then focuses the close button.
  // When the search box appears, take focus there unless the user already moved it elsewhere.
  const searchRef = useRef<HTMLInputElement>(null);
  const searchShown = Boolean(subscription && usable && canAssign);
  useEffect(() => {
    const input = searchRef.current;
    if (!searchShown || !input) return;
    const active = document.activeElement;
    const dialog = input.closest('[role="dialog"]');
    if (!active || active === document.body || active === dialog || (active as HTMLElement).dataset.slot === 'dialog-close') {
      input.focus();
    }
  }, [searchShown]);

  async function onInvite() {
    if (!subscription) return;
    const email = normalizeEmail(inviteEmail);
    if (!inviteEmail.trim()) return fail(t.emailRequired);
    if (!email) return fail(t.emailInvalid);
    setInviteError(null);
    setInviteOutcome(null);
    const product = subscription.product.name;
    try {
      const { results: [result] } = await createInvitations.mutateAsync({
        invitations: [{ email, role: inviteRole, subscriptionIds: [subscription.id] }],
      });
      if (!result) return;
      if (result.ok) {
        // An existing pending invitation is returned unchanged: say so rather than "sent".
        const sent = !result.alreadyInvited && result.invitation.subscriptionIds.includes(subscription.id);
        setInviteOutcome({ tone: 'success', text: format(sent ? t.invited : t.invitePending, { email, product }) });
        setInviteEmail('');
        onInvited?.(result.invitation);
      } else {
        const { code, message } = result.error;
        const text =
          code === 'already_member'
            ? format(t.inviteAlreadyMember, { email })
            : code === 'seats_exhausted'
              ? format(t.inviteExhausted, { email })
              : format(t.inviteFailed, { reason: itemErrorText(code, message, messages) });
        setInviteOutcome({ tone: 'danger', text });
      }
    } catch (error) {
      setInviteOutcome({ tone: 'danger', text: format(t.inviteFailed, { reason: describeError(error, messages.common.errors) }) });
    }
    function fail(message: string) {
      setInviteError(message);
      inviteEmailRef.current?.focus();
    }
  }

  // ---------------------------------------------------------------- render
  const title = subscription ? format(t.titleProduct, { product: subscription.product.name }) : t.title;
  const header = (
    <DialogHeader>
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription>{t.description}</DialogDescription>
    </DialogHeader>
  );
  const closeFooter = (
    <DialogFooter>
      <DialogClose asChild>
        <Button>{messages.common.close}</Button>
      </DialogClose>
    </DialogFooter>
  );

  if (me && !canAssign) {
    return (
      <>
        {header}
        <p data-tone="warning" {...slot('assign-seat-no-permission', 'seatkit-notice')}>
          {t.noPermission}
        </p>
        {closeFooter}
      </>
    );
  }
  // Who the caller is decides what they may do here: without it there is nothing safe to show.
  if (!me && meError) {
    return (
      <>
        {header}
        <ErrorState error={meError} title={t.loadError} onRetry={() => void refetchMe()} />
        {closeFooter}
      </>
    );
  }
  if (subscriptions.isPending || !me) {
    return (
      <>
        {header}
        <LoadingState label={messages.common.loading} />
      </>
    );
  }
  if (subscriptions.isError) {
    return (
      <>
        {header}
        <ErrorState error={subscriptions.error} title={t.loadError} onRetry={() => void subscriptions.refetch()} />
        {closeFooter}
      </>
    );
  }
  if (subscriptions.data.items.length === 0) {
    return (
      <>
        {header}
        <p {...slot('assign-seat-no-subscriptions', 'seatkit-notice')}>{t.noSubscriptions}</p>
        {closeFooter}
      </>
    );
  }

  const searchId = `${inviteRegionId}-search`;
  const limitId = `${inviteRegionId}-limit`;
  const seatsId = `${inviteRegionId}-seats`;

  return (
    <>
      {header}
      <DialogBody>
        {subscriptionIdProp ? null : (
          <Select
            label={t.subscriptionLabel}
            placeholder={t.subscriptionPlaceholder}
            value={pickedId}
            onChange={(event) => {
              // Another subscription: what was picked may already hold it, or exceed its seats.
              setPickedId(event.target.value);
              setSelected(new Map());
              preselectedOnce.current = false;
              setResults(null);
            }}
            options={subscriptions.data.items.map((s) => ({
              value: s.id,
              label: format(t.subscriptionOption, { product: s.product.name, available: s.seats.available }),
            }))}
          />
        )}

        {subscription ? (
          <div {...slot('assign-seat-usage')} data-state={full ? 'full' : 'available'}>
            {/* Live: the count changes as seats are assigned or reserved, here or by someone else. */}
            <p id={seatsId} role="status" {...slot('assign-seat-left')}>
              <strong>{format(t.seatsLeft, { count: available }, locale)}</strong>{' '}
              <span {...slot('assign-seat-counts')}>
                ({format(t.seatsSummary, { assigned: subscription.seats.assigned, reserved: subscription.seats.reserved, total: subscription.seats.total })})
              </span>
            </p>
            {!usable ? (
              <p data-tone="warning" {...slot('assign-seat-inactive', 'seatkit-notice')}>{t.inactiveNotice}</p>
            ) : full ? (
              <p data-tone="warning" {...slot('assign-seat-full', 'seatkit-notice')}>{t.exhaustedNotice}</p>
            ) : null}
          </div>
        ) : null}

        {subscription && usable ? (
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
                    const inputId = `${inviteRegionId}-m-${member.id}`;
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
                          onChange={(event) => {
                            const on = event.target.checked;
                            setResults(null);
                            setSelected((prev) => {
                              const next = new Map(prev);
                              if (on) next.set(member.id, member);
                              else next.delete(member.id);
                              return next;
                            });
                          }}
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
        ) : null}

        {assign.error ? <ErrorState size="inline" title={t.errorTitle} error={assign.error} /> : null}
        {results ? (
          <div {...slot('assign-seat-results')} role="status">
            <p {...slot('assign-seat-results-summary')}>{format(t.summary, { ok: results.ok, failed: results.failed }, locale)}</p>
            <ul {...slot('assign-seat-results-list')}>
              {results.items.map(({ name, result }) => (
                <li key={result.memberId} {...slot('assign-seat-result')} data-state={result.ok ? 'assigned' : 'failed'} data-code={result.ok ? undefined : result.error.code}>
                  {result.ok
                    ? format(t.resultAssigned, { name })
                    : result.error.code === 'already_assigned'
                      ? format(t.resultAlready, { name })
                      : result.error.code === 'seats_exhausted'
                        ? format(t.resultExhausted, { name })
                        : format(t.resultFailed, { name, reason: itemErrorText(result.error.code, result.error.message, messages) })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {subscription && usable ? (
          <div {...slot('assign-seat-invite')} data-state={inviting ? 'open' : 'closed'}>
            <Button
              variant="ghost"
              aria-expanded={inviting}
              aria-controls={inviting ? inviteRegionId : undefined}
              disabledReason={canInvite ? null : t.inviteNoPermission}
              onClick={() => {
                setInviting((v) => !v);
                setInviteOutcome(null);
              }}
            >
              {t.inviteToggle}
            </Button>
            {inviting ? (
              <section id={inviteRegionId} aria-label={t.inviteTitle} {...slot('assign-seat-invite-form')}>
                <p {...slot('assign-seat-invite-description', 'seatkit-field-description')}>{format(t.inviteDescription, { product: subscription.product.name })}</p>
                <div {...slot('assign-seat-invite-row')}>
                  <TextField
                    ref={inviteEmailRef}
                    label={t.inviteEmail}
                    type="email"
                    autoComplete="off"
                    value={inviteEmail}
                    error={inviteError}
                    maxLength={LIMITS.emailLength}
                    onChange={(event) => {
                      setInviteEmail(event.target.value);
                      setInviteError(null);
                    }}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        void onInvite();
                      }
                    }}
                  />
                  <Select label={t.inviteRole} options={roleOptions} value={inviteRole} onChange={(event) => setInviteRole(event.target.value)} />
                </div>
                <div {...slot('assign-seat-invite-actions')}>
                  <Button
                    loading={createInvitations.isPending}
                    disabledReason={full ? t.inviteNoSeat : null}
                    onClick={() => void onInvite()}
                  >
                    {createInvitations.isPending ? t.inviting : t.inviteSubmit}
                  </Button>
                </div>
                <p {...slot('assign-seat-invite-outcome', 'seatkit-notice seatkit-assign-seat-invite-outcome')} role="status" data-tone={inviteOutcome?.tone}>
                  {inviteOutcome?.text ?? ''}
                </p>
              </section>
            ) : null}
          </div>
        ) : null}
      </DialogBody>
      <DialogFooter>
        <DialogClose asChild>
          <Button>{results ? t.done : messages.common.cancel}</Button>
        </DialogClose>
        {subscription && usable ? (
          <Button
            variant="primary"
            loading={assign.isPending}
            disabled={selected.size === 0}
            // A failed call is shown by `assign.error` above; nothing to rethrow.
            onClick={() => void onAssign().catch(() => undefined)}
          >
            {assign.isPending ? t.assigning : format(t.submit, { count: selected.size }, locale)}
          </Button>
        ) : null}
      </DialogFooter>
    </>
  );
}

function isExpired(subscription: Subscription): boolean {
  return subscription.expiresAt !== null && new Date(subscription.expiresAt).getTime() <= Date.now();
}
