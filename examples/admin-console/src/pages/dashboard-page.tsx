import { formatMemberName, formatRoleName, SubscriptionList, useCurrentMember, useOrganization, useSeatKit } from '@seatkit/react';
import { PRODUCTS } from '../config.js';
import { Link } from '../router.js';

/**
 * The account's dashboard: its subscriptions with seat usage. "Assign seat" under a subscription opens
 * the kit's `AssignSeatDialog` (yourself first, then anyone in the account, or invite someone new);
 * "Show seat holders" lists who holds one, with unassign.
 */
export function DashboardPage() {
  const { messages } = useSeatKit();
  const org = useOrganization();
  const { member } = useCurrentMember();
  return (
    <>
      <section aria-labelledby="dashboard-title">
        <h1 id="dashboard-title">{org.data?.name ?? 'Dashboard'}</h1>
        {member && (
          <p className="muted">
            You are {formatMemberName(member)}, {formatRoleName(member.role, undefined, messages)} of this
            account. <Link href={PRODUCTS.imagingApp.path}>Open {PRODUCTS.imagingApp.name}</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="subscriptions-title">
        <h2 id="subscriptions-title">Subscriptions</h2>
        <SubscriptionList headingLevel={3} aria-label="Subscriptions" />
      </section>
    </>
  );
}
