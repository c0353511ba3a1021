import type { Messages } from '../types.js';
import { accountUsers } from './account-users.js';
import { common } from './common.js';
import { editMember } from './edit-member.js';
import { invite } from './invite.js';
import { members } from './members.js';
import { removeMember } from './remove-member.js';
import { transferOwnership } from './transfer-ownership.js';

/** French messages: `<SeatKitProvider messages={fr} locale="fr">`. Typed as `Messages`, so a missing key fails the build. */
export const fr: Messages = {
  common,
  members,
  invite,
  editMember,
  removeMember,
  transferOwnership,
  accountUsers,
};
