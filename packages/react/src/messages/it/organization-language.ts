import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'Lingua dell’organizzazione',
  description: 'Gli inviti e le altre email ai suoi membri sono scritti in questa lingua.',
  save: 'Salva lingua',
  saved: 'La lingua dell’organizzazione ora è {language}.',
  ownerOnly: 'Solo il proprietario può cambiare la lingua dell’organizzazione.',
  error: 'Impossibile cambiare la lingua',
  loadError: 'Impossibile caricare la lingua dell’organizzazione',
};
