import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'Organizzazione',
  searchLabel: 'Cerca organizzazioni',
  searchPlaceholder: 'Cerca organizzazioni',
  listLabel: 'Organizzazioni',
  current: 'Attuale',
  role: 'Il tuo ruolo: {role}',
  noMatches: 'Nessuna organizzazione corrisponde a «{query}».',
  noOrganizations: 'Non fai ancora parte di nessuna organizzazione.',
  choose: 'Scegli un’organizzazione',
  errorTitle: 'Impossibile caricare le tue organizzazioni',
};
