import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'Vérification de l’accès…',
  title: 'Accès refusé',
  message: 'L’accès à l’application est actuellement indisponible. Consultez notre site web pour en savoir plus sur l’état de votre compte.',
  reasonLabel: 'Motif :',
  reasons: {
    no_seat: 'Vous ne détenez pas de licence de {product}.',
    seat_reserved: 'Une licence de {product} vous est réservée mais pas encore attribuée : acceptez votre invitation ou demandez à un administrateur.',
    subscription_expired: 'L’abonnement à {product} a expiré.',
    subscription_inactive: 'L’abonnement à {product} n’est pas actif (par exemple, un paiement est en retard).',
    member_suspended: 'Votre compte dans cette organisation est suspendu.',
    not_a_member: 'Vous n’êtes pas membre de cette organisation.',
  },
  requestAccess: 'Demander l’accès à un administrateur',
  contactOwner: 'Écrire à {name} pour obtenir l’accès',
  requestSent: 'Votre demande a été envoyée.',
  requestSeat: 'Demander une licence',
  requesting: 'Envoi de la demande…',
  requestedOn: 'Vous avez demandé une licence le {date}. Les administrateurs ont été prévenus : cette page s’ouvrira d’elle-même dès qu’une licence vous sera attribuée.',
  requestDenied: 'Votre demande du {date} n’a pas été acceptée.',
  requestAgain: 'Redemander',
  requestFailed: 'Votre demande n’a pas pu être envoyée : {reason}',
  mailSubject: 'Accès à {product}',
  mailBody: 'Bonjour {name},\n\nJe ne peux pas ouvrir {product} dans {org} ({reason}). Pourriez-vous m’attribuer une licence ?\n\nMerci.',
  errorTitle: 'Impossible de vérifier votre accès',
};
