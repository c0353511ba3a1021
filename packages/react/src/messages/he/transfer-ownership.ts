import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'העברת בעלות',
  title: 'העברת בעלות',
  description: 'הבעלים החדש יהפוך לאיש הקשר הראשי של הארגון. החשבון שלך יישאר בארגון בתפקיד מנהל.',
  newOwner: 'הבעלים החדש',
  choose: 'בחירת חבר',
  consequence: '{name} יהפוך לבעלים ולאיש הקשר הראשי. התפקיד שלך ישתנה למנהל.',
  confirm: 'העברת הבעלות',
  transferring: 'מעביר…',
  done: 'הבעלות הועברה אל {name}.',
  errorTitle: 'לא ניתן היה להעביר את הבעלות',
  ownerOnly: 'רק לבעלים מותר להעביר את הבעלות.',
  noCandidates: 'אין עדיין אף אחד אחר בארגון.',
};
