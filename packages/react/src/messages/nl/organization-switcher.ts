import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'Organisatie',
  searchLabel: 'Organisaties zoeken',
  searchPlaceholder: 'Organisaties zoeken',
  listLabel: 'Organisaties',
  current: 'Huidige',
  role: 'Je rol: {role}',
  noMatches: 'Geen organisatie komt overeen met ‘{query}’.',
  noOrganizations: 'Je hoort nog bij geen enkele organisatie.',
  choose: 'Kies een organisatie',
  errorTitle: 'Je organisaties konden niet worden geladen',
};
