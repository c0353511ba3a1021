import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'لغة المؤسسة',
  description: 'تُكتب الدعوات والرسائل الأخرى المرسلة إلى أعضائها بهذه اللغة.',
  save: 'حفظ اللغة',
  saved: 'أصبحت لغة المؤسسة الآن {language}.',
  ownerOnly: 'لا يمكن تغيير لغة المؤسسة إلا للمالك.',
  error: 'تعذّر تغيير اللغة',
  loadError: 'تعذّر تحميل لغة المؤسسة',
};
