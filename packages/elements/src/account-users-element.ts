import { AccountUsersPage } from '@seatkit/react';
import { createElement, type ReactNode } from 'react';
import { SeatKitElement } from './seatkit-element.js';

/**
 * `<seatkit-account-users base-url="…" org-id="…" locale="fr" heading-level="2">`: the whole users and licenses area
 * (`AccountUsersPage`). Set its `getToken` property.
 */
export class SeatKitAccountUsersElement extends SeatKitElement {
  protected static override ownAttributes = ['heading-level'];

  protected renderComponent(): ReactNode {
    const headingLevel = this.headingLevel([1, 2, 3] as const);
    return createElement(AccountUsersPage, headingLevel ? { headingLevel } : {});
  }
}
