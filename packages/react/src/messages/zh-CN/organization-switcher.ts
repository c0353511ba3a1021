import type { Messages } from '../types.js';

export const organizationSwitcher: Messages['organizationSwitcher'] = {
  label: '组织',
  searchLabel: '搜索组织',
  searchPlaceholder: '搜索组织',
  listLabel: '组织',
  current: '当前',
  role: '您的角色：{role}',
  noMatches: '没有与“{query}”匹配的组织。',
  noOrganizations: '您尚未加入任何组织。',
  choose: '选择组织',
  errorTitle: '无法加载您的组织',
};
