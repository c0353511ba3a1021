import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: 'עריכת {name}',
  description: 'שינוי הפרטים, התפקיד וההרשאות הנוספות של האדם.',
  email: 'אימייל',
  role: 'תפקיד',
  status: 'סטטוס',
  permissionsLegend: 'הרשאות',
  permissionsHelp: 'ההרשאות של התפקיד כלולות. אפשר לסמן הרשאות נוספות כדי להעניק אותן לאדם הזה בלבד.',
  fromRole: 'מהתפקיד',
  saved: 'השינויים נשמרו.',
  errorTitle: 'לא ניתן היה לשמור את השינויים',
  ownerRoleLocked: 'תפקיד הבעלים משתנה רק באמצעות העברת בעלות.',
  adminRoleLocked: 'רק לבעלים מותר לשנות תפקיד של מנהל.',
  ownerRoleOption: 'רק באמצעות העברת בעלות.',
  noPermission: 'נדרשת ההרשאה "עריכת חברים" כדי לשנות חברים.',
  loadError: 'לא ניתן היה לטעון את החבר הזה',
};
