'use client';

import { useEffect, useState, type CSSProperties } from 'react';
import { useSlots, type SeatKitSlot } from './class-names.js';

/** How long an outcome stays on screen by default, in ms. */
export const STATUS_MESSAGE_DISMISS_MS = 8000;

export interface StatusMessageProps {
  /** The region's `data-slot`, e.g. `add-member-status`. */
  slot: SeatKitSlot;
  /** What just happened, in the user's words; `null` or empty while there is no news. A new message replaces the last. */
  message: string | null | undefined;
  /** @default 'success' */
  tone?: 'success' | 'danger' | 'info';
  /**
   * After how many ms the message leaves the screen (it has been announced once by then); `null` keeps it.
   * @default STATUS_MESSAGE_DISMISS_MS (8000)
   */
  dismissAfterMs?: number | null;
}

/**
 * A polite live region for the outcome of an action ("Added Nora Quist; …"). The region stays
 * mounted and empty (taking no room) until there is news, because screen readers announce a change
 * inside an existing region but not a region inserted together with its text. A newer outcome
 * replaces the last one, and each leaves after `dismissAfterMs`, so an old "… was removed." does
 * not linger above later, unrelated work. Removing the text announces nothing.
 */
export function StatusMessage({ slot: name, message, tone = 'success', dismissAfterMs = STATUS_MESSAGE_DISMISS_MS }: StatusMessageProps) {
  const slot = useSlots();
  // The message that timed out: hidden until another one comes.
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    setDismissed(null);
    if (!message || dismissAfterMs === null) return;
    const timer = setTimeout(() => setDismissed(message), dismissAfterMs);
    return () => clearTimeout(timer);
  }, [message, dismissAfterMs]);
  const shown = message && message !== dismissed ? message : null;
  return (
    <div role="status" {...slot(name)}>
      {shown ? (
        <p
          key={shown}
          {...slot('status-message', 'seatkit-notice seatkit-status-message')}
          data-tone={tone}
          style={dismissAfterMs === null ? undefined : ({ '--seatkit-status-dismiss': `${dismissAfterMs}ms` } as CSSProperties)}
        >
          {shown}
        </p>
      ) : null}
    </div>
  );
}
