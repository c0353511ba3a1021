/** `RemoveMemberDialog`. */
export const removeMember = {
  title: 'Remove {name}?',
  description: '{name} ({email}) loses access to this organization at once:',
  losesRole: 'their role: {role}',
  losesSeats: '{count, plural, =0 {they hold no seats} one {the seat they hold (released for others)} other {the # seats they hold (released for others)}}',
  losesPending: 'their pending invitations and anything waiting on them',
  emailNotice: 'They are emailed that their account is queued for deletion.',
  confirm: 'Remove',
  removing: 'Removing…',
  removed: '{name} was removed.',
  errorTitle: 'Could not remove the member',
  ownerReason: 'The owner cannot be removed. Transfer ownership to someone else first.',
  adminReason: 'Only the owner can remove an admin.',
  noPermission: 'You need the “Remove members” permission to remove members.',
};
