import * as AlertDialogPrimitive from '@radix-ui/react-alert-dialog';
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { cx } from './cx.js';
import { useDialogFocusHandlers } from './use-return-focus.js';

/**
 * Radix AlertDialog parts, styled: a confirmation that must be answered (no outside-click dismiss).
 * `Escape` still cancels. Use `AlertDialogCancel` / `AlertDialogAction` with `asChild` around a `Button`.
 */
export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogTrigger = AlertDialogPrimitive.Trigger;
export const AlertDialogCancel = AlertDialogPrimitive.Cancel;
export const AlertDialogAction = AlertDialogPrimitive.Action;

export interface AlertDialogContentProps extends ComponentPropsWithoutRef<typeof AlertDialogPrimitive.Content> {
  overlayClassName?: string;
}

export const AlertDialogContent = forwardRef<ElementRef<typeof AlertDialogPrimitive.Content>, AlertDialogContentProps>(
  function AlertDialogContent({ className, overlayClassName, onOpenAutoFocus, onCloseAutoFocus, ...props }, ref) {
    const focusHandlers = useDialogFocusHandlers({ onOpenAutoFocus, onCloseAutoFocus });
    return (
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay data-slot="alert-dialog-overlay" className={cx('seatkit-overlay', overlayClassName)} />
        <AlertDialogPrimitive.Content
          ref={ref}
          data-slot="alert-dialog-content"
          data-size="sm"
          className={cx('seatkit-root seatkit-dialog', className)}
          {...focusHandlers}
          {...props}
        />
      </AlertDialogPrimitive.Portal>
    );
  },
);

export const AlertDialogTitle = forwardRef<
  ElementRef<typeof AlertDialogPrimitive.Title>,
  ComponentPropsWithoutRef<typeof AlertDialogPrimitive.Title>
>(function AlertDialogTitle({ className, ...props }, ref) {
  return (
    <AlertDialogPrimitive.Title ref={ref} data-slot="alert-dialog-title" className={cx('seatkit-dialog-title', className)} {...props} />
  );
});

export const AlertDialogDescription = forwardRef<
  ElementRef<typeof AlertDialogPrimitive.Description>,
  ComponentPropsWithoutRef<typeof AlertDialogPrimitive.Description>
>(function AlertDialogDescription({ className, ...props }, ref) {
  return (
    <AlertDialogPrimitive.Description
      ref={ref}
      data-slot="alert-dialog-description"
      className={cx('seatkit-dialog-description', className)}
      {...props}
    />
  );
});
