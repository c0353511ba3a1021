import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'Zugriff wird geprüft…',
  title: 'Zugriff verweigert',
  message: 'Der Zugriff auf die App ist derzeit nicht möglich. Weitere Informationen zum Status Ihres Kontos finden Sie auf unserer Website.',
  reasonLabel: 'Grund:',
  reasons: {
    no_seat: 'Sie haben keine Lizenz für {product}.',
    seat_reserved: 'Eine Lizenz für {product} ist für Sie reserviert, aber noch nicht zugewiesen: Nehmen Sie Ihre Einladung an oder wenden Sie sich an einen Administrator.',
    subscription_expired: 'Das Abonnement für {product} ist abgelaufen.',
    subscription_inactive: 'Das Abonnement für {product} ist nicht aktiv (zum Beispiel wegen einer überfälligen Zahlung).',
    member_suspended: 'Ihr Konto in dieser Organisation ist gesperrt.',
    not_a_member: 'Sie sind kein Mitglied dieser Organisation.',
  },
  requestAccess: 'Administrator um Zugriff bitten',
  contactOwner: '{name} per E-Mail um Zugriff bitten',
  requestSent: 'Ihre Anfrage wurde gesendet.',
  requestSeat: 'Lizenz anfordern',
  requesting: 'Wird angefordert…',
  requestedOn: 'Sie haben am {date} eine Lizenz angefordert. Die Administratoren wurden benachrichtigt: Diese Seite öffnet sich von selbst, sobald Sie eine Lizenz haben.',
  requestDenied: 'Ihre Anfrage vom {date} wurde abgelehnt.',
  requestAgain: 'Erneut anfragen',
  requestFailed: 'Ihre Anfrage konnte nicht gesendet werden: {reason}',
  mailSubject: 'Zugriff auf {product}',
  mailBody: 'Hallo {name},\n\nich kann {product} in {org} nicht öffnen ({reason}). Könnten Sie mir eine Lizenz zuweisen?\n\nVielen Dank.',
  errorTitle: 'Ihr Zugriff konnte nicht geprüft werden',
};
