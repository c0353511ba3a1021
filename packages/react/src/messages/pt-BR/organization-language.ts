import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'Idioma da organização',
  description: 'Os convites e os demais e-mails para os membros são escritos neste idioma.',
  save: 'Salvar idioma',
  saved: 'O idioma da organização agora é {language}.',
  ownerOnly: 'Somente o proprietário pode alterar o idioma da organização.',
  error: 'Não foi possível alterar o idioma',
  loadError: 'Não foi possível carregar o idioma da organização',
};
