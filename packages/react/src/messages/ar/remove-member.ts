import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: 'إزالة {name}؟',
  description: 'سيفقد {name} ({email}) فورًا الوصول إلى هذه المؤسسة، بما في ذلك:',
  losesRole: 'دوره: {role}',
  losesSeats: '{count, plural, zero {لا يشغل أي ترخيص} one {الترخيص الذي يشغله (يُحرَّر لغيره)} two {الترخيصان اللذان يشغلهما (يُحرَّران لغيره)} few {تراخيصه وعددها # (تُحرَّر لغيره)} many {تراخيصه وعددها # (تُحرَّر لغيره)} other {تراخيصه وعددها # (تُحرَّر لغيره)}}',
  losesPending: 'دعواته المعلَّقة وكل ما ينتظر إجراءً منه',
  emailNotice: 'سيتلقى رسالة بريد إلكتروني تفيد بأن حسابه مُدرج في قائمة الحذف.',
  confirm: 'إزالة',
  removing: 'جارٍ الإزالة…',
  removed: 'تمت إزالة {name}.',
  errorTitle: 'تعذّرت إزالة العضو',
  ownerReason: 'لا يمكن إزالة المالك. انقل الملكية إلى شخص آخر أولًا.',
  adminReason: 'لا يمكن إزالة مسؤول إلا للمالك.',
  noPermission: 'تحتاج إلى صلاحية «إزالة الأعضاء» لإزالة الأعضاء.',
};
