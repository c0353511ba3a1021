import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './cx.js';

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
  return (
    <div ref={ref} data-slot="empty-state" data-state="empty" className={cx('seatkit-empty-state', className)} {...props}>
      <p className="seatkit-empty-state-title">{title}</p>
      {description ? <p className="seatkit-empty-state-description">{description}</p> : null}
      {action ? <div className="seatkit-empty-state-action">{action}</div> : null}
    </div>
  );
});
