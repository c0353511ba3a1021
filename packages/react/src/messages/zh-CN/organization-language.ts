import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: '组织语言',
  description: '发给成员的邀请和其他邮件都使用此语言。',
  save: '保存语言',
  saved: '组织语言已更改为 {language}。',
  ownerOnly: '只有所有者可以更改组织语言。',
  error: '无法更改语言',
  loadError: '无法加载组织语言',
};
