import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: '编辑 {name}',
  description: '更改此人的信息、角色和额外权限。',
  email: '邮箱',
  role: '角色',
  status: '状态',
  permissionsLegend: '权限',
  permissionsHelp: '已包含角色自带的权限。勾选其他权限，即可仅授予此人。',
  fromRole: '来自角色',
  saved: '更改已保存。',
  errorTitle: '无法保存更改',
  ownerRoleLocked: '所有者的角色只能通过转让所有权来变更。',
  adminRoleLocked: '只有所有者才能更改管理员的角色。',
  ownerRoleOption: '只能通过转让所有权来变更。',
  noPermission: '您需要“编辑成员”权限才能更改成员。',
  loadError: '无法加载此成员',
};
