import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'Verifica dell’accesso…',
  title: 'Accesso negato',
  message: 'L’accesso all’app al momento non è disponibile. Visita il nostro sito per maggiori dettagli sullo stato del tuo account.',
  reasonLabel: 'Motivo:',
  reasons: {
    no_seat: 'Non hai una licenza di {product}.',
    seat_reserved: 'Una licenza di {product} è riservata per te ma non ancora assegnata: accetta l’invito o rivolgiti a un amministratore.',
    subscription_expired: 'L’abbonamento a {product} è scaduto.',
    subscription_inactive: 'L’abbonamento a {product} non è attivo (per esempio, c’è un pagamento in ritardo).',
    member_suspended: 'Il tuo account in questa organizzazione è sospeso.',
    not_a_member: 'Non sei membro di questa organizzazione.',
  },
  requestAccess: 'Chiedi l’accesso a un amministratore',
  contactOwner: 'Scrivi a {name} per avere accesso',
  requestSent: 'La tua richiesta è stata inviata.',
  requestSeat: 'Richiedi una licenza',
  requesting: 'Richiesta in corso…',
  requestedOn: 'Hai richiesto una licenza il {date}. Gli amministratori sono stati avvisati: questa pagina si apre da sola appena la licenza è tua.',
  requestDenied: 'La tua richiesta del {date} non è stata accolta.',
  requestAgain: 'Richiedi di nuovo',
  requestFailed: 'Impossibile inviare la richiesta: {reason}',
  mailSubject: 'Accesso a {product}',
  mailBody: 'Ciao {name},\n\nnon riesco ad aprire {product} in {org} ({reason}). Potresti assegnarmi una licenza?\n\nGrazie.',
  errorTitle: 'Impossibile verificare il tuo accesso',
};
