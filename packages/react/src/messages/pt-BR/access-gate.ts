import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'Verificando o acesso…',
  title: 'Acesso negado',
  message: 'O acesso ao aplicativo não está disponível no momento. Visite nosso site para saber mais sobre o status da sua conta.',
  reasonLabel: 'Motivo:',
  reasons: {
    no_seat: 'Você não tem uma licença de {product}.',
    seat_reserved: 'Uma licença de {product} está reservada para você, mas ainda não foi atribuída: aceite seu convite ou fale com um administrador.',
    subscription_expired: 'A assinatura de {product} expirou.',
    subscription_inactive: 'A assinatura de {product} não está ativa (por exemplo, há um pagamento em atraso).',
    member_suspended: 'Sua conta nesta organização está suspensa.',
    not_a_member: 'Você não é membro desta organização.',
  },
  requestAccess: 'Pedir acesso a um administrador',
  contactOwner: 'Pedir acesso a {name} por e-mail',
  requestSent: 'Sua solicitação foi enviada.',
  requestSeat: 'Solicitar uma licença',
  requesting: 'Solicitando…',
  requestedOn: 'Você solicitou uma licença em {date}. Os administradores foram avisados: esta página abre sozinha assim que a licença for sua.',
  requestDenied: 'Sua solicitação de {date} não foi aprovada.',
  requestAgain: 'Solicitar novamente',
  requestFailed: 'Não foi possível enviar sua solicitação: {reason}',
  mailSubject: 'Acesso a {product}',
  mailBody: 'Olá, {name},\n\nNão consigo abrir {product} em {org} ({reason}). Você poderia me atribuir uma licença?\n\nObrigado.',
  errorTitle: 'Não foi possível verificar seu acesso',
};
