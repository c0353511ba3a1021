'use client';

import { useCallback, useRef } from 'react';

/**
 * Where focus was when a dialog opened, so it can go back there on close. Radix returns focus to
 * its `Trigger`; dialogs opened from elsewhere (a row action, a menu) have none, and focus would
 * fall to <body>.
 *
 * The opener is captured in `onOpenAutoFocus`, which Radix fires each time the content mounts and
 * before it moves focus inside. (Capturing at first render was wrong: the content wrapper renders
 * while the dialog is still closed, so an always-present dialog sent focus back to whatever was
 * focused when the page loaded.)
 */
export function useReturnFocus(): { capture: () => void; restore: (event: Event) => void } {
  const opener = useRef<HTMLElement | null>(null);
  const capture = useCallback(() => {
    opener.current = typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null);
  }, []);
  const restore = useCallback((event: Event) => {
    const target = opener.current;
    opener.current = null;
    if (target && target !== document.body && target.isConnected) {
      event.preventDefault();
      target.focus();
    }
  }, []);
  return { capture, restore };
}

/**
 * The two focus handlers of a dialog's content: capture the opener on open, return to it on close.
 * Caller handlers run first, and a caller that prevents the close event keeps focus where it chose.
 */
export function useDialogFocusHandlers(handlers: {
  onOpenAutoFocus?: ((event: Event) => void) | undefined;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
}): { onOpenAutoFocus: (event: Event) => void; onCloseAutoFocus: (event: Event) => void } {
  const returnFocus = useReturnFocus();
  return {
    onOpenAutoFocus: (event) => {
      returnFocus.capture();
      handlers.onOpenAutoFocus?.(event);
    },
    onCloseAutoFocus: (event) => {
      handlers.onCloseAutoFocus?.(event);
      if (!event.defaultPrevented) returnFocus.restore(event);
    },
  };
}
