import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: 'Modifier {name}',
  description: 'Modifiez les coordonnées, le rôle et les permissions supplémentaires de la personne.',
  email: 'E-mail',
  role: 'Rôle',
  status: 'Statut',
  permissionsLegend: 'Permissions',
  permissionsHelp: 'Les permissions du rôle sont incluses. Cochez-en d’autres pour les accorder à cette seule personne.',
  fromRole: 'du rôle',
  saved: 'Modifications enregistrées.',
  errorTitle: 'Impossible d’enregistrer les modifications',
  ownerRoleLocked: 'Le rôle du propriétaire ne change que par un transfert de propriété.',
  adminRoleLocked: 'Seul le propriétaire peut changer le rôle d’un administrateur.',
  ownerRoleOption: 'Uniquement par transfert de propriété.',
  noPermission: 'Il vous faut la permission « Modifier les membres » pour modifier des membres.',
  loadError: 'Impossible de charger ce membre',
};
