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
