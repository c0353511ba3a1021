import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'Przekaż własność',
  title: 'Przekazanie własności',
  description: 'Nowy właściciel stanie się głównym kontaktem organizacji. Ty pozostaniesz w organizacji jako administrator.',
  newOwner: 'Nowy właściciel',
  choose: 'Wybierz członka',
  consequence: '{name} zostanie właścicielem i głównym kontaktem. Ty zostaniesz administratorem.',
  confirm: 'Przekaż własność',
  transferring: 'Przekazywanie…',
  done: 'Przekazano własność. Nowy właściciel: {name}.',
  errorTitle: 'Nie udało się przekazać własności',
  ownerOnly: 'Tylko właściciel może przekazać własność.',
  noCandidates: 'W organizacji nie ma jeszcze nikogo innego.',
};
