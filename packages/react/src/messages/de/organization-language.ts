import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'Sprache der Organisation',
  description: 'Einladungen und die anderen E-Mails an ihre Mitglieder werden in dieser Sprache verfasst.',
  save: 'Sprache speichern',
  saved: 'Die Sprache der Organisation ist jetzt {language}.',
  ownerOnly: 'Nur der Inhaber kann die Sprache der Organisation ändern.',
  error: 'Die Sprache konnte nicht geändert werden',
  loadError: 'Die Sprache der Organisation konnte nicht geladen werden',
};
