import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'Transférer la propriété',
  title: 'Transférer la propriété',
  description: 'Le nouveau propriétaire devient le contact principal de l’organisation. Vous y restez en tant qu’administrateur.',
  newOwner: 'Nouveau propriétaire',
  choose: 'Choisissez un membre',
  consequence: '{name} devient propriétaire et contact principal. Vous devenez administrateur.',
  confirm: 'Transférer la propriété',
  transferring: 'Transfert…',
  done: 'La propriété a été transférée à {name}.',
  errorTitle: 'Impossible de transférer la propriété',
  ownerOnly: 'Seul le propriétaire peut transférer la propriété.',
  noCandidates: 'Il n’y a encore personne d’autre dans l’organisation.',
};
