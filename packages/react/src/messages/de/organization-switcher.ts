import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'Organisation',
  searchLabel: 'Organisationen suchen',
  searchPlaceholder: 'Organisationen suchen',
  listLabel: 'Organisationen',
  current: 'Aktuell',
  role: 'Ihre Rolle: {role}',
  noMatches: 'Keine Organisation entspricht „{query}“.',
  noOrganizations: 'Sie gehören noch keiner Organisation an.',
  choose: 'Organisation wählen',
  errorTitle: 'Ihre Organisationen konnten nicht geladen werden',
};
