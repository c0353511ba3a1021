import { useCan } from '@seatkit/react';
import { Link } from './router.js';

/** The pages of the account's administration, under "Users" in the main navigation. */
export const ACCOUNT_PAGES = ['/users', '/invitations', '/requests', '/roles', '/audit'] as const;

/**
 * The tabs of the account's administration: members, invitations, seat requests, roles and the audit log, each a
 * page of its own (a link: the URL says where you are, the back button works). A tab the signed-in person may not
 * use is not offered.
 */
export function AccountTabs() {
  const canInvite = useCan('members:invite');
  const canReadSeats = useCan('seats:read');
  const canManageRoles = useCan('roles:manage');
  const canReadAudit = useCan('audit:read');
  const tabs = [
    { href: '/users', title: 'Members', shown: true },
    { href: '/invitations', title: 'Invitations', shown: canInvite },
    { href: '/requests', title: 'Requests', shown: canReadSeats },
    { href: '/roles', title: 'Roles', shown: canManageRoles },
    { href: '/audit', title: 'Audit log', shown: canReadAudit },
  ].filter((tab) => tab.shown);
  return (
    <nav aria-label="Account" className="account-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href}>{tab.title}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
