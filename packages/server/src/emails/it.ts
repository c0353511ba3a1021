import { plural, type EmailMessages } from './messages.js';

const days = plural('it');

export const it: EmailMessages = {
  greeting: ({ firstName }) => `Ciao ${firstName},`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Proprietario', admin: 'Amministratore', member: 'Membro' },
  openProduct: ({ product }) => `Apri ${product}`,
  invitation: {
    subject: ({ org }) => `Invito a unirti a ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} ti ha invitato a unirti a ${org} con il ruolo ${role}.`,
    invited: ({ org, role }) => `Hai ricevuto un invito a unirti a ${org} con il ruolo ${role}.`,
    action: ({ org }) => `Accetta l’invito a ${org}`,
    expiry: ({ date }) => `Il link è valido fino al ${date}. Se non aspettavi questa email, puoi ignorarla.`,
  },
  welcome: {
    subject: ({ org }) => `Il tuo account in ${org}`,
    created: ({ org }) => `È stato creato un account per te in ${org}.`,
    details: 'Dettagli dell’account',
    name: ({ name }) => `Nome: ${name}`,
    email: ({ email }) => `Email (il tuo accesso): ${email}`,
    role: ({ role }) => `Ruolo: ${role}`,
    organization: ({ org }) => `Organizzazione: ${org}`,
    action: ({ org }) => `Accedi a ${org}`,
  },
  removal: {
    subject: ({ org }) => `Il tuo account in ${org} verrà eliminato`,
    removed: ({ org }) => `Il tuo account in ${org} è stato rimosso ed è in attesa di eliminazione. Non hai più accesso a ${org}.`,
    mistake: ({ org }) => `Se pensi che si tratti di un errore, contatta un amministratore di ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `Ti è stato assegnato ${product}`,
    assigned: ({ product, org }) => `Ora hai una licenza di ${product} in ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} chiede una licenza di ${product}`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) chiede una licenza di ${product} in ${org}.`,
    note: ({ note }) => `La sua nota: ${note}`,
    action: ({ requester }) => `Esamina la richiesta di ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `La tua licenza di ${product} è pronta`,
    approved: ({ product, org }) => `La tua richiesta di una licenza di ${product} in ${org} è stata approvata: la licenza è tua.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `La tua richiesta di ${product} è stata rifiutata`,
    denied: ({ product, org }) => `La tua richiesta di una licenza di ${product} in ${org} è stata rifiutata.`,
    reason: ({ reason }) => `Motivo indicato: ${reason}`,
    contact: ({ org }) => `Se ti serve ancora, contatta un amministratore di ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `La tua licenza di ${product} verrà presto liberata`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `La tua licenza di ${product} in ${org} non viene usata da un po’. Le licenze inutilizzate per # giorno vengono liberate, e la tua lo sarà il ${date}.`,
        many: `La tua licenza di ${product} in ${org} non viene usata da un po’. Le licenze inutilizzate per # di giorni vengono liberate, e la tua lo sarà il ${date}.`,
        other: `La tua licenza di ${product} in ${org} non viene usata da un po’. Le licenze inutilizzate per # giorni vengono liberate, e la tua lo sarà il ${date}.`,
      }),
    keep: ({ product }) => `Per conservarla, apri ${product} prima di quella data.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `La tua licenza di ${product} è stata liberata`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `La tua licenza di ${product} in ${org} è stata liberata dopo # giorno di inutilizzo.`,
        many: `La tua licenza di ${product} in ${org} è stata liberata dopo # di giorni di inutilizzo.`,
        other: `La tua licenza di ${product} in ${org} è stata liberata dopo # giorni di inutilizzo.`,
      }),
    action: ({ product }) => `Richiedi di nuovo ${product}`,
  },
};
