import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'Organización',
  searchLabel: 'Buscar organizaciones',
  searchPlaceholder: 'Buscar organizaciones',
  listLabel: 'Organizaciones',
  current: 'Actual',
  role: 'Tu rol: {role}',
  noMatches: 'Ninguna organización coincide con «{query}».',
  noOrganizations: 'Todavía no perteneces a ninguna organización.',
  choose: 'Elige una organización',
  errorTitle: 'No se pudieron cargar tus organizaciones',
};
