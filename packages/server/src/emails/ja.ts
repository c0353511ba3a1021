import { plural, type EmailMessages } from './messages.js';

const days = plural('ja');

export const ja: EmailMessages = {
  greeting: ({ firstName }) => `${firstName} 様`,
  linkLine: ({ label, url }) => `${label}：${url}`,
  fullName: ({ firstName, lastName }) => `${lastName} ${firstName}`,
  roles: { owner: 'オーナー', admin: '管理者', member: 'メンバー' },
  openProduct: ({ product }) => `${product} を開く`,
  invitation: {
    subject: ({ org }) => `${org} への招待`,
    invitedBy: ({ inviter, org, role }) => `${inviter} さんから、${org} に${role}として参加するよう招待されました。`,
    invited: ({ org, role }) => `${org} に${role}として参加するよう招待されました。`,
    action: ({ org }) => `${org} への招待を承諾する`,
    expiry: ({ date }) => `このリンクは ${date} まで有効です。心当たりのない場合は、このメールを無視してください。`,
  },
  welcome: {
    subject: ({ org }) => `${org} のアカウント`,
    created: ({ org }) => `${org} にあなたのアカウントが作成されました。`,
    details: 'アカウント情報',
    name: ({ name }) => `氏名：${name}`,
    email: ({ email }) => `メールアドレス（サインイン用）：${email}`,
    role: ({ role }) => `ロール：${role}`,
    organization: ({ org }) => `組織：${org}`,
    action: ({ org }) => `${org} にサインインする`,
  },
  removal: {
    subject: ({ org }) => `${org} のアカウントは削除される予定です`,
    removed: ({ org }) => `${org} のあなたのアカウントは削除され、データの消去を待っています。今後 ${org} にはアクセスできません。`,
    mistake: ({ org }) => `誤りだと思われる場合は、${org} の管理者にお問い合わせください。`,
  },
  seatAssigned: {
    subject: ({ product }) => `${product} が割り当てられました`,
    assigned: ({ product, org }) => `${org} で ${product} のライセンスが割り当てられました。`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} さんが ${product} のライセンスを申請しています`,
    asked: ({ requester, email, product, org }) => `${requester} さん（${email}）が ${org} で ${product} のライセンスを申請しています。`,
    note: ({ note }) => `メッセージ：${note}`,
    action: ({ requester }) => `${requester} さんの申請を確認する`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `${product} のライセンスの準備ができました`,
    approved: ({ product, org }) => `${org} での ${product} のライセンス申請が承認されました。ライセンスはあなたのものです。`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `${product} の申請は却下されました`,
    denied: ({ product, org }) => `${org} での ${product} のライセンス申請は却下されました。`,
    reason: ({ reason }) => `理由：${reason}`,
    contact: ({ org }) => `引き続き必要な場合は、${org} の管理者にお問い合わせください。`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `${product} のライセンスはまもなく解放されます`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        other: `${org} の ${product} のライセンスはしばらく使用されていません。# 日間使用されていないライセンスは解放されます。あなたのライセンスは ${date} に解放されます。`,
      }),
    keep: ({ product }) => `ライセンスを維持するには、それまでに ${product} を開いてください。`,
  },
  seatReclaimed: {
    subject: ({ product }) => `${product} のライセンスが解放されました`,
    released: ({ product, org, days: n }) =>
      days(n, {
        other: `${org} の ${product} のライセンスは、# 日間使用されなかったため解放されました。`,
      }),
    action: ({ product }) => `${product} をもう一度申請する`,
  },
};
