import type { Messages } from '../types.js';

export const transferOwnership: Messages['transferOwnership'] = {
  open: '所有権を移譲',
  title: '所有権の移譲',
  description: '新しいオーナーが組織の主な連絡先になります。あなたは管理者として組織に残ります。',
  newOwner: '新しいオーナー',
  choose: 'メンバーを選択',
  consequence: '{name} がオーナー兼主な連絡先になります。あなたは管理者になります。',
  confirm: '所有権を移譲',
  transferring: '移譲中…',
  done: '所有権を {name} に移譲しました。',
  errorTitle: '所有権を移譲できませんでした',
  ownerOnly: '所有権を移譲できるのはオーナーのみです。',
  noCandidates: '組織にはまだほかのメンバーがいません。',
};
