import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'Organizacja',
  searchLabel: 'Szukaj organizacji',
  searchPlaceholder: 'Szukaj organizacji',
  listLabel: 'Organizacje',
  current: 'Bieżąca',
  role: 'Twoja rola: {role}',
  noMatches: 'Żadna organizacja nie pasuje do „{query}”.',
  noOrganizations: 'Nie należysz jeszcze do żadnej organizacji.',
  choose: 'Wybierz organizację',
  errorTitle: 'Nie udało się wczytać twoich organizacji',
};
