import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'Taal van de organisatie',
  description: 'Uitnodigingen en de andere e-mails aan de leden worden in deze taal geschreven.',
  save: 'Taal opslaan',
  saved: 'De taal van de organisatie is nu {language}.',
  ownerOnly: 'Alleen de eigenaar kan de taal van de organisatie wijzigen.',
  error: 'De taal kon niet worden gewijzigd',
  loadError: 'De taal van de organisatie kon niet worden geladen',
};
