'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useSlots } from './class-names.js';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps extends ComponentPropsWithoutRef<'span'> {
  /** Default `neutral`. */
  tone?: BadgeTone;
}

/** A small label: a role, a status. Colour is never the only signal; the text says it. */
export const Badge = forwardRef<HTMLSpanElement, BadgeProps>(function Badge({ className, tone = 'neutral', ...props }, ref) {
  const slot = useSlots();
  return <span ref={ref} data-tone={tone} {...slot('badge', undefined, className)} {...props} />;
});
