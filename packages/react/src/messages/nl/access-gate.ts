import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'Toegang controleren…',
  title: 'Toegang geweigerd',
  message: 'Toegang tot de app is op dit moment niet mogelijk. Kijk op onze website voor meer informatie over de status van je account.',
  reasonLabel: 'Reden:',
  reasons: {
    no_seat: 'Je hebt geen licentie voor {product}.',
    seat_reserved: 'Er is een licentie voor {product} voor je gereserveerd, maar nog niet toegewezen: accepteer je uitnodiging of vraag het een beheerder.',
    subscription_expired: 'Het abonnement op {product} is verlopen.',
    subscription_inactive: 'Het abonnement op {product} is niet actief (er staat bijvoorbeeld een betaling open).',
    member_suspended: 'Je account in deze organisatie is geblokkeerd.',
    not_a_member: 'Je bent geen lid van deze organisatie.',
  },
  requestAccess: 'Een beheerder om toegang vragen',
  contactOwner: '{name} mailen voor toegang',
  requestSent: 'Je verzoek is verstuurd.',
  requestSeat: 'Licentie aanvragen',
  requesting: 'Aanvragen…',
  requestedOn: 'Je hebt op {date} een licentie aangevraagd. De beheerders zijn op de hoogte: deze pagina gaat vanzelf open zodra je een licentie hebt.',
  requestDenied: 'Je aanvraag van {date} is niet toegekend.',
  requestAgain: 'Opnieuw aanvragen',
  requestFailed: 'Je aanvraag kon niet worden verstuurd: {reason}',
  mailSubject: 'Toegang tot {product}',
  mailBody: 'Hallo {name},\n\nIk kan {product} in {org} niet openen ({reason}). Kun je me een licentie toewijzen?\n\nBedankt.',
  errorTitle: 'Je toegang kon niet worden gecontroleerd',
};
