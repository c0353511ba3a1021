import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'Comprobando el acceso…',
  title: 'Acceso denegado',
  message: 'El acceso a la aplicación no está disponible en este momento. Visita nuestro sitio web para obtener más información sobre el estado de tu cuenta.',
  reasonLabel: 'Motivo:',
  reasons: {
    no_seat: 'No tienes una licencia de {product}.',
    seat_reserved: 'Hay una licencia de {product} reservada para ti, pero aún no asignada: acepta tu invitación o pregunta a un administrador.',
    subscription_expired: 'La suscripción a {product} ha vencido.',
    subscription_inactive: 'La suscripción a {product} no está activa (por ejemplo, hay un pago pendiente).',
    member_suspended: 'Tu cuenta en esta organización está suspendida.',
    not_a_member: 'No eres miembro de esta organización.',
  },
  requestAccess: 'Pedir acceso a un administrador',
  contactOwner: 'Escribir a {name} para pedir acceso',
  requestSent: 'Se envió tu solicitud.',
  requestSeat: 'Solicitar una licencia',
  requesting: 'Solicitando…',
  requestedOn: 'Solicitaste una licencia el {date}. Ya avisamos a los administradores: esta página se abrirá sola cuando tengas una licencia.',
  requestDenied: 'Tu solicitud del {date} no fue aprobada.',
  requestAgain: 'Volver a solicitar',
  requestFailed: 'No se pudo enviar tu solicitud: {reason}',
  mailSubject: 'Acceso a {product}',
  mailBody: 'Hola, {name}:\n\nNo puedo abrir {product} en {org} ({reason}). ¿Podrías asignarme una licencia?\n\nGracias.',
  errorTitle: 'No se pudo comprobar tu acceso',
};
