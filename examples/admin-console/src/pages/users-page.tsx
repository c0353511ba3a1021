import { AccountUsersPage } from '@seatkit/react';
import { AddUserDialog } from '../add-user-dialog.js';

/**
 * Settings → Account users: the kit's composed page (members with search, role filter, edit, remove,
 * assign seat; invite; invitations; subscriptions), plus the console's own "Add user" for adding
 * someone directly with their account details.
 */
export function UsersPage() {
  return (
    <>
      <div className="page-toolbar">
        <AddUserDialog />
      </div>
      <AccountUsersPage />
    </>
  );
}
