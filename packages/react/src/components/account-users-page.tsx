'use client';

import { type Member } from '@seatkit/core';
import { forwardRef, useId, useState } from 'react';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useOrganization } from '../hooks/use-organization.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { LoadingState } from '../ui/spinner.js';
import { AddMemberDialog } from './add-member-dialog.js';
import { AssignSeatDialog } from './assign-seat-dialog.js';
import { InvitationList } from './invitation-list.js';
import { InviteMembersDialog } from './invite-members-dialog.js';
import { OrganizationLanguage } from './organization-language.js';
import { MemberList, type MemberListProps } from './member-list.js';
import { RoleEditor } from './role-editor.js';
import { SeatRequestList } from './seat-request-list.js';
import { SubscriptionList } from './subscription-list.js';
import { TransferOwnershipDialog } from './transfer-ownership-dialog.js';

export interface AccountUsersPageProps {
  /** Class of the root (`account-users-page`). */
  className?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`account-users-header`, `member-row`, `subscription`, `button`, …):
   * they reach every component of the page, its dialogs included.
   */
  classNames?: SeatKitClassNames;
  /** The page heading's level; sections use the next one. @default 1 */
  headingLevel?: 1 | 2 | 3;
  /** Passed to the member list (height, page size, …). */
  memberListProps?: Omit<MemberListProps, 'onAssignSeat' | 'emptyAction'>;
}

/**
 * The whole "users and licenses" admin area in one component: the members (search, filters, row
 * and bulk actions), "Invite people", pending invitations, members' seat requests (with their pending count,
 * once there is one), the subscriptions with their seats, the roles for those who manage them, and the organization's
 * language, which its emails use (the owner changes it, everyone else sees it). Each section appears only to callers
 * who may see it; ownership transfer only to the owner.
 *
 * @example <SeatKitProvider client={seatkit}><AccountUsersPage /></SeatKitProvider>
 */
export const AccountUsersPage = /* @__PURE__ */ withClassNames(forwardRef<HTMLDivElement, AccountUsersPageProps>(function AccountUsersPage(
  { className, headingLevel = 1, memberListProps },
  ref,
) {
  const { messages, orgId, locale } = useSeatKit();
  const t = messages.accountUsers;
  const slot = useSlots();
  const { member: me, isPending, error, refetch } = useCurrentMember();
  const canReadMembers = useCan('members:read');
  const canInvite = useCan('members:invite');
  const canReadSeats = useCan('seats:read');
  const canManageRoles = useCan('roles:manage');
  // Only a member may read the organization: anyone else would get a 404 logged in the browser console.
  const organization = useOrganization({ enabled: Boolean(me) });
  // The pending seat requests, counted by the server per subscription (the same query SubscriptionList reads).
  const subscriptions = useSubscriptions({ enabled: Boolean(me) && canReadSeats });
  const pendingRequests = subscriptions.data?.items.reduce((sum, s) => sum + (s.seats.requested ?? 0), 0) ?? 0;
  // Once shown, the requests section stays: approving the last request keeps its outcome on screen.
  const [showRequests, setShowRequests] = useState(false);
  if (pendingRequests > 0 && !showRequests) setShowRequests(true);
  const [assigning, setAssigning] = useState<Member | null>(null);
  const titleId = useId();
  const Heading = `h${headingLevel}` as 'h1';
  const SectionHeading = `h${headingLevel + 1}` as 'h2';

  let content;
  if (!orgId && !isPending) {
    content = <EmptyState title={t.noOrgTitle} description={t.noOrgDescription} />;
  } else if (isPending) {
    content = <LoadingState label={messages.common.loading} />;
  } else if (error) {
    content = <ErrorState error={error} onRetry={() => void refetch()} />;
  } else if (!me || !canReadMembers) {
    content = <EmptyState title={t.noAccessTitle} description={t.noAccessDescription} />;
  } else {
    content = (
      <>
        <section {...slot('account-users-members', 'seatkit-account-users-section')}>
          <SectionHeading id={`${titleId}-members`} {...slot('account-users-section-title')}>{t.membersHeading}</SectionHeading>
          <MemberList {...memberListProps} onAssignSeat={setAssigning} />
        </section>
        {canInvite ? (
          <section {...slot('account-users-invitations', 'seatkit-account-users-section')}>
            <SectionHeading id={`${titleId}-invitations`} {...slot('account-users-section-title')}>{t.invitationsHeading}</SectionHeading>
            <InvitationList />
          </section>
        ) : null}
        {canReadSeats && showRequests ? (
          <section {...slot('account-users-requests', 'seatkit-account-users-section')}>
            <SectionHeading id={`${titleId}-requests`} {...slot('account-users-section-title')}>
              {format(t.requestsHeading, { count: pendingRequests }, locale)}
            </SectionHeading>
            <SeatRequestList aria-label={messages.seatRequests.title} />
          </section>
        ) : null}
        {canReadSeats ? (
          <section {...slot('account-users-subscriptions', 'seatkit-account-users-section')}>
            <SectionHeading id={`${titleId}-subscriptions`} {...slot('account-users-section-title')}>{t.subscriptionsHeading}</SectionHeading>
            <SubscriptionList headingLevel={Math.min(headingLevel + 2, 5) as 3} />
          </section>
        ) : null}
        {canManageRoles ? (
          <section {...slot('account-users-roles', 'seatkit-account-users-section')}>
            <SectionHeading id={`${titleId}-roles`} {...slot('account-users-section-title')}>{t.rolesHeading}</SectionHeading>
            <RoleEditor headingLevel={Math.min(headingLevel + 2, 5) as 3} />
          </section>
        ) : null}
        <section {...slot('account-users-settings', 'seatkit-account-users-section')}>
          <SectionHeading id={`${titleId}-settings`} {...slot('account-users-section-title')}>{t.settingsHeading}</SectionHeading>
          <OrganizationLanguage />
        </section>
        {assigning ? (
          <AssignSeatDialog open onOpenChange={(open) => !open && setAssigning(null)} memberId={assigning.id} />
        ) : null}
      </>
    );
  }

  return (
    <div
      ref={ref}
      {...slot('account-users-page', 'seatkit-root seatkit-account-users', className)}
      aria-labelledby={titleId}
      role="region"
    >
      <div {...slot('account-users-header')}>
        <div>
          <Heading id={titleId} {...slot('account-users-title')}>
            {t.title}
          </Heading>
          {organization.data ? (
            <p {...slot('account-users-description')}>{format(t.description, { org: organization.data.name })}</p>
          ) : null}
        </div>
        {me && canReadMembers ? (
          <div {...slot('account-users-actions')}>
            {me.role === 'owner' ? <TransferOwnershipDialog /> : null}
            <AddMemberDialog />
            <InviteMembersDialog />
          </div>
        ) : null}
      </div>
      {content}
    </div>
  );
}));
