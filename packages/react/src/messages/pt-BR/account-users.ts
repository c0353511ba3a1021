import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'Usuários da conta',
  description: 'As pessoas de {org}, seus convites e suas licenças.',
  membersHeading: 'Membros',
  invitationsHeading: 'Convites',
  subscriptionsHeading: 'Assinaturas',
  rolesHeading: 'Papéis',
  settingsHeading: 'Configurações',
  requestsHeading: '{count, plural, =0 {Solicitações de licença} one {Solicitações de licença (# pendente)} many {Solicitações de licença (# pendentes)} other {Solicitações de licença (# pendentes)}}',
  noAccessTitle: 'Você não pode ver os usuários desta conta',
  noAccessDescription: 'Peça a um administrador a permissão “Ver membros”.',
  noOrgTitle: 'Nenhuma organização selecionada',
  noOrgDescription: 'Escolha uma organização para gerenciar os usuários dela.',
};
