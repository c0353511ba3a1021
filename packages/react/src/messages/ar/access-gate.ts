import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'جارٍ التحقق من الوصول…',
  title: 'تم رفض الوصول',
  message: 'الوصول إلى التطبيق غير متاح حاليًا. يُرجى زيارة موقعنا الإلكتروني لمزيد من التفاصيل حول حالة حسابك.',
  reasonLabel: 'السبب:',
  reasons: {
    no_seat: 'ليس لديك ترخيص من {product}.',
    seat_reserved: 'هناك ترخيص من {product} محجوز لك لكنه لم يُعيَّن بعد: اقبل دعوتك أو تواصل مع أحد المسؤولين.',
    subscription_expired: 'انتهت صلاحية الاشتراك في {product}.',
    subscription_inactive: 'الاشتراك في {product} غير نشط (على سبيل المثال، هناك دفعة متأخرة).',
    member_suspended: 'حسابك في هذه المؤسسة موقوف.',
    not_a_member: 'لست عضوًا في هذه المؤسسة.',
  },
  requestAccess: 'طلب الوصول من أحد المسؤولين',
  contactOwner: 'مراسلة {name} لطلب الوصول',
  requestSent: 'تم إرسال طلبك.',
  requestSeat: 'طلب ترخيص',
  requesting: 'جارٍ إرسال الطلب…',
  requestedOn: 'طلبت ترخيصًا في {date}. وقد أُبلغ المسؤولون: ستُفتح هذه الصفحة تلقائيًا بمجرد حصولك على ترخيص.',
  requestDenied: 'لم تتم الموافقة على طلبك المقدَّم في {date}.',
  requestAgain: 'الطلب مرة أخرى',
  requestFailed: 'تعذّر إرسال طلبك: {reason}',
  mailSubject: 'الوصول إلى {product}',
  mailBody: 'مرحبًا {name}،\n\nلا يمكنني فتح {product} في {org} ({reason}). هل يمكنك تعيين ترخيص لي؟\n\nشكرًا لك.',
  errorTitle: 'تعذّر التحقق من وصولك',
};
