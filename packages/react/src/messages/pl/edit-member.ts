import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: 'Edytuj: {name}',
  description: 'Zmień dane osoby, jej rolę i dodatkowe uprawnienia.',
  email: 'E-mail',
  role: 'Rola',
  status: 'Status',
  permissionsLegend: 'Uprawnienia',
  permissionsHelp: 'Uprawnienia roli są wliczone. Zaznacz kolejne, aby przyznać je tylko tej osobie.',
  fromRole: 'z roli',
  saved: 'Zapisano zmiany.',
  errorTitle: 'Nie udało się zapisać zmian',
  ownerRoleLocked: 'Rola właściciela zmienia się tylko przez przekazanie własności.',
  adminRoleLocked: 'Tylko właściciel może zmienić rolę administratora.',
  ownerRoleOption: 'Tylko przez przekazanie własności.',
  noPermission: 'Aby zmieniać członków, potrzebujesz uprawnienia „Edytowanie członków”.',
  loadError: 'Nie udało się wczytać tego członka',
};
