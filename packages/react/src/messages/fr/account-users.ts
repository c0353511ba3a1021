import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'Utilisateurs du compte',
  description: 'Les personnes de {org}, leurs invitations et leurs licences.',
  membersHeading: 'Membres',
  invitationsHeading: 'Invitations',
  subscriptionsHeading: 'Abonnements',
  rolesHeading: 'Rôles',
  settingsHeading: 'Paramètres',
  requestsHeading: '{count, plural, =0 {Demandes de licence} one {Demandes de licence (# en attente)} many {Demandes de licence (# en attente)} other {Demandes de licence (# en attente)}}',
  noAccessTitle: 'Vous ne pouvez pas voir les utilisateurs de ce compte',
  noAccessDescription: 'Demandez la permission « Voir les membres » à un administrateur.',
  noOrgTitle: 'Aucune organisation sélectionnée',
  noOrgDescription: 'Choisissez une organisation pour gérer ses utilisateurs.',
};
