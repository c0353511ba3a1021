import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'Język organizacji',
  description: 'W tym języku są pisane zaproszenia i inne e-maile do jej członków.',
  save: 'Zapisz język',
  saved: 'Język organizacji to teraz {language}.',
  ownerOnly: 'Tylko właściciel może zmienić język organizacji.',
  error: 'Nie udało się zmienić języka',
  loadError: 'Nie udało się wczytać języka organizacji',
};
