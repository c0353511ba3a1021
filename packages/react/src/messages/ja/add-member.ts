import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: 'ユーザーを追加',
  title: 'ユーザーの追加',
  description: 'ユーザーはすぐに追加され、アカウント情報がメールで送信されます。',
  email: 'メールアドレス',
  role: 'ロール',
  submit: 'ユーザーを追加',
  adding: '追加中…',
  added: '{name} を追加しました。アカウント情報をメールで送信しました。',
  errorTitle: 'ユーザーを追加できませんでした',
  noPermission: 'ユーザーを追加するには「メンバーの招待と追加」権限が必要です。',
};
