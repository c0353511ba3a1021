import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'Añadir usuario',
  title: 'Añadir un usuario',
  description: 'La persona se añade al instante y recibe un correo con los datos de su cuenta.',
  email: 'Correo electrónico',
  role: 'Rol',
  submit: 'Añadir usuario',
  adding: 'Añadiendo…',
  added: 'Se añadió a {name}; recibió un correo con los datos de su cuenta.',
  errorTitle: 'No se pudo añadir el usuario',
  noPermission: 'Necesitas el permiso «Invitar y añadir miembros» para añadir usuarios.',
};
