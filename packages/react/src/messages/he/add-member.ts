import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'הוספת משתמש',
  title: 'הוספת משתמש',
  description: 'האדם יתווסף מיד ויקבל אימייל עם פרטי החשבון שלו.',
  email: 'אימייל',
  role: 'תפקיד',
  submit: 'הוספת המשתמש',
  adding: 'מוסיף…',
  added: 'המשתמש {name} נוסף, ופרטי החשבון נשלחו אליו באימייל.',
  errorTitle: 'לא ניתן היה להוסיף את המשתמש',
  noPermission: 'נדרשת ההרשאה "הזמנה והוספה של חברים" כדי להוסיף משתמשים.',
};
