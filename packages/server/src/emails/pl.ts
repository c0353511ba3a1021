import { plural, type EmailMessages } from './messages.js';

const days = plural('pl');

// Names are not declined: each sentence keeps them in the nominative (after a colon, or beside a declined noun).
export const pl: EmailMessages = {
  greeting: ({ firstName }) => `Dzień dobry, ${firstName}!`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Właściciel', admin: 'Administrator', member: 'Członek' },
  openProduct: ({ product }) => `Otwórz ${product}`,
  invitation: {
    subject: ({ org }) => `Zaproszenie do organizacji ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} zaprasza Cię do organizacji ${org}. Twoja rola: ${role}.`,
    invited: ({ org, role }) => `Otrzymujesz zaproszenie do organizacji ${org}. Twoja rola: ${role}.`,
    action: ({ org }) => `Przyjmij zaproszenie do organizacji ${org}`,
    expiry: ({ date }) => `Link jest ważny do ${date}. Jeśli nie spodziewasz się tej wiadomości, możesz ją zignorować.`,
  },
  welcome: {
    subject: ({ org }) => `Twoje konto w organizacji ${org}`,
    created: ({ org }) => `Utworzono dla Ciebie konto w organizacji ${org}.`,
    details: 'Dane konta',
    name: ({ name }) => `Imię i nazwisko: ${name}`,
    email: ({ email }) => `E-mail (login): ${email}`,
    role: ({ role }) => `Rola: ${role}`,
    organization: ({ org }) => `Organizacja: ${org}`,
    action: ({ org }) => `Zaloguj się do organizacji ${org}`,
  },
  removal: {
    subject: ({ org }) => `Twoje konto w organizacji ${org} zostanie usunięte`,
    removed: ({ org }) => `Twoje konto w organizacji ${org} zostało wyłączone i czeka na usunięcie. Nie masz już dostępu do organizacji ${org}.`,
    mistake: ({ org }) => `Jeśli uważasz, że to pomyłka, skontaktuj się z administratorem organizacji ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `Przydzielono Ci licencję: ${product}`,
    assigned: ({ product, org }) => `Masz teraz licencję ${product} w organizacji ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} prosi o licencję ${product}`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) prosi o licencję ${product} w organizacji ${org}.`,
    note: ({ note }) => `Wiadomość: ${note}`,
    action: ({ requester }) => `Rozpatrz prośbę użytkownika ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `Twoja licencja ${product} jest gotowa`,
    approved: ({ product, org }) => `Twoja prośba o licencję ${product} w organizacji ${org} została zaakceptowana: licencja jest Twoja.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `Twoja prośba o licencję ${product} została odrzucona`,
    denied: ({ product, org }) => `Twoja prośba o licencję ${product} w organizacji ${org} została odrzucona.`,
    reason: ({ reason }) => `Podany powód: ${reason}`,
    contact: ({ org }) => `Jeśli nadal jej potrzebujesz, skontaktuj się z administratorem organizacji ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `Twoja licencja ${product} wkrótce zostanie zwolniona`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `Twoja licencja ${product} w organizacji ${org} od jakiegoś czasu nie jest używana. Licencje nieużywane przez # dzień są zwalniane, a Twoja zostanie zwolniona ${date}.`,
        few: `Twoja licencja ${product} w organizacji ${org} od jakiegoś czasu nie jest używana. Licencje nieużywane przez # dni są zwalniane, a Twoja zostanie zwolniona ${date}.`,
        many: `Twoja licencja ${product} w organizacji ${org} od jakiegoś czasu nie jest używana. Licencje nieużywane przez # dni są zwalniane, a Twoja zostanie zwolniona ${date}.`,
        other: `Twoja licencja ${product} w organizacji ${org} od jakiegoś czasu nie jest używana. Licencje nieużywane przez # dnia są zwalniane, a Twoja zostanie zwolniona ${date}.`,
      }),
    keep: ({ product }) => `Aby ją zachować, otwórz ${product} przed tym terminem.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `Twoja licencja ${product} została zwolniona`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `Twoja licencja ${product} w organizacji ${org} została zwolniona po # dniu bez użycia.`,
        few: `Twoja licencja ${product} w organizacji ${org} została zwolniona po # dniach bez użycia.`,
        many: `Twoja licencja ${product} w organizacji ${org} została zwolniona po # dniach bez użycia.`,
        other: `Twoja licencja ${product} w organizacji ${org} została zwolniona po # dnia bez użycia.`,
      }),
    action: ({ product }) => `Poproś ponownie o licencję ${product}`,
  },
};
