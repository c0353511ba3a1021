import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'Langue de l’organisation',
  description: 'Les invitations et les autres e-mails envoyés à ses membres sont rédigés dans cette langue.',
  save: 'Enregistrer la langue',
  saved: 'La langue de l’organisation est désormais : {language}.',
  ownerOnly: 'Seul le propriétaire peut changer la langue de l’organisation.',
  error: 'Impossible de changer la langue',
  loadError: 'Impossible de charger la langue de l’organisation',
};
