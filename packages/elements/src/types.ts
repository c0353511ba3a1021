/** Returns the signed-in user's bearer token, or null when nobody is signed in; awaited before every request. */
export type GetToken = () => string | null | undefined | Promise<string | null | undefined>;

/** `seatkit-access-granted`: the member may use the product; the element's content is shown. */
export interface SeatKitAccessGrantedDetail {
  product: string;
}

/** `seatkit-access-denied`: the access-denied panel is shown, for this reason. */
export interface SeatKitAccessDeniedDetail {
  product: string;
  /** `no_seat`, `seat_reserved`, `subscription_expired`, `subscription_inactive`, `member_suspended` or `not_a_member`. */
  reason: string;
}

/** `seatkit-invitation-accepted` and `seatkit-continue`: the organization joined and the new membership. */
export interface SeatKitInvitationAcceptedDetail {
  organization: { id: string; name: string };
  member: { id: string; email: string; role: string };
}

/** `seatkit-org-change`: a component picked another organization (set `org-id` to follow it, when you set it). */
export interface SeatKitOrgChangeDetail {
  orgId: string;
}

/** `seatkit-sign-in`: the invitation page asks the host to sign in (again) as this email. */
export interface SeatKitSignInDetail {
  email: string;
}
