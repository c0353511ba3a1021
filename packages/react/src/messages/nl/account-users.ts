import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'Gebruikers van het account',
  description: 'De mensen in {org}, hun uitnodigingen en hun licenties.',
  membersHeading: 'Leden',
  invitationsHeading: 'Uitnodigingen',
  subscriptionsHeading: 'Abonnementen',
  rolesHeading: 'Rollen',
  settingsHeading: 'Instellingen',
  requestsHeading: '{count, plural, =0 {Licentieaanvragen} one {Licentieaanvragen (# open)} other {Licentieaanvragen (# open)}}',
  noAccessTitle: 'Je kunt de gebruikers van dit account niet zien',
  noAccessDescription: 'Vraag een beheerder om het recht ‘Leden bekijken’.',
  noOrgTitle: 'Geen organisatie geselecteerd',
  noOrgDescription: 'Kies een organisatie om de gebruikers ervan te beheren.',
};
