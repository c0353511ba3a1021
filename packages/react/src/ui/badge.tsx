import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { cx } from './cx.js';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps extends ComponentPropsWithoutRef<'span'> {
  /** Default `neutral`. */
  tone?: BadgeTone;
}

/** A small label: a role, a status. Colour is never the only signal; the text says it. */
export const Badge = forwardRef<HTMLSpanElement, BadgeProps>(function Badge({ className, tone = 'neutral', ...props }, ref) {
  return <span ref={ref} data-slot="badge" data-tone={tone} className={cx('seatkit-badge', className)} {...props} />;
});
