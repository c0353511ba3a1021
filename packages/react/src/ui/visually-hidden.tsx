import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { cx } from './cx.js';

/** Text for assistive technology only (still in the accessibility tree, not on screen). */
export const VisuallyHidden = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(
  function VisuallyHidden({ className, ...props }, ref) {
    return <span ref={ref} data-slot="visually-hidden" className={cx('seatkit-visually-hidden', className)} {...props} />;
  },
);
