import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: 'Editar {name}',
  description: 'Altere os dados, o papel e as permissões extras da pessoa.',
  email: 'E-mail',
  role: 'Papel',
  status: 'Status',
  permissionsLegend: 'Permissões',
  permissionsHelp: 'As permissões do papel já estão incluídas. Marque outras para concedê-las somente a esta pessoa.',
  fromRole: 'do papel',
  saved: 'Alterações salvas.',
  errorTitle: 'Não foi possível salvar as alterações',
  ownerRoleLocked: 'O papel do proprietário só muda com a transferência da propriedade.',
  adminRoleLocked: 'Somente o proprietário pode alterar o papel de um administrador.',
  ownerRoleOption: 'Somente transferindo a propriedade.',
  noPermission: 'Você precisa da permissão “Editar membros” para alterar membros.',
  loadError: 'Não foi possível carregar este membro',
};
