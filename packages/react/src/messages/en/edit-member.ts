/** `EditMemberDialog`. */
export const editMember = {
  title: 'Edit {name}',
  description: 'Change the person’s details, role and extra permissions.',
  email: 'Email',
  role: 'Role',
  status: 'Status',
  permissionsLegend: 'Permissions',
  permissionsHelp: 'Permissions of the role are included. Check more to grant them to this person only.',
  fromRole: 'from role',
  saved: 'Changes saved.',
  errorTitle: 'Could not save the changes',
  ownerRoleLocked: 'The owner’s role changes only by transferring ownership.',
  adminRoleLocked: 'Only the owner can change an admin’s role.',
  ownerRoleOption: 'Only by transferring ownership.',
  noPermission: 'You need the “Edit members” permission to change members.',
  loadError: 'Could not load this member',
};
