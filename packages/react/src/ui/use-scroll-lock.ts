'use client';

import { useEffect } from 'react';

/**
 * Page scroll lock for modal dialogs, in place of `react-remove-scroll` (about 4 kB gzip with its
 * helpers): while at least one modal dialog is mounted, `<html>` and `<body>` get `overflow: hidden`
 * (pages scroll one or the other), and the width of the scrollbar that disappears is added to the
 * right padding of `<html>` so the page does not shift.
 * A module-level count lets nested dialogs share one lock: it is released when the last one closes,
 * and the inline styles the two elements had before (value and priority) are put back exactly.
 *
 * Unlike react-remove-scroll it does not cancel wheel and touch events outside the dialog: a
 * scrollable element the overlay does not cover could still scroll, and iOS Safari before 16
 * ignored `overflow: hidden` on the root for touch scrolling.
 */
let locks = 0;
let unlock: (() => void) | undefined;

/** Sets an inline style with `!important`; returns how to put back exactly what was there. */
function setStyle(style: CSSStyleDeclaration, name: string, value: string): () => void {
  const before = style.getPropertyValue(name);
  const priority = style.getPropertyPriority(name);
  style.setProperty(name, value, 'important');
  return () => (before ? style.setProperty(name, before, priority) : style.removeProperty(name));
}

function lock(): () => void {
  const html = document.documentElement;
  const elements = [html, document.body];
  const hadStyle = elements.map((element) => element.hasAttribute('style'));
  const computed = getComputedStyle(html);
  // Measured before hiding it. A page that already reserves the gutter (scrollbar-gutter: stable)
  // keeps it while overflow is hidden: nothing to compensate then.
  const gap = computed.scrollbarGutter?.startsWith('stable') ? 0 : window.innerWidth - html.clientWidth;
  // Longhands: the shorthand's previous value reads '' when only one of them was set.
  const undo = elements.flatMap((element) => ['overflow-x', 'overflow-y'].map((name) => setStyle(element.style, name, 'hidden')));
  if (gap > 0) undo.push(setStyle(html.style, 'padding-right', `${parseFloat(computed.paddingRight) + gap}px`));
  return () => {
    undo.forEach((restore) => restore());
    // No empty style="" left on an element that had no style attribute. (Reading the attribute first
    // also makes Chromium write the CSSOM changes to it now, not after it was removed.)
    elements.forEach((element, i) => {
      if (!hadStyle[i] && !element.getAttribute('style')) element.removeAttribute('style');
    });
  };
}

/** Locks the page's scrolling while `enabled` (a modal dialog is mounted). */
export function useScrollLock(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    if (locks++ === 0) unlock = lock();
    return () => {
      if (--locks === 0) unlock?.();
    };
  }, [enabled]);
}
