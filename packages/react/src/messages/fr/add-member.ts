import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'Ajouter un utilisateur',
  title: 'Ajouter un utilisateur',
  description: 'La personne est ajoutée immédiatement et reçoit un e-mail avec les informations de son compte.',
  email: 'E-mail',
  role: 'Rôle',
  submit: 'Ajouter l’utilisateur',
  adding: 'Ajout…',
  added: '{name} a été ajouté ; les informations de son compte lui ont été envoyées par e-mail.',
  errorTitle: 'Impossible d’ajouter l’utilisateur',
  noPermission: 'Il vous faut la permission « Inviter et ajouter des membres » pour ajouter des utilisateurs.',
};
