import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: 'تعديل {name}',
  description: 'غيّر بيانات الشخص ودوره وصلاحياته الإضافية.',
  email: 'البريد الإلكتروني',
  role: 'الدور',
  status: 'الحالة',
  permissionsLegend: 'الصلاحيات',
  permissionsHelp: 'صلاحيات الدور مشمولة. حدّد صلاحيات أخرى لمنحها لهذا الشخص وحده.',
  fromRole: 'من الدور',
  saved: 'تم حفظ التغييرات.',
  errorTitle: 'تعذّر حفظ التغييرات',
  ownerRoleLocked: 'لا يتغير دور المالك إلا بنقل الملكية.',
  adminRoleLocked: 'لا يمكن تغيير دور مسؤول إلا للمالك.',
  ownerRoleOption: 'بنقل الملكية فقط.',
  noPermission: 'تحتاج إلى صلاحية «تعديل الأعضاء» لتعديل الأعضاء.',
  loadError: 'تعذّر تحميل هذا العضو',
};
