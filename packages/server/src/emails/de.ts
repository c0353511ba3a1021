import { plural, type EmailMessages } from './messages.js';

const days = plural('de');

export const de: EmailMessages = {
  greeting: ({ firstName }) => `Hallo ${firstName},`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Inhaber', admin: 'Administrator', member: 'Mitglied' },
  openProduct: ({ product }) => `${product} öffnen`,
  invitation: {
    subject: ({ org }) => `Einladung zu ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} hat Sie eingeladen, ${org} mit der Rolle ${role} beizutreten.`,
    invited: ({ org, role }) => `Sie sind eingeladen, ${org} mit der Rolle ${role} beizutreten.`,
    action: ({ org }) => `Einladung zu ${org} annehmen`,
    expiry: ({ date }) => `Der Link ist bis zum ${date} gültig. Falls Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.`,
  },
  welcome: {
    subject: ({ org }) => `Ihr Konto bei ${org}`,
    created: ({ org }) => `Für Sie wurde ein Konto bei ${org} angelegt.`,
    details: 'Kontodaten',
    name: ({ name }) => `Name: ${name}`,
    email: ({ email }) => `E-Mail (Ihre Anmeldung): ${email}`,
    role: ({ role }) => `Rolle: ${role}`,
    organization: ({ org }) => `Organisation: ${org}`,
    action: ({ org }) => `Bei ${org} anmelden`,
  },
  removal: {
    subject: ({ org }) => `Ihr Konto bei ${org} wird gelöscht`,
    removed: ({ org }) => `Ihr Konto bei ${org} wurde entfernt und zur Löschung vorgemerkt. Sie haben keinen Zugriff mehr auf ${org}.`,
    mistake: ({ org }) => `Wenn Sie das für einen Fehler halten, wenden Sie sich an einen Administrator von ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `Ihnen wurde ${product} zugewiesen`,
    assigned: ({ product, org }) => `Sie haben jetzt eine Lizenz für ${product} bei ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} bittet um eine Lizenz für ${product}`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) bittet um eine Lizenz für ${product} bei ${org}.`,
    note: ({ note }) => `Nachricht: ${note}`,
    action: ({ requester }) => `Anfrage von ${requester} prüfen`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `Ihre Lizenz für ${product} ist bereit`,
    approved: ({ product, org }) => `Ihre Anfrage nach einer Lizenz für ${product} bei ${org} wurde genehmigt: Die Lizenz gehört Ihnen.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `Ihre Anfrage für ${product} wurde abgelehnt`,
    denied: ({ product, org }) => `Ihre Anfrage nach einer Lizenz für ${product} bei ${org} wurde abgelehnt.`,
    reason: ({ reason }) => `Angegebener Grund: ${reason}`,
    contact: ({ org }) => `Wenn Sie die Lizenz weiterhin brauchen, wenden Sie sich an einen Administrator von ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `Ihre Lizenz für ${product} wird bald freigegeben`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `Ihre Lizenz für ${product} bei ${org} wurde seit einiger Zeit nicht genutzt. Lizenzen, die # Tag lang ungenutzt bleiben, werden freigegeben – Ihre am ${date}.`,
        other: `Ihre Lizenz für ${product} bei ${org} wurde seit einiger Zeit nicht genutzt. Lizenzen, die # Tage lang ungenutzt bleiben, werden freigegeben – Ihre am ${date}.`,
      }),
    keep: ({ product }) => `Um sie zu behalten, öffnen Sie ${product} vorher.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `Ihre Lizenz für ${product} wurde freigegeben`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `Ihre Lizenz für ${product} bei ${org} wurde nach # Tag ohne Nutzung freigegeben.`,
        other: `Ihre Lizenz für ${product} bei ${org} wurde nach # Tagen ohne Nutzung freigegeben.`,
      }),
    action: ({ product }) => `Erneut eine Lizenz für ${product} anfordern`,
  },
};
