import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'שפת הארגון',
  description: 'ההזמנות ושאר הודעות הדוא״ל לחברי הארגון נכתבות בשפה זו.',
  save: 'שמירת השפה',
  saved: 'שפת הארגון היא עכשיו {language}.',
  ownerOnly: 'רק לבעלים מותר לשנות את שפת הארגון.',
  error: 'לא ניתן היה לשנות את השפה',
  loadError: 'לא ניתן היה לטעון את שפת הארגון',
};
