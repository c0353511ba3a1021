import { plural, type EmailMessages } from './messages.js';

const days = plural('he');

// Links and requests are written without gendered verbs (nouns, infinitives, "אפשר"), as Hebrew interfaces do.
export const he: EmailMessages = {
  greeting: ({ firstName }) => `שלום ${firstName},`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'בעלים', admin: 'מנהל', member: 'חבר' },
  openProduct: ({ product }) => `פתיחת ${product}`,
  invitation: {
    subject: ({ org }) => `הזמנה להצטרף אל ${org}`,
    invitedBy: ({ inviter, org, role }) => `קיבלת הזמנה מאת ${inviter} להצטרף אל ${org} בתפקיד ${role}.`,
    invited: ({ org, role }) => `קיבלת הזמנה להצטרף אל ${org} בתפקיד ${role}.`,
    action: ({ org }) => `קבלת ההזמנה להצטרף אל ${org}`,
    expiry: ({ date }) => `הקישור בתוקף עד ${date}. אם לא ציפית להודעה הזו, אפשר להתעלם ממנה.`,
  },
  welcome: {
    subject: ({ org }) => `החשבון שלך בארגון ${org}`,
    created: ({ org }) => `נוצר עבורך חשבון בארגון ${org}.`,
    details: 'פרטי החשבון',
    name: ({ name }) => `שם: ${name}`,
    email: ({ email }) => `דוא״ל (לכניסה): ${email}`,
    role: ({ role }) => `תפקיד: ${role}`,
    organization: ({ org }) => `ארגון: ${org}`,
    action: ({ org }) => `כניסה אל ${org}`,
  },
  removal: {
    subject: ({ org }) => `החשבון שלך בארגון ${org} ממתין למחיקה`,
    removed: ({ org }) => `החשבון שלך בארגון ${org} הוסר וממתין למחיקה. אין לך עוד גישה אל ${org}.`,
    mistake: ({ org }) => `אם נראה לך שזו טעות, אפשר לפנות לאחד המנהלים של ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `הוקצה לך רישיון ל־${product}`,
    assigned: ({ product, org }) => `יש לך עכשיו רישיון ל־${product} בארגון ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `בקשה לרישיון ל־${product} מאת ${requester}`,
    asked: ({ requester, email, product, org }) => `התקבלה בקשה מאת ${requester} (${email}) לרישיון ל־${product} בארגון ${org}.`,
    note: ({ note }) => `ההערה שצורפה: ${note}`,
    action: ({ requester }) => `בדיקת הבקשה של ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `הרישיון שלך ל־${product} מוכן`,
    approved: ({ product, org }) => `הבקשה שלך לרישיון ל־${product} בארגון ${org} אושרה: הרישיון שלך.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `הבקשה שלך ל־${product} נדחתה`,
    denied: ({ product, org }) => `הבקשה שלך לרישיון ל־${product} בארגון ${org} נדחתה.`,
    reason: ({ reason }) => `הסיבה שנמסרה: ${reason}`,
    contact: ({ org }) => `אם הרישיון עדיין נחוץ לך, אפשר לפנות לאחד המנהלים של ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `הרישיון שלך ל־${product} ישוחרר בקרוב`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `כבר זמן מה שלא נעשה שימוש ברישיון שלך ל־${product} בארגון ${org}. רישיונות שלא נעשה בהם שימוש במשך יום אחד משוחררים, והרישיון שלך ישוחרר ב־${date}.`,
        two: `כבר זמן מה שלא נעשה שימוש ברישיון שלך ל־${product} בארגון ${org}. רישיונות שלא נעשה בהם שימוש במשך יומיים משוחררים, והרישיון שלך ישוחרר ב־${date}.`,
        other: `כבר זמן מה שלא נעשה שימוש ברישיון שלך ל־${product} בארגון ${org}. רישיונות שלא נעשה בהם שימוש במשך # ימים משוחררים, והרישיון שלך ישוחרר ב־${date}.`,
      }),
    keep: ({ product }) => `כדי לשמור עליו, יש לפתוח את ${product} לפני המועד הזה.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `הרישיון שלך ל־${product} שוחרר`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `הרישיון שלך ל־${product} בארגון ${org} שוחרר אחרי יום אחד ללא שימוש.`,
        two: `הרישיון שלך ל־${product} בארגון ${org} שוחרר אחרי יומיים ללא שימוש.`,
        other: `הרישיון שלך ל־${product} בארגון ${org} שוחרר אחרי # ימים ללא שימוש.`,
      }),
    action: ({ product }) => `בקשה חוזרת לרישיון ל־${product}`,
  },
};
