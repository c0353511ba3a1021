import { SeatKitAcceptInvitationElement } from './accept-invitation-element.js';
import { SeatKitAccessGateElement } from './access-gate-element.js';
import { SeatKitAccountUsersElement } from './account-users-element.js';

export type * from './api.js';

const ELEMENTS: Record<string, CustomElementConstructor> = {
  'seatkit-account-users': SeatKitAccountUsersElement,
  'seatkit-access-gate': SeatKitAccessGateElement,
  'seatkit-accept-invitation': SeatKitAcceptInvitationElement,
};

// Importing the module defines the elements. Twice on one page (two copies of the bundle) keeps the first.
for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, element);
}
