import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: 'Retirer {name} ?',
  description: '{name} ({email}) perd immédiatement l’accès à cette organisation :',
  losesRole: 'son rôle : {role}',
  losesSeats: '{count, plural, =0 {aucune licence détenue} one {la licence détenue (libérée pour d’autres)} many {les # de licences détenues (libérées pour d’autres)} other {les # licences détenues (libérées pour d’autres)}}',
  losesPending: 'ses invitations en attente et tout ce qui dépend de la personne',
  emailNotice: 'La personne reçoit un e-mail indiquant que son compte va être supprimé.',
  confirm: 'Retirer',
  removing: 'Retrait…',
  removed: '{name} a été retiré.',
  errorTitle: 'Impossible de retirer le membre',
  ownerReason: 'Le propriétaire ne peut pas être retiré. Transférez d’abord la propriété à quelqu’un d’autre.',
  adminReason: 'Seul le propriétaire peut retirer un administrateur.',
  noPermission: 'Il vous faut la permission « Retirer des membres » pour retirer des membres.',
};
