import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: 'المؤسسة',
  searchLabel: 'البحث في المؤسسات',
  searchPlaceholder: 'البحث في المؤسسات',
  listLabel: 'المؤسسات',
  current: 'الحالية',
  role: 'دورك: {role}',
  noMatches: 'لا توجد مؤسسة تطابق «{query}».',
  noOrganizations: 'لا تنتمي إلى أي مؤسسة بعد.',
  choose: 'اختر مؤسسة',
  errorTitle: 'تعذّر تحميل مؤسساتك',
};
