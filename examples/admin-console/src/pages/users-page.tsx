import { AccountUsersPage } from '@seatkit/react';

/**
 * Settings → Account users: the kit's composed page. Members with search, role and status filters,
 * edit, remove and assign-seat actions; "Add user" (direct add with account details by email) and
 * "Invite people"; pending invitations; the subscriptions with their seats. Each part appears only to
 * people allowed to use it.
 */
export function UsersPage() {
  return <AccountUsersPage />;
}
