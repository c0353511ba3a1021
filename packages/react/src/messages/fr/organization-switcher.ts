import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'Organisation',
  searchLabel: 'Rechercher une organisation',
  searchPlaceholder: 'Rechercher une organisation',
  listLabel: 'Organisations',
  current: 'Actuelle',
  role: 'Votre rôle : {role}',
  noMatches: 'Aucune organisation ne correspond à « {query} ».',
  noOrganizations: 'Vous n’appartenez encore à aucune organisation.',
  choose: 'Choisissez une organisation',
  errorTitle: 'Impossible de charger vos organisations',
};
