import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'Transferir propriedade',
  title: 'Transferir propriedade',
  description: 'O novo proprietário passa a ser o contato principal da organização. Você continua na organização como administrador.',
  newOwner: 'Novo proprietário',
  choose: 'Escolha um membro',
  consequence: '{name} passa a ser o proprietário e contato principal. Você passa a ser administrador.',
  confirm: 'Transferir propriedade',
  transferring: 'Transferindo…',
  done: 'A propriedade foi transferida para {name}.',
  errorTitle: 'Não foi possível transferir a propriedade',
  ownerOnly: 'Somente o proprietário pode transferir a propriedade.',
  noCandidates: 'Ainda não há mais ninguém na organização.',
};
