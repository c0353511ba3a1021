import type { Messages } from '../types.js';
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

/** Dutch messages: `<SeatKitProvider messages={nl} locale="nl">`. Typed as `Messages`, so a missing key fails the build. */
export const nl: Messages = {
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
