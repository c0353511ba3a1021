'use client';

import { describeError, isSeatKitError } from '@seatkit/core';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useSeatKit } from '../provider.js';
import { Button } from './button.js';
import { useSlots } from './class-names.js';
import { AlertIcon } from './icons.js';

export interface ErrorStateProps extends Omit<ComponentPropsWithoutRef<'div'>, 'title'> {
  /** Any error; a `SeatKitError` becomes the localized sentence for its code. */
  error: unknown;
  /** Heading, e.g. "Could not load members". @default messages.common.errorTitle */
  title?: ReactNode;
  /** Shows a retry button. */
  onRetry?: () => void;
  /** `block` (a list's whole area) or `inline` (inside a form). @default 'block' */
  size?: 'block' | 'inline';
}

/**
 * An error in words the user can act on, with a retry when there is one. Announced (`role="alert"`).
 * The request id is shown small so support can find the server log.
 */
export const ErrorState = forwardRef<HTMLDivElement, ErrorStateProps>(function ErrorState(
  { error, title, onRetry, size = 'block', className, ...props },
  ref,
) {
  const slot = useSlots();
  const { messages } = useSeatKit();
  const requestId = isSeatKitError(error) ? error.requestId : undefined;
  return (
    <div
      ref={ref}
      role="alert"
      data-state="error"
      data-size={size}
      data-code={isSeatKitError(error) ? error.code : 'unknown'}
      {...slot('error-state', undefined, className)}
      {...props}
    >
      <AlertIcon />
      <p {...slot('error-state-title')}>{title ?? messages.common.errorTitle}</p>
      <p {...slot('error-state-message')}>{describeError(error, messages.common.errors)}</p>
      {requestId ? (
        <p {...slot('error-state-request-id')}>
          <small>{requestId}</small>
        </p>
      ) : null}
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          {messages.common.retry}
        </Button>
      ) : null}
    </div>
  );
});
