import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'Organização',
  searchLabel: 'Buscar organizações',
  searchPlaceholder: 'Buscar organizações',
  listLabel: 'Organizações',
  current: 'Atual',
  role: 'Seu papel: {role}',
  noMatches: 'Nenhuma organização corresponde a “{query}”.',
  noOrganizations: 'Você ainda não faz parte de nenhuma organização.',
  choose: 'Escolha uma organização',
  errorTitle: 'Não foi possível carregar suas organizações',
};
