import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'Dodaj użytkownika',
  title: 'Dodaj użytkownika',
  description: 'Osoba zostanie dodana od razu i otrzyma e-mail z danymi konta.',
  email: 'E-mail',
  role: 'Rola',
  submit: 'Dodaj użytkownika',
  adding: 'Dodawanie…',
  added: 'Dodano użytkownika {name}. Dane konta zostały wysłane e-mailem.',
  errorTitle: 'Nie udało się dodać użytkownika',
  noPermission: 'Aby dodawać użytkowników, potrzebujesz uprawnienia „Zapraszanie i dodawanie członków”.',
};
