import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: '要移除 {name} 吗？',
  description: '{name}（{email}）将立即失去对该组织的访问权限，同时失去：',
  losesRole: '角色：{role}',
  losesSeats: '{count, plural, =0 {未持有任何席位} =1 {所持有的席位（将释放给其他人）} other {所持有的 # 个席位（将释放给其他人）}}',
  losesPending: '待接受的邀请，以及所有等待其处理的事项',
  emailNotice: '系统会发送邮件，告知其账号已进入待删除队列。',
  confirm: '移除',
  removing: '正在移除…',
  removed: '已移除 {name}。',
  errorTitle: '无法移除该成员',
  ownerReason: '无法移除所有者。请先将所有权转让给其他人。',
  adminReason: '只有所有者才能移除管理员。',
  noPermission: '您需要“移除成员”权限才能移除成员。',
};
