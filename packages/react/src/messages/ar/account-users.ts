import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'مستخدمو الحساب',
  description: 'الأشخاص في {org} ودعواتهم وتراخيصهم.',
  membersHeading: 'الأعضاء',
  invitationsHeading: 'الدعوات',
  subscriptionsHeading: 'الاشتراكات',
  rolesHeading: 'الأدوار',
  settingsHeading: 'الإعدادات',
  requestsHeading: '{count, plural, zero {طلبات التراخيص} one {طلبات التراخيص (# قيد الانتظار)} two {طلبات التراخيص (# قيد الانتظار)} few {طلبات التراخيص (# قيد الانتظار)} many {طلبات التراخيص (# قيد الانتظار)} other {طلبات التراخيص (# قيد الانتظار)}}',
  noAccessTitle: 'لا يمكنك عرض مستخدمي هذا الحساب',
  noAccessDescription: 'اطلب صلاحية «عرض الأعضاء» من أحد المسؤولين.',
  noOrgTitle: 'لم يتم تحديد مؤسسة',
  noOrgDescription: 'اختر مؤسسة لإدارة مستخدميها.',
};
