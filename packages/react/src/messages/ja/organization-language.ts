import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: '組織の言語',
  description: 'メンバーへの招待やその他のメールはこの言語で送信されます。',
  save: '言語を保存',
  saved: '組織の言語を {language} に変更しました。',
  ownerOnly: '組織の言語を変更できるのはオーナーのみです。',
  error: '言語を変更できませんでした',
  loadError: '組織の言語を読み込めませんでした',
};
