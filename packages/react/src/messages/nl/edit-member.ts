import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: '{name} bewerken',
  description: 'Wijzig de gegevens, de rol en extra rechten van deze persoon.',
  email: 'E-mailadres',
  role: 'Rol',
  status: 'Status',
  permissionsLegend: 'Rechten',
  permissionsHelp: 'De rechten van de rol zijn inbegrepen. Vink er meer aan om ze alleen aan deze persoon te geven.',
  fromRole: 'via de rol',
  saved: 'Wijzigingen opgeslagen.',
  errorTitle: 'De wijzigingen konden niet worden opgeslagen',
  ownerRoleLocked: 'De rol van de eigenaar verandert alleen door het eigendom over te dragen.',
  adminRoleLocked: 'Alleen de eigenaar kan de rol van een beheerder wijzigen.',
  ownerRoleOption: 'Alleen door het eigendom over te dragen.',
  noPermission: 'Om leden te wijzigen heb je het recht ‘Leden bewerken’ nodig.',
  loadError: 'Dit lid kon niet worden geladen',
};
