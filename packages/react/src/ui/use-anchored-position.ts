'use client';

import { useLayoutEffect } from 'react';

export interface AnchoredPositionOptions {
  /** Gap between the anchor and the floating element, in px. @default 4 */
  offset?: number;
  /** Smallest distance kept from the viewport's edges, in px. @default 8 */
  padding?: number;
}

/**
 * Keeps a `position: fixed` element next to its anchor while `open`: below it, aligned to its
 * start edge (right edge in RTL); above it when there is no room below and there is above; shifted
 * to stay inside the viewport. Follows scrolls (of any ancestor), resizes and content changes.
 * Writes `top`/`left` and `data-side` straight to the element: no re-render per scroll.
 * (What a popover needs from a positioning library, for one anchor and one side.)
 */
export function useAnchoredPosition(
  anchor: HTMLElement | null,
  floating: HTMLElement | null,
  open: boolean,
  { offset = 4, padding = 8 }: AnchoredPositionOptions = {},
): void {
  useLayoutEffect(() => {
    if (!open || !anchor || !floating) return;
    const place = () => {
      const a = anchor.getBoundingClientRect();
      const f = floating.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const height = document.documentElement.clientHeight;
      const fitsBelow = a.bottom + offset + f.height <= height - padding;
      const fitsAbove = a.top - offset - f.height >= padding;
      const side = !fitsBelow && fitsAbove ? 'top' : 'bottom';
      const top = side === 'top' ? a.top - offset - f.height : a.bottom + offset;
      const rtl = getComputedStyle(anchor).direction === 'rtl';
      const start = rtl ? a.right - f.width : a.left;
      const left = Math.max(padding, Math.min(start, width - padding - f.width));
      floating.style.position = 'fixed';
      floating.style.top = `${Math.round(top)}px`;
      floating.style.left = `${Math.round(left)}px`;
      floating.setAttribute('data-side', side);
    };
    place();
    // Capture: a scroll of any scrolling ancestor moves the anchor.
    window.addEventListener('scroll', place, { capture: true, passive: true });
    window.addEventListener('resize', place);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : undefined;
    observer?.observe(floating);
    observer?.observe(anchor);
    return () => {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
      observer?.disconnect();
    };
  }, [anchor, floating, open, offset, padding]);
}
