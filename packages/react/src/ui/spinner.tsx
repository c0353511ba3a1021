'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useSlots } from './class-names.js';

export interface SpinnerProps extends ComponentPropsWithoutRef<'span'> {
  /** Size in pixels. Default 16. */
  size?: number;
}

/** A decorative spinning ring; pair it with text (`LoadingState` does). Motion stops under `prefers-reduced-motion`. */
export const Spinner = forwardRef<HTMLSpanElement, SpinnerProps>(function Spinner(
  { className, size = 16, style, ...props },
  ref,
) {
  const slot = useSlots();
  return (
    <span
      ref={ref}
      aria-hidden="true"
      {...slot('spinner', undefined, className)}
      style={{ inlineSize: size, blockSize: size, ...style }}
      {...props}
    />
  );
});

export interface LoadingStateProps extends ComponentPropsWithoutRef<'div'> {
  /** The text announced and shown. */
  label: string;
}

/** A polite live region with a spinner and a label: "Loading members…". */
export const LoadingState = forwardRef<HTMLDivElement, LoadingStateProps>(function LoadingState(
  { className, label, ...props },
  ref,
) {
  const slot = useSlots();
  return (
    <div
      ref={ref}
      role="status"
      aria-live="polite"
      data-state="loading"
      {...slot('loading-state', undefined, className)}
      {...props}
    >
      <Spinner />
      <span>{label}</span>
    </div>
  );
});
