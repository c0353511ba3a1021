import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: '¿Quitar a {name}?',
  description: '{name} ({email}) pierde el acceso a esta organización al instante:',
  losesRole: 'su rol: {role}',
  losesSeats: '{count, plural, =0 {no tiene licencias} one {la licencia que tiene (se libera para otras personas)} many {las # de licencias que tiene (se liberan para otras personas)} other {las # licencias que tiene (se liberan para otras personas)}}',
  losesPending: 'sus invitaciones pendientes y todo lo que esté a la espera de su parte',
  emailNotice: 'Recibe un correo avisando de que su cuenta está en cola para eliminarse.',
  confirm: 'Quitar',
  removing: 'Quitando…',
  removed: 'Se quitó a {name}.',
  errorTitle: 'No se pudo quitar al miembro',
  ownerReason: 'No se puede quitar al propietario. Transfiere primero la propiedad a otra persona.',
  adminReason: 'Solo el propietario puede quitar a un administrador.',
  noPermission: 'Necesitas el permiso «Quitar miembros» para quitar miembros.',
};
