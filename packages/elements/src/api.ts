// The public types, apart from the runtime so their declarations build without the kit's sources (index.ts
// re-exports them; tsup's declaration step reads only this file).
import type * as Types from './types.js';

export type * from './types.js';

/** What every SeatKit element offers besides its attributes (`base-url`, `org-id`, `locale`). */
export interface SeatKitElementBase extends HTMLElement {
  /** Returns the signed-in user's bearer token; awaited before every request. Another function starts a fresh cache. */
  getToken: Types.GetToken | undefined;
}

/** `<seatkit-account-users>`: the whole users and licenses area. */
export type SeatKitAccountUsers = SeatKitElementBase;
/** `<seatkit-access-gate product="…">`: its children only for members who may use the product. */
export type SeatKitAccessGate = SeatKitElementBase;
/** `<seatkit-accept-invitation>`: the page behind an invitation link. */
export type SeatKitAcceptInvitation = SeatKitElementBase;

declare global {
  interface HTMLElementTagNameMap {
    'seatkit-account-users': SeatKitAccountUsers;
    'seatkit-access-gate': SeatKitAccessGate;
    'seatkit-accept-invitation': SeatKitAcceptInvitation;
  }
  interface HTMLElementEventMap {
    'seatkit-access-granted': CustomEvent<Types.SeatKitAccessGrantedDetail>;
    'seatkit-access-denied': CustomEvent<Types.SeatKitAccessDeniedDetail>;
    'seatkit-invitation-accepted': CustomEvent<Types.SeatKitInvitationAcceptedDetail>;
    'seatkit-continue': CustomEvent<Types.SeatKitInvitationAcceptedDetail>;
    'seatkit-org-change': CustomEvent<Types.SeatKitOrgChangeDetail>;
    'seatkit-sign-in': CustomEvent<Types.SeatKitSignInDetail>;
  }
}
