/** `AccountUsersPage`. */
export const accountUsers = {
  title: 'Account users',
  description: 'People in {org}, their invitations and their seats.',
  membersHeading: 'Members',
  invitationsHeading: 'Invitations',
  subscriptionsHeading: 'Subscriptions',
  rolesHeading: 'Roles',
  settingsHeading: 'Settings',
  /** The seat requests section, with the number still pending. */
  requestsHeading: '{count, plural, =0 {Seat requests} one {Seat requests (# pending)} other {Seat requests (# pending)}}',
  noAccessTitle: 'You cannot see the users of this account',
  noAccessDescription: 'Ask an admin for the “See members” permission.',
  noOrgTitle: 'No organization selected',
  noOrgDescription: 'Choose an organization to manage its users.',
};
