import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: '{name} bearbeiten',
  description: 'Ändern Sie die Angaben, die Rolle und zusätzliche Berechtigungen der Person.',
  email: 'E-Mail',
  role: 'Rolle',
  status: 'Status',
  permissionsLegend: 'Berechtigungen',
  permissionsHelp: 'Die Berechtigungen der Rolle sind enthalten. Markieren Sie weitere, um sie nur dieser Person zu gewähren.',
  fromRole: 'aus der Rolle',
  saved: 'Änderungen gespeichert.',
  errorTitle: 'Die Änderungen konnten nicht gespeichert werden',
  ownerRoleLocked: 'Die Rolle des Inhabers ändert sich nur durch eine Übertragung der Inhaberschaft.',
  adminRoleLocked: 'Nur der Inhaber kann die Rolle eines Administrators ändern.',
  ownerRoleOption: 'Nur durch Übertragung der Inhaberschaft.',
  noPermission: 'Zum Ändern von Mitgliedern benötigen Sie die Berechtigung „Mitglieder bearbeiten“.',
  loadError: 'Dieses Mitglied konnte nicht geladen werden',
};
