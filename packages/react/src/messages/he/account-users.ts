import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'משתמשי החשבון',
  description: 'האנשים בארגון {org}, ההזמנות והרישיונות שלהם.',
  membersHeading: 'חברים',
  invitationsHeading: 'הזמנות',
  subscriptionsHeading: 'מינויים',
  rolesHeading: 'תפקידים',
  settingsHeading: 'הגדרות',
  requestsHeading: '{count, plural, =0 {בקשות לרישיון} one {בקשות לרישיון (# ממתינה)} two {בקשות לרישיון (# ממתינות)} other {בקשות לרישיון (# ממתינות)}}',
  noAccessTitle: 'אין לך הרשאה לראות את המשתמשים של החשבון הזה',
  noAccessDescription: 'אפשר לבקש ממנהל את ההרשאה "צפייה בחברים".',
  noOrgTitle: 'לא נבחר ארגון',
  noOrgDescription: 'יש לבחור ארגון כדי לנהל את המשתמשים שלו.',
};
