import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'Adicionar usuário',
  title: 'Adicionar um usuário',
  description: 'A pessoa é adicionada na hora e recebe um e-mail com os dados da conta.',
  email: 'E-mail',
  role: 'Papel',
  submit: 'Adicionar usuário',
  adding: 'Adicionando…',
  added: '{name} foi adicionado e recebeu um e-mail com os dados da conta.',
  errorTitle: 'Não foi possível adicionar o usuário',
  noPermission: 'Você precisa da permissão “Convidar e adicionar membros” para adicionar usuários.',
};
