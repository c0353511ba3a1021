import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'إضافة مستخدم',
  title: 'إضافة مستخدم',
  description: 'يُضاف الشخص فورًا ويتلقى رسالة بريد إلكتروني تتضمن بيانات حسابه.',
  email: 'البريد الإلكتروني',
  role: 'الدور',
  submit: 'إضافة المستخدم',
  adding: 'جارٍ الإضافة…',
  added: 'تمت إضافة {name}، وأُرسلت إليه بيانات حسابه عبر البريد الإلكتروني.',
  errorTitle: 'تعذّرت إضافة المستخدم',
  noPermission: 'تحتاج إلى صلاحية «دعوة الأعضاء وإضافتهم» لإضافة مستخدمين.',
};
