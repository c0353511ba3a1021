import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: '組織',
  searchLabel: '組織を検索',
  searchPlaceholder: '組織を検索',
  listLabel: '組織',
  current: '現在の組織',
  role: 'あなたのロール：{role}',
  noMatches: '「{query}」に一致する組織はありません。',
  noOrganizations: 'まだどの組織にも所属していません。',
  choose: '組織を選択',
  errorTitle: '組織を読み込めませんでした',
};
