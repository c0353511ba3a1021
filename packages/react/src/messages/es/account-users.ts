import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'Usuarios de la cuenta',
  description: 'Las personas de {org}, sus invitaciones y sus licencias.',
  membersHeading: 'Miembros',
  invitationsHeading: 'Invitaciones',
  subscriptionsHeading: 'Suscripciones',
  rolesHeading: 'Roles',
  settingsHeading: 'Configuración',
  requestsHeading: '{count, plural, =0 {Solicitudes de licencia} one {Solicitudes de licencia (# pendiente)} many {Solicitudes de licencia (# pendientes)} other {Solicitudes de licencia (# pendientes)}}',
  noAccessTitle: 'No puedes ver los usuarios de esta cuenta',
  noAccessDescription: 'Pide a un administrador el permiso «Ver miembros».',
  noOrgTitle: 'No hay ninguna organización seleccionada',
  noOrgDescription: 'Elige una organización para gestionar sus usuarios.',
};
