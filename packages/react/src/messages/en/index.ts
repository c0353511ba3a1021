import { accountUsers } from './account-users.js';
import { addMember } from './add-member.js';
import { common } from './common.js';
import { editMember } from './edit-member.js';
import { invite } from './invite.js';
import { members } from './members.js';
import { removeMember } from './remove-member.js';
import { transferOwnership } from './transfer-ownership.js';
import { invitations } from './invitations.js';
import { subscriptions } from './subscriptions.js';
import { assignSeat } from './assign-seat.js';
import { organizationSwitcher } from './organization-switcher.js';
import { accessGate } from './access-gate.js';
import { acceptInvitation } from './accept-invitation.js';
import { seatRequests } from './seat-requests.js';
import { seatUsage } from './seat-usage.js';
import { audit } from './audit.js';
import { roles } from './roles.js';
import { reclaimSeats } from './reclaim-seats.js';
import { organizationLanguage } from './organization-language.js';

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
  addMember,
  invitations,
  subscriptions,
  assignSeat,
  organizationSwitcher,
  accessGate,
  acceptInvitation,
  seatRequests,
  seatUsage,
  audit,
  roles,
  reclaimSeats,
  organizationLanguage,
};
