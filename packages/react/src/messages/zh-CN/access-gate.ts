import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: '正在检查访问权限…',
  title: '访问被拒绝',
  message: '目前无法访问该应用。请访问我们的网站，详细了解您的账号状态。',
  reasonLabel: '原因：',
  reasons: {
    no_seat: '您没有 {product} 的席位。',
    seat_reserved: '已为您预留了 {product} 的席位，但尚未分配：请接受邀请，或联系管理员。',
    subscription_expired: '{product} 的订阅已过期。',
    subscription_inactive: '{product} 的订阅未生效（例如付款逾期）。',
    member_suspended: '您在该组织中的账号已被停用。',
    not_a_member: '您不是该组织的成员。',
  },
  requestAccess: '向管理员申请访问权限',
  contactOwner: '发邮件给 {name} 申请访问权限',
  requestSent: '您的申请已发送。',
  requestSeat: '申请席位',
  requesting: '正在申请…',
  requestedOn: '您已于 {date} 申请席位，管理员已收到通知：席位分配给您后，此页面会自动打开。',
  requestDenied: '您于 {date} 提交的申请未获批准。',
  requestAgain: '再次申请',
  requestFailed: '无法发送您的申请：{reason}',
  mailSubject: '{product} 的访问权限',
  mailBody: '{name}，您好：\n\n我无法在 {org} 中打开 {product}（{reason}）。能否为我分配一个席位？\n\n谢谢。',
  errorTitle: '无法检查您的访问权限',
};
