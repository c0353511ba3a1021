'use client';

import { Slot } from '@radix-ui/react-slot';
import { forwardRef, useId, type ComponentPropsWithoutRef, type MouseEvent, type ReactNode } from 'react';
import { useSlots } from './class-names.js';
import { cx } from './cx.js';
import { Spinner } from './spinner.js';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

export interface ButtonProps extends ComponentPropsWithoutRef<'button'> {
  /** Default `secondary`. */
  variant?: ButtonVariant;
  /** Default `md`. */
  size?: ButtonSize;
  /** Shows a spinner, sets `aria-busy` and blocks clicks. */
  loading?: boolean;
  /**
   * Why the action is unavailable. The button stays focusable (`aria-disabled`, not `disabled`) so
   * keyboard and screen-reader users can reach it and hear the reason, linked by `aria-describedby`.
   */
  disabledReason?: string | null;
  /** Render the child element instead of a `<button>` (Radix `Slot`). */
  asChild?: boolean;
}

/** The kit's button. State shows in `data-variant`, `data-size` and `data-state` (`idle` | `loading` | `disabled`). */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    className,
    variant = 'secondary',
    size = 'md',
    loading = false,
    disabledReason,
    disabled,
    asChild = false,
    type,
    onClick,
    children,
    'aria-describedby': describedBy,
    ...props
  },
  ref,
) {
  const reasonId = useId();
  const slot = useSlots();
  const blocked = Boolean(disabledReason) || loading;
  const state = disabled || disabledReason ? 'disabled' : loading ? 'loading' : 'idle';
  const Comp = asChild ? Slot : 'button';
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (blocked) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <>
      <Comp
        ref={ref}
        type={asChild ? type : (type ?? 'button')}
        data-variant={variant}
        data-size={size}
        data-state={state}
        {...slot('button', undefined, className)}
        disabled={disabled}
        aria-disabled={blocked || undefined}
        aria-busy={loading || undefined}
        aria-describedby={cx(describedBy, disabledReason ? reasonId : undefined) || undefined}
        onClick={handleClick}
        {...props}
        title={disabledReason ?? props.title}
      >
        {asChild ? (
          children
        ) : (
          <>
            {loading ? <Spinner /> : null}
            {children}
          </>
        )}
      </Comp>
      {disabledReason ? (
        <span id={reasonId} hidden>
          {disabledReason}
        </span>
      ) : null}
    </>
  );
});

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'aria-label'> {
  /** The accessible name (an icon alone has none). Required. */
  label: string;
  icon: ReactNode;
}

/** A square button showing only an icon; `label` is its accessible name. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, className, variant = 'ghost', ...props },
  ref,
) {
  return (
    <Button
      ref={ref}
      variant={variant}
      aria-label={label}
      className={cx('seatkit-icon-button', className)}
      data-icon-only=""
      {...props}
    >
      {icon}
    </Button>
  );
});
