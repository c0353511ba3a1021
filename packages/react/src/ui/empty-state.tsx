'use client';

import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useSlots } from './class-names.js';

export interface EmptyStateProps extends Omit<ComponentPropsWithoutRef<'div'>, 'title'> {
  title: ReactNode;
  description?: ReactNode;
  /** A call to action, e.g. an "Invite people" button. */
  action?: ReactNode;
}

/** What a list shows when it has nothing to show. */
export const EmptyState = forwardRef<HTMLDivElement, EmptyStateProps>(function EmptyState(
  { title, description, action, className, ...props },
  ref,
) {
  const slot = useSlots();
  return (
    <div ref={ref} data-state="empty" {...slot('empty-state', undefined, className)} {...props}>
      <p {...slot('empty-state-title')}>{title}</p>
      {description ? <p {...slot('empty-state-description')}>{description}</p> : null}
      {action ? <div {...slot('empty-state-action')}>{action}</div> : null}
    </div>
  );
});
