import { defaultErrorMessages } from '@seatkit/core';

/** Strings shared by every component: actions, states, roles, permissions, error codes. */
export const common = {
  cancel: 'Cancel',
  close: 'Close',
  firstName: 'First name',
  lastName: 'Last name',
  save: 'Save',
  saving: 'Saving…',
  retry: 'Try again',
  loading: 'Loading…',
  you: 'you',
  never: 'Never',
  required: 'Required',
  tooLong: 'At most {max} characters',
  controlCharacters: 'Must not contain line breaks or control characters',
  errorTitle: 'Something went wrong',
  disabledPermission: 'You need the “{permission}” permission to do this.',
  /** Why an action is refused, by core's policy reason code (the kit-specific ones live with their component). */
  refusals: {
    owner_needs_owner: 'Only the owner can change the owner’s email.',
    self_status: 'You cannot suspend or reactivate yourself.',
    not_owner: 'Only the owner can transfer ownership.',
    target_not_active: 'Ownership can only go to an active member.',
    owner_role: 'The owner role moves only by transferring ownership.',
  },
  roles: {
    owner: 'Owner',
    admin: 'Admin',
    member: 'Member',
  },
  memberStatus: {
    active: 'Active',
    suspended: 'Suspended',
  },
  permissions: {
    'members:read': 'See members',
    'members:invite': 'Invite and add members',
    'members:update': 'Edit members',
    'members:remove': 'Remove members',
    'roles:manage': 'Manage roles',
    'seats:read': 'See seats',
    'seats:assign': 'Assign seats',
    'audit:read': 'See the audit trail',
  },
  /**
   * End-user sentences per error code (passed to `describeError`): core's own, so the kit and a host
   * calling `describeError(error)` say the same thing. Reword them with `mergeMessages`.
   */
  errors: defaultErrorMessages,
};
