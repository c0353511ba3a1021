import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: 'Editar a {name}',
  description: 'Cambia los datos, el rol y los permisos adicionales de la persona.',
  email: 'Correo electrónico',
  role: 'Rol',
  status: 'Estado',
  permissionsLegend: 'Permisos',
  permissionsHelp: 'Los permisos del rol ya están incluidos. Marca otros para concedérselos solo a esta persona.',
  fromRole: 'del rol',
  saved: 'Cambios guardados.',
  errorTitle: 'No se pudieron guardar los cambios',
  ownerRoleLocked: 'El rol del propietario solo cambia al transferir la propiedad.',
  adminRoleLocked: 'Solo el propietario puede cambiar el rol de un administrador.',
  ownerRoleOption: 'Solo transfiriendo la propiedad.',
  noPermission: 'Necesitas el permiso «Editar miembros» para modificar miembros.',
  loadError: 'No se pudo cargar este miembro',
};
