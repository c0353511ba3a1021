'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useSlots } from './class-names.js';

export interface DisabledReasonProps extends ComponentPropsWithoutRef<'p'> {
  /** The explanation; nothing renders when it is empty. Give the element an `id` and point the control's `aria-describedby` at it. */
  reason: string | null | undefined;
}

/** Visible text saying why an action is unavailable ("Only the owner can remove an admin."). No tooltip: it is always readable. */
export const DisabledReason = forwardRef<HTMLParagraphElement, DisabledReasonProps>(function DisabledReason(
  { reason, className, ...props },
  ref,
) {
  const slot = useSlots();
  if (!reason) return null;
  return (
    <p ref={ref} {...slot('disabled-reason', undefined, className)} {...props}>
      {reason}
    </p>
  );
});
