import { plural, type EmailMessages } from './messages.js';

const days = plural('zh-CN');

export const zhCN: EmailMessages = {
  greeting: ({ firstName }) => `${firstName}，您好：`,
  linkLine: ({ label, url }) => `${label}：${url}`,
  fullName: ({ firstName, lastName }) => `${lastName} ${firstName}`,
  roles: { owner: '所有者', admin: '管理员', member: '成员' },
  openProduct: ({ product }) => `打开 ${product}`,
  invitation: {
    subject: ({ org }) => `邀请您加入 ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} 邀请您以“${role}”身份加入 ${org}。`,
    invited: ({ org, role }) => `您受邀以“${role}”身份加入 ${org}。`,
    action: ({ org }) => `接受加入 ${org} 的邀请`,
    expiry: ({ date }) => `此链接在 ${date} 前有效。如果您没有预料到这封邮件，可以忽略它。`,
  },
  welcome: {
    subject: ({ org }) => `您在 ${org} 的账户`,
    created: ({ org }) => `已在 ${org} 为您创建账户。`,
    details: '账户信息',
    name: ({ name }) => `姓名：${name}`,
    email: ({ email }) => `邮箱（用于登录）：${email}`,
    role: ({ role }) => `角色：${role}`,
    organization: ({ org }) => `组织：${org}`,
    action: ({ org }) => `登录 ${org}`,
  },
  removal: {
    subject: ({ org }) => `您在 ${org} 的账户即将被删除`,
    removed: ({ org }) => `您在 ${org} 的账户已被移除，正在等待删除。您已无法再访问 ${org}。`,
    mistake: ({ org }) => `如果您认为这是误操作，请联系 ${org} 的管理员。`,
  },
  seatAssigned: {
    subject: ({ product }) => `您已获得 ${product} 的席位`,
    assigned: ({ product, org }) => `您现在拥有 ${org} 中 ${product} 的一个席位。`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} 申请 ${product} 的席位`,
    asked: ({ requester, email, product, org }) => `${requester}（${email}）申请 ${org} 中 ${product} 的一个席位。`,
    note: ({ note }) => `附言：${note}`,
    action: ({ requester }) => `审核 ${requester} 的申请`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `您的 ${product} 席位已就绪`,
    approved: ({ product, org }) => `您在 ${org} 申请的 ${product} 席位已获批准，该席位现归您使用。`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `您的 ${product} 申请已被拒绝`,
    denied: ({ product, org }) => `您在 ${org} 申请的 ${product} 席位已被拒绝。`,
    reason: ({ reason }) => `拒绝理由：${reason}`,
    contact: ({ org }) => `如果您仍然需要，请联系 ${org} 的管理员。`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `您的 ${product} 席位即将被释放`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        other: `您在 ${org} 的 ${product} 席位已有一段时间未使用。连续 # 天未使用的席位将被释放，您的席位将于 ${date} 释放。`,
      }),
    keep: ({ product }) => `如需保留，请在此之前打开 ${product}。`,
  },
  seatReclaimed: {
    subject: ({ product }) => `您的 ${product} 席位已被释放`,
    released: ({ product, org, days: n }) =>
      days(n, {
        other: `您在 ${org} 的 ${product} 席位因连续 # 天未使用已被释放。`,
      }),
    action: ({ product }) => `重新申请 ${product}`,
  },
};
