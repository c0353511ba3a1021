import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'Gebruiker toevoegen',
  title: 'Een gebruiker toevoegen',
  description: 'De persoon wordt meteen toegevoegd en krijgt een e-mail met de accountgegevens.',
  email: 'E-mailadres',
  role: 'Rol',
  submit: 'Gebruiker toevoegen',
  adding: 'Toevoegen…',
  added: '{name} is toegevoegd en heeft een e-mail met de accountgegevens gekregen.',
  errorTitle: 'De gebruiker kon niet worden toegevoegd',
  noPermission: 'Om gebruikers toe te voegen heb je het recht ‘Leden uitnodigen en toevoegen’ nodig.',
};
