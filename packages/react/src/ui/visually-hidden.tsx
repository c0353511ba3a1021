'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useSlots } from './class-names.js';

/** Text for assistive technology only (still in the accessibility tree, not on screen). */
export const VisuallyHidden = forwardRef<HTMLSpanElement, ComponentPropsWithoutRef<'span'>>(
  function VisuallyHidden({ className, ...props }, ref) {
    const slot = useSlots();
    return <span ref={ref} {...slot('visually-hidden', undefined, className)} {...props} />;
  },
);
