import { plural, type EmailMessages } from './messages.js';

const days = plural('fr');
// French sets a no-break space before a colon.
const NBSP = '\u00a0';

export const fr: EmailMessages = {
  greeting: ({ firstName }) => `Bonjour ${firstName},`,
  linkLine: ({ label, url }) => `${label}${NBSP}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Propriétaire', admin: 'Administrateur', member: 'Membre' },
  openProduct: ({ product }) => `Ouvrir ${product}`,
  invitation: {
    subject: ({ org }) => `Invitation à rejoindre ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} vous invite à rejoindre ${org} avec le rôle ${role}.`,
    invited: ({ org, role }) => `Vous avez reçu une invitation à rejoindre ${org} avec le rôle ${role}.`,
    action: ({ org }) => `Accepter l’invitation à rejoindre ${org}`,
    expiry: ({ date }) => `Ce lien est valable jusqu’au ${date}. Si vous n’attendiez pas cet e-mail, vous pouvez l’ignorer.`,
  },
  welcome: {
    subject: ({ org }) => `Votre compte dans ${org}`,
    created: ({ org }) => `Un compte a été créé pour vous dans ${org}.`,
    details: 'Détails du compte',
    name: ({ name }) => `Nom${NBSP}: ${name}`,
    email: ({ email }) => `E-mail (votre identifiant de connexion)${NBSP}: ${email}`,
    role: ({ role }) => `Rôle${NBSP}: ${role}`,
    organization: ({ org }) => `Organisation${NBSP}: ${org}`,
    action: ({ org }) => `Se connecter à ${org}`,
  },
  removal: {
    subject: ({ org }) => `Votre compte dans ${org} va être supprimé`,
    removed: ({ org }) => `Votre compte dans ${org} a été retiré et sera supprimé. Vous n’avez plus accès à ${org}.`,
    mistake: ({ org }) => `Si vous pensez qu’il s’agit d’une erreur, contactez un administrateur de ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `Une licence de ${product} vous a été attribuée`,
    assigned: ({ product, org }) => `Vous disposez désormais d’une licence de ${product} dans ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} demande une licence de ${product}`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) demande une licence de ${product} dans ${org}.`,
    note: ({ note }) => `Son message${NBSP}: ${note}`,
    action: ({ requester }) => `Examiner la demande de ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `Votre licence de ${product} est prête`,
    approved: ({ product, org }) => `Votre demande de licence de ${product} dans ${org} a été approuvée${NBSP}: la licence est à vous.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `Votre demande de licence de ${product} a été refusée`,
    denied: ({ product, org }) => `Votre demande de licence de ${product} dans ${org} a été refusée.`,
    reason: ({ reason }) => `Motif indiqué${NBSP}: ${reason}`,
    contact: ({ org }) => `Si vous en avez toujours besoin, contactez un administrateur de ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `Votre licence de ${product} sera bientôt libérée`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `Votre licence de ${product} dans ${org} n’a pas servi depuis un moment. Les licences inutilisées pendant # jour sont libérées, et la vôtre le sera le ${date}.`,
        many: `Votre licence de ${product} dans ${org} n’a pas servi depuis un moment. Les licences inutilisées pendant # de jours sont libérées, et la vôtre le sera le ${date}.`,
        other: `Votre licence de ${product} dans ${org} n’a pas servi depuis un moment. Les licences inutilisées pendant # jours sont libérées, et la vôtre le sera le ${date}.`,
      }),
    keep: ({ product }) => `Pour la conserver, ouvrez ${product} d’ici là.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `Votre licence de ${product} a été libérée`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `Votre licence de ${product} dans ${org} a été libérée après # jour sans utilisation.`,
        many: `Votre licence de ${product} dans ${org} a été libérée après # de jours sans utilisation.`,
        other: `Votre licence de ${product} dans ${org} a été libérée après # jours sans utilisation.`,
      }),
    action: ({ product }) => `Demander à nouveau une licence de ${product}`,
  },
};
