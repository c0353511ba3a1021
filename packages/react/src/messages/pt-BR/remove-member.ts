import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: 'Remover {name}?',
  description: '{name} ({email}) perde o acesso a esta organização na hora:',
  losesRole: 'o papel: {role}',
  losesSeats: '{count, plural, =0 {não tem licenças} one {a licença que tem (liberada para outras pessoas)} many {as # de licenças que tem (liberadas para outras pessoas)} other {as # licenças que tem (liberadas para outras pessoas)}}',
  losesPending: 'os convites pendentes e tudo o que depende dessa pessoa',
  emailNotice: 'A pessoa recebe um e-mail avisando que a conta está na fila para exclusão.',
  confirm: 'Remover',
  removing: 'Removendo…',
  removed: '{name} foi removido.',
  errorTitle: 'Não foi possível remover o membro',
  ownerReason: 'O proprietário não pode ser removido. Transfira a propriedade para outra pessoa primeiro.',
  adminReason: 'Somente o proprietário pode remover um administrador.',
  noPermission: 'Você precisa da permissão “Remover membros” para remover membros.',
};
