import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'Eigendom overdragen',
  title: 'Eigendom overdragen',
  description: 'De nieuwe eigenaar wordt het eerste aanspreekpunt van de organisatie. Jij blijft als beheerder in de organisatie.',
  newOwner: 'Nieuwe eigenaar',
  choose: 'Kies een lid',
  consequence: '{name} wordt eigenaar en eerste aanspreekpunt. Jij wordt beheerder.',
  confirm: 'Eigendom overdragen',
  transferring: 'Overdragen…',
  done: 'Het eigendom is overgedragen aan {name}.',
  errorTitle: 'Het eigendom kon niet worden overgedragen',
  ownerOnly: 'Alleen de eigenaar kan het eigendom overdragen.',
  noCandidates: 'Er is nog niemand anders in de organisatie.',
};
