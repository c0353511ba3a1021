import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'Benutzer hinzufügen',
  title: 'Benutzer hinzufügen',
  description: 'Die Person wird sofort hinzugefügt und erhält eine E-Mail mit ihren Kontodaten.',
  email: 'E-Mail',
  role: 'Rolle',
  submit: 'Benutzer hinzufügen',
  adding: 'Wird hinzugefügt…',
  added: '{name} wurde hinzugefügt und hat eine E-Mail mit den Kontodaten erhalten.',
  errorTitle: 'Der Benutzer konnte nicht hinzugefügt werden',
  noPermission: 'Zum Hinzufügen von Benutzern benötigen Sie die Berechtigung „Mitglieder einladen und hinzufügen“.',
};
