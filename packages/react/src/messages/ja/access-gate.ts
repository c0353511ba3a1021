import type { Messages } from '../types.js';

export const accessGate: Messages['accessGate'] = {
  checking: 'アクセスを確認中…',
  title: 'アクセスが拒否されました',
  message: '現在、アプリにアクセスできません。アカウントの状態について詳しくは、当社のウェブサイトをご覧ください。',
  reasonLabel: '理由：',
  reasons: {
    no_seat: '{product} のライセンスを保有していません。',
    seat_reserved: '{product} のライセンスが予約されていますが、まだ割り当てられていません。招待を承諾するか、管理者にお問い合わせください。',
    subscription_expired: '{product} のサブスクリプションは期限切れです。',
    subscription_inactive: '{product} のサブスクリプションが有効ではありません（支払いの遅延など）。',
    member_suspended: 'この組織でのあなたのアカウントは停止されています。',
    not_a_member: 'あなたはこの組織のメンバーではありません。',
  },
  requestAccess: '管理者にアクセスを依頼',
  contactOwner: '{name} にメールでアクセスを依頼',
  requestSent: 'リクエストを送信しました。',
  requestSeat: 'ライセンスをリクエスト',
  requesting: 'リクエスト中…',
  requestedOn: '{date} にライセンスをリクエストしました。管理者には通知済みです。ライセンスが割り当てられると、このページは自動的に開きます。',
  requestDenied: '{date} のリクエストは承認されませんでした。',
  requestAgain: 'もう一度リクエスト',
  requestFailed: 'リクエストを送信できませんでした：{reason}',
  mailSubject: '{product} へのアクセス',
  mailBody: '{name} 様\n\n{org} で {product} を開けません（{reason}）。ライセンスを割り当てていただけますか？\n\nよろしくお願いいたします。',
  errorTitle: 'アクセスを確認できませんでした',
};
