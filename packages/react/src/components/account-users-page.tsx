import { can, type Member } from '@seatkit/core';
import { forwardRef, useId, useState } from 'react';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useOrganization } from '../hooks/use-organization.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { cx } from '../ui/cx.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { LoadingState } from '../ui/spinner.js';
import { AddMemberDialog } from './add-member-dialog.js';
import { AssignSeatDialog } from './assign-seat-dialog.js';
import { InvitationList } from './invitation-list.js';
import { InviteMembersDialog } from './invite-members-dialog.js';
import { MemberList, type MemberListProps } from './member-list.js';
import { SubscriptionList } from './subscription-list.js';
import { TransferOwnershipDialog } from './transfer-ownership-dialog.js';

export interface AccountUsersPageProps {
  className?: string;
  /** The page heading's level; sections use the next one. @default 1 */
  headingLevel?: 1 | 2 | 3;
  /** Passed to the member list (height, page size, …). */
  memberListProps?: Omit<MemberListProps, 'onAssignSeat' | 'emptyAction'>;
}

/**
 * The whole "users and licenses" admin area in one component: the members (search, filters, row
 * and bulk actions), "Invite people", pending invitations, and the subscriptions with their seats.
 * Each section appears only to callers who may see it; ownership transfer only to the owner.
 *
 * @example <SeatKitProvider client={seatkit}><AccountUsersPage /></SeatKitProvider>
 */
export const AccountUsersPage = forwardRef<HTMLDivElement, AccountUsersPageProps>(function AccountUsersPage(
  { className, headingLevel = 1, memberListProps },
  ref,
) {
  const { messages, orgId } = useSeatKit();
  const t = messages.accountUsers;
  const { member: me, isPending, error, refetch } = useCurrentMember();
  const organization = useOrganization();
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
  } else if (!me || !can(me.permissions, 'members:read')) {
    content = <EmptyState title={t.noAccessTitle} description={t.noAccessDescription} />;
  } else {
    const canInvite = can(me.permissions, 'members:invite');
    content = (
      <>
        <section className="seatkit-account-users-section" data-slot="account-users-members">
          <SectionHeading id={`${titleId}-members`}>{t.membersHeading}</SectionHeading>
          <MemberList {...memberListProps} onAssignSeat={setAssigning} />
        </section>
        {canInvite ? (
          <section
            className="seatkit-account-users-section"
            data-slot="account-users-invitations"
          >
            <SectionHeading id={`${titleId}-invitations`}>{t.invitationsHeading}</SectionHeading>
            <InvitationList />
          </section>
        ) : null}
        {can(me.permissions, 'seats:read') ? (
          <section
            className="seatkit-account-users-section"
            data-slot="account-users-subscriptions"
          >
            <SectionHeading id={`${titleId}-subscriptions`}>{t.subscriptionsHeading}</SectionHeading>
            <SubscriptionList headingLevel={Math.min(headingLevel + 2, 5) as 3} />
          </section>
        ) : null}
        {assigning ? (
          <AssignSeatDialog open onOpenChange={(open) => !open && setAssigning(null)} memberId={assigning.id} />
        ) : null}
      </>
    );
  }

  return (
    <div
      ref={ref}
      className={cx('seatkit-root seatkit-account-users', className)}
      data-slot="account-users-page"
      aria-labelledby={titleId}
      role="region"
    >
      <div className="seatkit-account-users-header" data-slot="account-users-header">
        <div>
          <Heading id={titleId} className="seatkit-account-users-title">
            {t.title}
          </Heading>
          {organization.data ? (
            <p className="seatkit-account-users-description">{format(t.description, { org: organization.data.name })}</p>
          ) : null}
        </div>
        {me && can(me.permissions, 'members:read') ? (
          <div className="seatkit-account-users-actions">
            {me.role === 'owner' ? <TransferOwnershipDialog /> : null}
            <AddMemberDialog />
            <InviteMembersDialog />
          </div>
        ) : null}
      </div>
      {content}
    </div>
  );
});
