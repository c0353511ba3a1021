import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'Inhaberschaft übertragen',
  title: 'Inhaberschaft übertragen',
  description: 'Der neue Inhaber wird die Hauptansprechperson der Organisation. Sie bleiben als Administrator in der Organisation.',
  newOwner: 'Neuer Inhaber',
  choose: 'Mitglied wählen',
  consequence: '{name} wird Inhaber und Hauptansprechperson. Sie werden Administrator.',
  confirm: 'Inhaberschaft übertragen',
  transferring: 'Wird übertragen…',
  done: 'Die Inhaberschaft wurde an {name} übertragen.',
  errorTitle: 'Die Inhaberschaft konnte nicht übertragen werden',
  ownerOnly: 'Nur der Inhaber kann die Inhaberschaft übertragen.',
  noCandidates: 'Es gibt noch niemanden sonst in der Organisation.',
};
