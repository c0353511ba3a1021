import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: '账号用户',
  description: '{org} 中的人员、邀请和席位。',
  membersHeading: '成员',
  invitationsHeading: '邀请',
  subscriptionsHeading: '订阅',
  rolesHeading: '角色',
  settingsHeading: '设置',
  requestsHeading: '{count, plural, =0 {席位申请} other {席位申请（# 个待处理）}}',
  noAccessTitle: '您无法查看此账号的用户',
  noAccessDescription: '请向管理员申请“查看成员”权限。',
  noOrgTitle: '未选择组织',
  noOrgDescription: '请选择一个组织来管理其用户。',
};
