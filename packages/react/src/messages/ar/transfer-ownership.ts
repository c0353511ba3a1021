import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'نقل الملكية',
  title: 'نقل الملكية',
  description: 'يصبح المالك الجديد جهة الاتصال الرئيسية للمؤسسة. وتبقى أنت في المؤسسة بصفة مسؤول.',
  newOwner: 'المالك الجديد',
  choose: 'اختر عضوًا',
  consequence: 'يصبح {name} المالك وجهة الاتصال الرئيسية. وتصبح أنت مسؤولًا.',
  confirm: 'نقل الملكية',
  transferring: 'جارٍ النقل…',
  done: 'تم نقل الملكية إلى {name}.',
  errorTitle: 'تعذّر نقل الملكية',
  ownerOnly: 'لا يمكن نقل الملكية إلا للمالك.',
  noCandidates: 'لا يوجد أحد آخر في المؤسسة بعد.',
};
