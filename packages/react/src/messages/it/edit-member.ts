import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: 'Modifica {name}',
  description: 'Modifica i dati, il ruolo e le autorizzazioni aggiuntive della persona.',
  email: 'Email',
  role: 'Ruolo',
  status: 'Stato',
  permissionsLegend: 'Autorizzazioni',
  permissionsHelp: 'Le autorizzazioni del ruolo sono già incluse. Selezionane altre per concederle solo a questa persona.',
  fromRole: 'dal ruolo',
  saved: 'Modifiche salvate.',
  errorTitle: 'Impossibile salvare le modifiche',
  ownerRoleLocked: 'Il ruolo del proprietario cambia solo con un trasferimento di proprietà.',
  adminRoleLocked: 'Solo il proprietario può cambiare il ruolo di un amministratore.',
  ownerRoleOption: 'Solo trasferendo la proprietà.',
  noPermission: 'Per modificare i membri ti serve l’autorizzazione «Modificare i membri».',
  loadError: 'Impossibile caricare questo membro',
};
