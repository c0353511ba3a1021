/** `AddMemberDialog`. */
export const addMember = {
  open: 'Add user',
  title: 'Add a user',
  description: 'The person is added at once and gets an email with their account details.',
  email: 'Email',
  role: 'Role',
  submit: 'Add user',
  adding: 'Adding…',
  added: 'Added {name}; they got an email with their account details.',
  errorTitle: 'Could not add the user',
  noPermission: 'You need the “Invite and add members” permission to add users.',
};
