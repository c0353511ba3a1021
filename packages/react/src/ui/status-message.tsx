'use client';

import { useSlots, type SeatKitSlot } from './class-names.js';

export interface StatusMessageProps {
  /** The region's `data-slot`, e.g. `add-member-status`. */
  slot: SeatKitSlot;
  /** What just happened, in the user's words; `null` or empty while there is no news. */
  message: string | null | undefined;
  /** @default 'success' */
  tone?: 'success' | 'danger' | 'info';
}

/**
 * A polite live region for the outcome of an action ("Added Nora Quist; …"). The region stays
 * mounted and empty (taking no room) until there is news, because screen readers announce a change
 * inside an existing region but not a region inserted together with its text.
 */
export function StatusMessage({ slot: name, message, tone = 'success' }: StatusMessageProps) {
  const slot = useSlots();
  return (
    <div role="status" {...slot(name)}>
      {message ? (
        <p {...slot('status-message', 'seatkit-notice')} data-tone={tone}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
