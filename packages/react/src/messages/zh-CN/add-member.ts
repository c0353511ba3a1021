import type { Messages } from '../types.js';

export const addMember: Messages['addMember'] = {
  open: '添加用户',
  title: '添加用户',
  description: '此人将被立即添加，并会收到一封包含账号信息的邮件。',
  email: '邮箱',
  role: '角色',
  submit: '添加用户',
  adding: '正在添加…',
  added: '已添加 {name}，账号信息已通过邮件发送给对方。',
  errorTitle: '无法添加用户',
  noPermission: '您需要“邀请和添加成员”权限才能添加用户。',
};
