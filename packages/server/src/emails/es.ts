import { plural, type EmailMessages } from './messages.js';

const days = plural('es');

export const es: EmailMessages = {
  greeting: ({ firstName }) => `Hola, ${firstName}:`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Propietario', admin: 'Administrador', member: 'Miembro' },
  openProduct: ({ product }) => `Abrir ${product}`,
  invitation: {
    subject: ({ org }) => `Invitación para unirte a ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} te ha invitado a unirte a ${org} con el rol ${role}.`,
    invited: ({ org, role }) => `Tienes una invitación para unirte a ${org} con el rol ${role}.`,
    action: ({ org }) => `Aceptar la invitación a ${org}`,
    expiry: ({ date }) => `El enlace es válido hasta el ${date}. Si no esperabas este correo, puedes ignorarlo.`,
  },
  welcome: {
    subject: ({ org }) => `Tu cuenta en ${org}`,
    created: ({ org }) => `Se ha creado una cuenta para ti en ${org}.`,
    details: 'Datos de la cuenta',
    name: ({ name }) => `Nombre: ${name}`,
    email: ({ email }) => `Correo electrónico (tu inicio de sesión): ${email}`,
    role: ({ role }) => `Rol: ${role}`,
    organization: ({ org }) => `Organización: ${org}`,
    action: ({ org }) => `Iniciar sesión en ${org}`,
  },
  removal: {
    subject: ({ org }) => `Tu cuenta en ${org} se eliminará`,
    removed: ({ org }) => `Tu cuenta en ${org} se ha retirado y está pendiente de eliminación. Ya no tienes acceso a ${org}.`,
    mistake: ({ org }) => `Si crees que se trata de un error, ponte en contacto con un administrador de ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `Se te ha asignado ${product}`,
    assigned: ({ product, org }) => `Ahora tienes una licencia de ${product} en ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} solicita una licencia de ${product}`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) solicita una licencia de ${product} en ${org}.`,
    note: ({ note }) => `Su nota: ${note}`,
    action: ({ requester }) => `Revisar la solicitud de ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `Tu licencia de ${product} está lista`,
    approved: ({ product, org }) => `Se ha aprobado tu solicitud de una licencia de ${product} en ${org}: la licencia es tuya.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `Se ha rechazado tu solicitud de ${product}`,
    denied: ({ product, org }) => `Se ha rechazado tu solicitud de una licencia de ${product} en ${org}.`,
    reason: ({ reason }) => `Motivo indicado: ${reason}`,
    contact: ({ org }) => `Si todavía la necesitas, ponte en contacto con un administrador de ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `Tu licencia de ${product} se liberará pronto`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `Tu licencia de ${product} en ${org} lleva un tiempo sin usarse. Las licencias que no se usan durante # día se liberan, y la tuya se liberará el ${date}.`,
        many: `Tu licencia de ${product} en ${org} lleva un tiempo sin usarse. Las licencias que no se usan durante # de días se liberan, y la tuya se liberará el ${date}.`,
        other: `Tu licencia de ${product} en ${org} lleva un tiempo sin usarse. Las licencias que no se usan durante # días se liberan, y la tuya se liberará el ${date}.`,
      }),
    keep: ({ product }) => `Para conservarla, abre ${product} antes de esa fecha.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `Se ha liberado tu licencia de ${product}`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `Tu licencia de ${product} en ${org} se ha liberado tras # día sin uso.`,
        many: `Tu licencia de ${product} en ${org} se ha liberado tras # de días sin uso.`,
        other: `Tu licencia de ${product} en ${org} se ha liberado tras # días sin uso.`,
      }),
    action: ({ product }) => `Volver a solicitar ${product}`,
  },
};
