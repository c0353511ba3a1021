import { AcceptInvitation } from '@seatkit/react';
import { createElement, type ReactNode } from 'react';
import { SeatKitElement } from './seatkit-element.js';
import type { SeatKitInvitationAcceptedDetail } from './types.js';

/**
 * `<seatkit-accept-invitation base-url="…">` on the page invitation links open (`AcceptInvitation`; the token comes
 * from the `token` attribute, else from the page's `?token=`). Dispatches `seatkit-invitation-accepted` with the
 * joined organization and membership; with `continue` it shows "Continue to {org}" and dispatches `seatkit-continue`;
 * with `sign-in` it offers a sign-in button that dispatches `seatkit-sign-in` with the invited email.
 */
export class SeatKitAcceptInvitationElement extends SeatKitElement {
  protected static override ownAttributes = ['token', 'signed-in', 'switch-organization', 'continue', 'sign-in', 'heading-level'];

  protected renderComponent(): ReactNode {
    const token = this.getAttribute('token');
    const signedIn = this.getAttribute('signed-in');
    const headingLevel = this.headingLevel([1, 2, 3, 4] as const);
    return createElement(AcceptInvitation, {
      ...(token ? { token } : {}),
      ...(signedIn === 'true' || signedIn === 'false' ? { signedIn: signedIn === 'true' } : {}),
      ...(headingLevel ? { headingLevel } : {}),
      switchOrganization: this.getAttribute('switch-organization') !== 'false',
      onAccepted: (result: SeatKitInvitationAcceptedDetail) => this.emit('seatkit-invitation-accepted', result),
      ...(this.hasAttribute('continue')
        ? { onContinue: (result: SeatKitInvitationAcceptedDetail) => this.emit('seatkit-continue', result) }
        : {}),
      ...(this.hasAttribute('sign-in') ? { onSignIn: (email: string) => this.emit('seatkit-sign-in', { email }) } : {}),
    });
  }
}
