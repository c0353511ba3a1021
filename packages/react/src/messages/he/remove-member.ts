import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: 'להסיר את {name}?',
  description: 'הגישה של {name} ({email}) לארגון הזה תבוטל מיד, ואיתה:',
  losesRole: 'התפקיד: {role}',
  losesSeats: '{count, plural, =0 {אין רישיונות מוקצים} one {הרישיון המוקצה (ישוחרר לאחרים)} two {שני הרישיונות המוקצים (ישוחררו לאחרים)} other {# הרישיונות המוקצים (ישוחררו לאחרים)}}',
  losesPending: 'ההזמנות הממתינות שלו וכל מה שממתין לטיפולו',
  emailNotice: 'יישלח אליו אימייל שהחשבון שלו ממתין למחיקה.',
  confirm: 'הסרה',
  removing: 'מסיר…',
  removed: 'ההסרה של {name} הושלמה.',
  errorTitle: 'לא ניתן היה להסיר את החבר',
  ownerReason: 'אי אפשר להסיר את הבעלים. יש להעביר קודם את הבעלות למישהו אחר.',
  adminReason: 'רק לבעלים מותר להסיר מנהל.',
  noPermission: 'נדרשת ההרשאה "הסרת חברים" כדי להסיר חברים.',
};
