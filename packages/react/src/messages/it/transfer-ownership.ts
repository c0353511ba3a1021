import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'Trasferisci la proprietà',
  title: 'Trasferisci la proprietà',
  description: 'Il nuovo proprietario diventa il contatto principale dell’organizzazione. Tu resti nell’organizzazione come amministratore.',
  newOwner: 'Nuovo proprietario',
  choose: 'Scegli un membro',
  consequence: '{name} diventa proprietario e contatto principale. Tu diventi amministratore.',
  confirm: 'Trasferisci la proprietà',
  transferring: 'Trasferimento in corso…',
  done: 'La proprietà è stata trasferita a {name}.',
  errorTitle: 'Impossibile trasferire la proprietà',
  ownerOnly: 'Solo il proprietario può trasferire la proprietà.',
  noCandidates: 'Non c’è ancora nessun altro nell’organizzazione.',
};
