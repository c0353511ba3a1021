import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'ארגון',
  searchLabel: 'חיפוש ארגונים',
  searchPlaceholder: 'חיפוש ארגונים',
  listLabel: 'ארגונים',
  current: 'נוכחי',
  role: 'התפקיד שלך: {role}',
  noMatches: 'אין ארגונים שתואמים את "{query}".',
  noOrganizations: 'עדיין אין לך אף ארגון.',
  choose: 'בחירת ארגון',
  errorTitle: 'לא ניתן היה לטעון את הארגונים שלך',
};
