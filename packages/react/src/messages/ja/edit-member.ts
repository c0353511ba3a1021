import type { Messages } from '../types.js';

export const editMember: Messages['editMember'] = {
  title: '{name} を編集',
  description: 'このユーザーの情報、ロール、追加の権限を変更します。',
  email: 'メールアドレス',
  role: 'ロール',
  status: 'ステータス',
  permissionsLegend: '権限',
  permissionsHelp: 'ロールの権限は含まれています。このユーザーだけに付与する権限を追加でチェックしてください。',
  fromRole: 'ロールから付与',
  saved: '変更を保存しました。',
  errorTitle: '変更を保存できませんでした',
  ownerRoleLocked: 'オーナーのロールは所有権の移譲によってのみ変わります。',
  adminRoleLocked: '管理者のロールを変更できるのはオーナーのみです。',
  ownerRoleOption: '所有権の移譲によってのみ変更できます。',
  noPermission: 'メンバーを変更するには「メンバーの編集」権限が必要です。',
  loadError: 'このメンバーを読み込めませんでした',
};
