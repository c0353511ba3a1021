import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: '转让所有权',
  title: '转让所有权',
  description: '新所有者将成为组织的主要联系人。您将以管理员身份留在组织中。',
  newOwner: '新所有者',
  choose: '选择成员',
  consequence: '{name} 将成为所有者和主要联系人，您将成为管理员。',
  confirm: '转让所有权',
  transferring: '正在转让…',
  done: '已将所有权转让给 {name}。',
  errorTitle: '无法转让所有权',
  ownerOnly: '只有所有者才能转让所有权。',
  noCandidates: '组织中还没有其他人。',
};
