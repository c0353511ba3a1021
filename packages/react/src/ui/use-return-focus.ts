import { useState } from 'react';

/**
 * Where focus was when a dialog opened, so it can go back there on close. Radix returns focus to
 * its `Trigger`; dialogs opened from elsewhere (a row action, a menu) have none, and focus would
 * fall to <body>. Captured during the first render, before the dialog moves focus inside.
 */
export function useReturnFocus(): (event: Event) => void {
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  return (event: Event) => {
    if (opener && opener !== document.body && opener.isConnected) {
      event.preventDefault();
      opener.focus();
    }
  };
}
