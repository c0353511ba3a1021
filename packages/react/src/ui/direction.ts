'use client';

import { isSupportedLocale, localeDirection, resolveLocale } from '@seatkit/core';
import { createContext } from 'react';

/** The `dir` of the kit's text: `ltr` or `rtl`. */
export type SeatKitDirection = 'ltr' | 'rtl';

/**
 * The `dir` the provider gives the kit's roots (see `useSlots`), `undefined` to inherit the page's. Its own context, not
 * the provider's, so the ui primitives read it without importing the provider.
 */
export const DirectionContext = createContext<SeatKitDirection | undefined>(undefined);

/**
 * The direction of a BCP 47 locale by core's rule (`localeDirection`: Arabic and Hebrew right to left), a regional tag
 * by its language (`ar-EG` → `rtl`).
 *
 * @example localeTextDirection('he') // 'rtl'
 */
export function localeTextDirection(locale: string): SeatKitDirection {
  return localeDirection(isSupportedLocale(locale) ? locale : resolveLocale(locale.split('-')[0]));
}
