import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: '{name} を削除しますか？',
  description: '{name}（{email}）はただちにこの組織へのアクセスを失い、次のものもなくなります：',
  losesRole: 'ロール：{role}',
  losesSeats: '{count, plural, =0 {保有しているライセンスはありません} =1 {保有しているライセンス（ほかのユーザーのために解放されます）} other {保有している # ライセンス（ほかのユーザーのために解放されます）}}',
  losesPending: '保留中の招待と、このユーザーの対応待ちの項目',
  emailNotice: 'アカウントが削除待ちになったことが、本人にメールで通知されます。',
  confirm: '削除',
  removing: '削除中…',
  removed: '{name} を削除しました。',
  errorTitle: 'メンバーを削除できませんでした',
  ownerReason: 'オーナーは削除できません。先に所有権をほかのユーザーに移譲してください。',
  adminReason: '管理者を削除できるのはオーナーのみです。',
  noPermission: 'メンバーを削除するには「メンバーの削除」権限が必要です。',
};
