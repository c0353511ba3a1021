/** `TransferOwnershipDialog`. */
export const transferOwnership = {
  open: 'Transfer ownership',
  title: 'Transfer ownership',
  description: 'The new owner becomes the organization’s main contact. You stay in the organization as an admin.',
  newOwner: 'New owner',
  choose: 'Choose a member',
  consequence: '{name} becomes the owner and main contact. You become an admin.',
  confirm: 'Transfer ownership',
  transferring: 'Transferring…',
  done: 'Ownership was transferred to {name}.',
  errorTitle: 'Could not transfer ownership',
  ownerOnly: 'Only the owner can transfer ownership.',
  noCandidates: 'There is nobody else in the organization yet.',
};
