import * as AlertDialogPrimitive from '@radix-ui/react-alert-dialog';
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { useSlots } from './class-names.js';
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
    const slot = useSlots();
    return (
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay {...slot('alert-dialog-overlay', 'seatkit-overlay', overlayClassName)} />
        <AlertDialogPrimitive.Content
          ref={ref}
          data-size="sm"
          {...slot('alert-dialog-content', 'seatkit-root seatkit-dialog', className)}
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
  const slot = useSlots();
  return (
    <AlertDialogPrimitive.Title ref={ref} {...slot('alert-dialog-title', 'seatkit-dialog-title', className)} {...props} />
  );
});

export const AlertDialogDescription = forwardRef<
  ElementRef<typeof AlertDialogPrimitive.Description>,
  ComponentPropsWithoutRef<typeof AlertDialogPrimitive.Description>
>(function AlertDialogDescription({ className, ...props }, ref) {
  const slot = useSlots();
  return (
    <AlertDialogPrimitive.Description
      ref={ref}
      {...slot('alert-dialog-description', 'seatkit-dialog-description', className)}
      {...props}
    />
  );
});
