import { plural, type EmailMessages } from './messages.js';

const days = plural('ar');

// Counted days take the six Arabic forms: يوم واحد، يومان، ٣–١٠ أيام، ١١–٩٩ يومًا، ١٠٠ يوم.
export const ar: EmailMessages = {
  greeting: ({ firstName }) => `مرحبًا ${firstName}،`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'المالك', admin: 'المسؤول', member: 'العضو' },
  openProduct: ({ product }) => `افتح ${product}`,
  invitation: {
    subject: ({ org }) => `دعوة للانضمام إلى ${org}`,
    invitedBy: ({ inviter, org, role }) => `وصلتك دعوة من ${inviter} للانضمام إلى ${org} بدور ${role}.`,
    invited: ({ org, role }) => `وصلتك دعوة للانضمام إلى ${org} بدور ${role}.`,
    action: ({ org }) => `اقبل الدعوة للانضمام إلى ${org}`,
    expiry: ({ date }) => `الرابط صالح حتى ${date}. إذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.`,
  },
  welcome: {
    subject: ({ org }) => `حسابك في ${org}`,
    created: ({ org }) => `أُنشئ لك حساب في ${org}.`,
    details: 'تفاصيل الحساب',
    name: ({ name }) => `الاسم: ${name}`,
    email: ({ email }) => `البريد الإلكتروني (لتسجيل الدخول): ${email}`,
    role: ({ role }) => `الدور: ${role}`,
    organization: ({ org }) => `المؤسسة: ${org}`,
    action: ({ org }) => `سجّل الدخول إلى ${org}`,
  },
  removal: {
    subject: ({ org }) => `حسابك في ${org} في انتظار الحذف`,
    removed: ({ org }) => `أُزيل حسابك في ${org} وهو في انتظار الحذف. لم يعد بإمكانك الوصول إلى ${org}.`,
    mistake: ({ org }) => `إذا كنت تعتقد أن هذا خطأ، فتواصل مع أحد مسؤولي ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `خُصص لك ترخيص ${product}`,
    assigned: ({ product, org }) => `لديك الآن ترخيص ${product} في ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `طلب ترخيص ${product} من ${requester}`,
    asked: ({ requester, email, product, org }) => `وصل طلب من ${requester} (${email}) للحصول على ترخيص ${product} في ${org}.`,
    note: ({ note }) => `الملاحظة المرفقة: ${note}`,
    action: ({ requester }) => `راجع طلب ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `ترخيص ${product} الخاص بك جاهز`,
    approved: ({ product, org }) => `تمت الموافقة على طلبك للحصول على ترخيص ${product} في ${org}: الترخيص أصبح لك.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `رُفض طلبك للحصول على ${product}`,
    denied: ({ product, org }) => `رُفض طلبك للحصول على ترخيص ${product} في ${org}.`,
    reason: ({ reason }) => `السبب المذكور: ${reason}`,
    contact: ({ org }) => `إذا كنت لا تزال بحاجة إليه، فتواصل مع أحد مسؤولي ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `سيُحرَّر ترخيص ${product} الخاص بك قريبًا`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        zero: `لم يُستخدم ترخيص ${product} الخاص بك في ${org} منذ مدة. تُحرَّر التراخيص غير المستخدمة لمدة # يوم، وسيُحرَّر ترخيصك في ${date}.`,
        one: `لم يُستخدم ترخيص ${product} الخاص بك في ${org} منذ مدة. تُحرَّر التراخيص غير المستخدمة لمدة يوم واحد، وسيُحرَّر ترخيصك في ${date}.`,
        two: `لم يُستخدم ترخيص ${product} الخاص بك في ${org} منذ مدة. تُحرَّر التراخيص غير المستخدمة لمدة يومين، وسيُحرَّر ترخيصك في ${date}.`,
        few: `لم يُستخدم ترخيص ${product} الخاص بك في ${org} منذ مدة. تُحرَّر التراخيص غير المستخدمة لمدة # أيام، وسيُحرَّر ترخيصك في ${date}.`,
        many: `لم يُستخدم ترخيص ${product} الخاص بك في ${org} منذ مدة. تُحرَّر التراخيص غير المستخدمة لمدة # يومًا، وسيُحرَّر ترخيصك في ${date}.`,
        other: `لم يُستخدم ترخيص ${product} الخاص بك في ${org} منذ مدة. تُحرَّر التراخيص غير المستخدمة لمدة # يوم، وسيُحرَّر ترخيصك في ${date}.`,
      }),
    keep: ({ product }) => `للاحتفاظ به، افتح ${product} قبل ذلك التاريخ.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `حُرِّر ترخيص ${product} الخاص بك`,
    released: ({ product, org, days: n }) =>
      days(n, {
        zero: `حُرِّر ترخيص ${product} الخاص بك في ${org} بعد # يوم دون استخدام.`,
        one: `حُرِّر ترخيص ${product} الخاص بك في ${org} بعد يوم واحد دون استخدام.`,
        two: `حُرِّر ترخيص ${product} الخاص بك في ${org} بعد يومين دون استخدام.`,
        few: `حُرِّر ترخيص ${product} الخاص بك في ${org} بعد # أيام دون استخدام.`,
        many: `حُرِّر ترخيص ${product} الخاص بك في ${org} بعد # يومًا دون استخدام.`,
        other: `حُرِّر ترخيص ${product} الخاص بك في ${org} بعد # يوم دون استخدام.`,
      }),
    action: ({ product }) => `اطلب ترخيص ${product} مجددًا`,
  },
};
