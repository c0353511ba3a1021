import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'アカウントのユーザー',
  description: '{org} のユーザー、招待、ライセンス。',
  membersHeading: 'メンバー',
  invitationsHeading: '招待',
  subscriptionsHeading: 'サブスクリプション',
  rolesHeading: 'ロール',
  settingsHeading: '設定',
  requestsHeading: '{count, plural, =0 {ライセンスのリクエスト} other {ライセンスのリクエスト（保留中 #）}}',
  noAccessTitle: 'このアカウントのユーザーを表示する権限がありません',
  noAccessDescription: '管理者に「メンバーの閲覧」権限を依頼してください。',
  noOrgTitle: '組織が選択されていません',
  noOrgDescription: 'ユーザーを管理する組織を選択してください。',
};
