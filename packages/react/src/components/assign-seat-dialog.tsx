'use client';

import { useQueryClient } from '@tanstack/react-query';
import { canHandOutSeats, type AssignSeatsItemResult, type Invitation, type Member, type Subscription } from '@seatkit/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useMember } from '../hooks/use-member.js';
import { toggled } from '../hooks/use-member-selection.js';
import { useAssignSeats } from '../hooks/use-seat-mutations.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { seatkitKeys } from '../query-keys.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { Dialog, DialogBody, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '../ui/dialog.js';
import { DialogHeading } from './dialog-parts.js';
import { ErrorState } from '../ui/error-state.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { AssignSeatInvite } from './assign-seat-invite.js';
import { AssignSeatPeople, useSeatCandidates } from './assign-seat-people.js';
import { AssignSeatResults, AssignSeatUsage, subscriptionOptions, type AssignResults } from './assign-seat-results.js';
import { memberName } from './member-helpers.js';

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
  /**
   * Called after each assignment with one result per person picked: the members' (`memberId`, a seat) in order,
   * then the pending invitees' (`invitationId`, a seat reserved until they accept).
   */
  onAssigned?: (results: AssignSeatsItemResult[]) => void;
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
 * Hands out seats of a subscription: pick the subscription (unless given; canceled and expired ones
 * are listed but cannot be picked), search people on the server (yourself listed first, pending
 * invitees after the members), select up to the seats left (shown live), assign, and read one result
 * per person (`already_assigned`, `seats_exhausted` explained). A pending invitee gets a seat
 * reserved, which becomes theirs when they accept. "Invite someone new" invites an email into the
 * organization with a seat of the subscription reserved for them.
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


function AssignSeatBody({
  subscriptionId: subscriptionIdProp,
  memberId,
  onAssigned,
  onInvited,
  pageSize = 20,
  searchDebounceMs = 250,
  refreshInterval = 15_000,
}: Omit<AssignSeatDialogProps, 'open' | 'defaultOpen' | 'onOpenChange' | 'trigger' | 'className' | 'classNames'>) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const queryClient = useQueryClient();
  const { member: me, error: meError, refetch: refetchMe } = useCurrentMember();
  const canAssign = useCan('seats:assign');
  const canInvite = useCan('members:invite');

  // ---------------------------------------------------------------- subscription
  // "Seats left" must be current on opening and stay so while open.
  const subscriptions = useSubscriptions({ refetchOnMount: true, refreshInterval });
  const subscriptionItems = subscriptions.data?.items;
  const [pickedId, setPickedId] = useState<string>(subscriptionIdProp ?? '');
  useEffect(() => {
    // With a single subscription there is nothing to pick.
    if (!pickedId && subscriptionItems?.length === 1) setPickedId(subscriptionItems[0]!.id);
  }, [pickedId, subscriptionItems]);
  const subscription: Subscription | undefined = subscriptionItems?.find((s) => s.id === pickedId);
  // Core's rule, as the server applies it: a dead subscription (canceled, expired) hands out nothing; a past-due one
  // still does. Without the seat counts: a full one stays usable here, the dialog says how many seats are left.
  const handOut = subscription ? canHandOutSeats({ status: subscription.status, expiresAt: subscription.expiresAt }, new Date()) : null;
  const usable = handOut?.allowed ?? false;

  // ---------------------------------------------------------------- people
  const candidates = useSeatCandidates({ me, memberId, pageSize, searchDebounceMs, enabled: canAssign });
  const preselected = candidates.preselected;

  const [selected, setSelected] = useState<Map<string, Member>>(new Map());
  const [selectedInvitees, setSelectedInvitees] = useState<Map<string, Invitation>>(new Map());
  const preselectedOnce = useRef(false);
  useEffect(() => {
    const m = preselected.data;
    if (m && !preselectedOnce.current && subscription && !m.subscriptionIds.includes(subscription.id)) {
      preselectedOnce.current = true;
      setSelected(new Map([[m.id, m]]));
    }
  }, [preselected.data, subscription]);

  const available = subscription ? Math.max(0, subscription.seats.available) : 0;
  const picked = selected.size + selectedInvitees.size;
  const left = available - picked;
  const full = Boolean(subscription) && available === 0;

  // ---------------------------------------------------------------- assign
  const assign = useAssignSeats();
  const [results, setResults] = useState<AssignResults | null>(null);
  async function onAssign() {
    if (!subscription || picked === 0) return;
    const members = [...selected.values()];
    const invitees = [...selectedInvitees.values()];
    setResults(null);
    const { results: items } = await assign.mutateAsync({
      subscriptionId: subscription.id,
      memberIds: members.map((m) => m.id),
      invitationIds: invitees.map((i) => i.id),
    });
    const names = new Map([...members.map((m) => [m.id, memberName(m)] as const), ...invitees.map((i) => [i.id, memberName(i)] as const)]);
    setResults({
      items: items.map((result) => {
        const id = 'memberId' in result ? result.memberId : result.invitationId;
        return { name: names.get(id) ?? id, result };
      }),
    });
    setSelected(new Map());
    setSelectedInvitees(new Map());
    // Your own seats live in `/v1/me` too.
    if (me && selected.has(me.id)) void queryClient.invalidateQueries({ queryKey: seatkitKeys.me() });
    onAssigned?.(items);
  }

  // ---------------------------------------------------------------- render
  const title = subscription ? format(t.titleProduct, { product: subscription.product.name }) : t.title;
  const header = <DialogHeading title={title} description={t.description} />;
  const closeFooter = (
    <DialogFooter>
      <DialogClose asChild>
        <Button>{messages.common.close}</Button>
      </DialogClose>
    </DialogFooter>
  );

  const notice = (content: ReactNode, closable = true) => (
    <>
      {header}
      {content}
      {closable ? closeFooter : null}
    </>
  );
  if (me && !canAssign) {
    return notice(<p data-tone="warning" {...slot('assign-seat-no-permission', 'seatkit-notice')}>{t.noPermission}</p>);
  }
  // Who the caller is decides what they may do here: without it there is nothing safe to show.
  if (!me && meError) return notice(<ErrorState error={meError} title={t.loadError} onRetry={() => void refetchMe()} />);
  if (subscriptions.isPending || !me) return notice(<LoadingState label={messages.common.loading} />, false);
  if (subscriptions.isError) {
    return notice(<ErrorState error={subscriptions.error} title={t.loadError} onRetry={() => void subscriptions.refetch()} />);
  }
  if (subscriptions.data.items.length === 0) {
    return notice(<p {...slot('assign-seat-no-subscriptions', 'seatkit-notice')}>{t.noSubscriptions}</p>);
  }

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
              setSelectedInvitees(new Map());
              preselectedOnce.current = false;
              setResults(null);
            }}
            options={subscriptionOptions(subscriptions.data.items, messages, locale)}
          />
        )}

        {subscription && handOut ? <AssignSeatUsage subscription={subscription} decision={handOut} /> : null}

        {subscription && usable ? (
          <AssignSeatPeople
            subscription={subscription}
            me={me}
            candidates={candidates}
            selected={selected}
            selectedInvitees={selectedInvitees}
            left={left}
            onToggle={(member, on) => {
              setResults(null);
              setSelected((prev) => toggled(prev, member, on));
            }}
            onToggleInvitee={(invitation, on) => {
              setResults(null);
              setSelectedInvitees((prev) => toggled(prev, invitation, on));
            }}
          />
        ) : null}

        {assign.error ? <ErrorState size="inline" title={t.errorTitle} error={assign.error} /> : null}
        {results ? <AssignSeatResults results={results} /> : null}

        {subscription && usable ? (
          <AssignSeatInvite subscription={subscription} full={full} canInvite={canInvite} onInvited={onInvited} />
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
            disabled={picked === 0}
            // A failed call is shown by `assign.error` above; nothing to rethrow.
            onClick={() => void onAssign().catch(() => undefined)}
          >
            {assign.isPending ? t.assigning : format(t.submit, { count: picked }, locale)}
          </Button>
        ) : null}
      </DialogFooter>
    </>
  );
}
