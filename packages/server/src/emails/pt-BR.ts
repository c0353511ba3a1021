import { plural, type EmailMessages } from './messages.js';

const days = plural('pt-BR');

export const ptBR: EmailMessages = {
  greeting: ({ firstName }) => `Olá, ${firstName},`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Proprietário', admin: 'Administrador', member: 'Membro' },
  openProduct: ({ product }) => `Abrir ${product}`,
  invitation: {
    subject: ({ org }) => `Convite para participar de ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} convidou você para participar de ${org} com a função ${role}.`,
    invited: ({ org, role }) => `Você recebeu um convite para participar de ${org} com a função ${role}.`,
    action: ({ org }) => `Aceitar o convite para ${org}`,
    expiry: ({ date }) => `O link é válido até ${date}. Se você não esperava este e-mail, pode ignorá-lo.`,
  },
  welcome: {
    subject: ({ org }) => `Sua conta em ${org}`,
    created: ({ org }) => `Uma conta foi criada para você em ${org}.`,
    details: 'Dados da conta',
    name: ({ name }) => `Nome: ${name}`,
    email: ({ email }) => `E-mail (seu login): ${email}`,
    role: ({ role }) => `Função: ${role}`,
    organization: ({ org }) => `Organização: ${org}`,
    action: ({ org }) => `Entrar em ${org}`,
  },
  removal: {
    subject: ({ org }) => `Sua conta em ${org} será excluída`,
    removed: ({ org }) => `Sua conta em ${org} foi removida e está programada para exclusão. Você não tem mais acesso a ${org}.`,
    mistake: ({ org }) => `Se você acha que isso é um erro, entre em contato com um administrador de ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `Você recebeu acesso a ${product}`,
    assigned: ({ product, org }) => `Agora você tem uma licença de ${product} em ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} está pedindo uma licença de ${product}`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) está pedindo uma licença de ${product} em ${org}.`,
    note: ({ note }) => `Mensagem: ${note}`,
    action: ({ requester }) => `Analisar o pedido de ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `Sua licença de ${product} está pronta`,
    approved: ({ product, org }) => `Seu pedido de uma licença de ${product} em ${org} foi aprovado: a licença é sua.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `Seu pedido de ${product} foi recusado`,
    denied: ({ product, org }) => `Seu pedido de uma licença de ${product} em ${org} foi recusado.`,
    reason: ({ reason }) => `Motivo informado: ${reason}`,
    contact: ({ org }) => `Se ainda precisar dela, entre em contato com um administrador de ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `Sua licença de ${product} será liberada em breve`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `Sua licença de ${product} em ${org} não é usada há algum tempo. Licenças sem uso por # dia são liberadas, e a sua será liberada em ${date}.`,
        many: `Sua licença de ${product} em ${org} não é usada há algum tempo. Licenças sem uso por # de dias são liberadas, e a sua será liberada em ${date}.`,
        other: `Sua licença de ${product} em ${org} não é usada há algum tempo. Licenças sem uso por # dias são liberadas, e a sua será liberada em ${date}.`,
      }),
    keep: ({ product }) => `Para mantê-la, abra ${product} antes dessa data.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `Sua licença de ${product} foi liberada`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `Sua licença de ${product} em ${org} foi liberada após # dia sem uso.`,
        many: `Sua licença de ${product} em ${org} foi liberada após # de dias sem uso.`,
        other: `Sua licença de ${product} em ${org} foi liberada após # dias sem uso.`,
      }),
    action: ({ product }) => `Pedir ${product} novamente`,
  },
};
