import { accountUsers } from './account-users.js';
import { common } from './common.js';
import { editMember } from './edit-member.js';
import { invite } from './invite.js';
import { members } from './members.js';
import { removeMember } from './remove-member.js';
import { transferOwnership } from './transfer-ownership.js';

/**
 * The English messages, the default. One namespace per component (or group), one file per namespace.
 * Templates use `format()` syntax: `{name}` and `{count, plural, one {…} other {…}}`.
 */
export const en = {
  common,
  members,
  invite,
  editMember,
  removeMember,
  transferOwnership,
  accountUsers,
};
