import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'Aggiungi utente',
  title: 'Aggiungi un utente',
  description: 'La persona viene aggiunta subito e riceve un’email con i dati del suo account.',
  email: 'Email',
  role: 'Ruolo',
  submit: 'Aggiungi utente',
  adding: 'Aggiunta in corso…',
  added: '{name} è stato aggiunto e ha ricevuto un’email con i dati dell’account.',
  errorTitle: 'Impossibile aggiungere l’utente',
  noPermission: 'Per aggiungere utenti ti serve l’autorizzazione «Invitare e aggiungere membri».',
};
