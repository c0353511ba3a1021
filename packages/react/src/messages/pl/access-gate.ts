import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'Sprawdzanie dostępu…',
  title: 'Brak dostępu',
  message: 'Dostęp do aplikacji jest obecnie niemożliwy. Więcej informacji o stanie konta znajdziesz na naszej stronie internetowej.',
  reasonLabel: 'Powód:',
  reasons: {
    no_seat: 'Nie masz licencji {product}.',
    seat_reserved: 'Licencja {product} jest dla ciebie zarezerwowana, ale jeszcze nieprzypisana: zaakceptuj zaproszenie lub poproś administratora.',
    subscription_expired: 'Subskrypcja {product} wygasła.',
    subscription_inactive: 'Subskrypcja {product} nie jest aktywna (na przykład z powodu zaległej płatności).',
    member_suspended: 'Twoje konto w tej organizacji jest zawieszone.',
    not_a_member: 'Nie jesteś członkiem tej organizacji.',
  },
  requestAccess: 'Poproś administratora o dostęp',
  contactOwner: 'Poproś o dostęp e-mailem: {name}',
  requestSent: 'Prośba została wysłana.',
  requestSeat: 'Poproś o licencję',
  requesting: 'Wysyłanie prośby…',
  requestedOn: 'Prośba o licencję została wysłana {date}. Administratorzy zostali powiadomieni: ta strona otworzy się sama, gdy otrzymasz licencję.',
  requestDenied: 'Twoja prośba z {date} nie została uwzględniona.',
  requestAgain: 'Poproś ponownie',
  requestFailed: 'Nie udało się wysłać prośby: {reason}',
  mailSubject: 'Dostęp do {product}',
  mailBody: 'Dzień dobry {name},\n\nnie mogę otworzyć {product} w organizacji {org} ({reason}). Czy możesz przypisać mi licencję?\n\nDziękuję.',
  errorTitle: 'Nie udało się sprawdzić dostępu',
};
