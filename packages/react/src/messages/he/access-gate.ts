import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'בודק גישה…',
  title: 'הגישה נדחתה',
  message: 'הגישה לאפליקציה אינה זמינה כרגע. לפרטים נוספים על מצב החשבון שלך, אפשר לבקר באתר שלנו.',
  reasonLabel: 'סיבה:',
  reasons: {
    no_seat: 'אין לך רישיון של {product}.',
    seat_reserved: 'רישיון של {product} שמור עבורך אך עדיין לא הוקצה: יש לקבל את ההזמנה או לפנות למנהל.',
    subscription_expired: 'תוקף המינוי ל-{product} פג.',
    subscription_inactive: 'המינוי ל-{product} אינו פעיל (למשל, יש תשלום באיחור).',
    member_suspended: 'החשבון שלך בארגון הזה מושעה.',
    not_a_member: 'החשבון שלך אינו חבר בארגון הזה.',
  },
  requestAccess: 'בקשת גישה ממנהל',
  contactOwner: 'שליחת אימייל אל {name} לבקשת גישה',
  requestSent: 'הבקשה שלך נשלחה.',
  requestSeat: 'בקשת רישיון',
  requesting: 'שולח בקשה…',
  requestedOn: 'ביקשת רישיון ב-{date}. המנהלים קיבלו הודעה: הדף הזה ייפתח מעצמו ברגע שיוקצה לך רישיון.',
  requestDenied: 'הבקשה שלך מ-{date} לא אושרה.',
  requestAgain: 'בקשה חוזרת',
  requestFailed: 'לא ניתן היה לשלוח את הבקשה שלך: {reason}',
  mailSubject: 'גישה אל {product}',
  mailBody: 'שלום {name},\n\nאין לי אפשרות לפתוח את {product} בארגון {org} ({reason}). אפשר להקצות לי רישיון?\n\nתודה.',
  errorTitle: 'לא ניתן היה לבדוק את הגישה שלך',
};
