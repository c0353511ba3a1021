import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: 'Transferir la propiedad',
  title: 'Transferir la propiedad',
  description: 'El nuevo propietario pasa a ser el contacto principal de la organización. Tú sigues en la organización como administrador.',
  newOwner: 'Nuevo propietario',
  choose: 'Elige un miembro',
  consequence: '{name} pasa a ser el propietario y contacto principal. Tú pasas a ser administrador.',
  confirm: 'Transferir la propiedad',
  transferring: 'Transfiriendo…',
  done: 'Se transfirió la propiedad a {name}.',
  errorTitle: 'No se pudo transferir la propiedad',
  ownerOnly: 'Solo el propietario puede transferir la propiedad.',
  noCandidates: 'Todavía no hay nadie más en la organización.',
};
