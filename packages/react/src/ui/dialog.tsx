import * as DialogPrimitive from '@radix-ui/react-dialog';
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { cx } from './cx.js';
import { XIcon } from './icons.js';
import { useDialogFocusHandlers } from './use-return-focus.js';

/** Radix Dialog parts, styled. `Dialog` is the root: `open` / `defaultOpen` / `onOpenChange`. */
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogPortal = DialogPrimitive.Portal;

export const DialogOverlay = forwardRef<
  ElementRef<typeof DialogPrimitive.Overlay>,
  ComponentPropsWithoutRef<typeof DialogPrimitive.Overlay>
>(function DialogOverlay({ className, ...props }, ref) {
  return (
    <DialogPrimitive.Overlay
      ref={ref}
      data-slot="dialog-overlay"
      className={cx('seatkit-overlay', className)}
      {...props}
    />
  );
});

export interface DialogContentProps extends ComponentPropsWithoutRef<typeof DialogPrimitive.Content> {
  /** Accessible name of the corner close button. Omit to render no close button. */
  closeLabel?: string;
  /** Class of the overlay behind the content. */
  overlayClassName?: string;
  /** Default `md`. */
  size?: 'sm' | 'md' | 'lg';
}

/** The dialog panel, portalled with its overlay. Focus is trapped and returns to the trigger on close (Radix). */
export const DialogContent = forwardRef<ElementRef<typeof DialogPrimitive.Content>, DialogContentProps>(
  function DialogContent({ className, overlayClassName, closeLabel, size = 'md', children, onOpenAutoFocus, onCloseAutoFocus, ...props }, ref) {
    const focusHandlers = useDialogFocusHandlers({ onOpenAutoFocus, onCloseAutoFocus });
    return (
      <DialogPrimitive.Portal>
        <DialogOverlay className={overlayClassName} />
        <DialogPrimitive.Content
          ref={ref}
          data-slot="dialog-content"
          data-size={size}
          className={cx('seatkit-root seatkit-dialog', className)}
          {...focusHandlers}
          {...props}
        >
          {children}
          {closeLabel ? (
            <DialogPrimitive.Close className="seatkit-button seatkit-icon-button seatkit-dialog-close" data-slot="dialog-close" data-variant="ghost" data-size="md" aria-label={closeLabel}>
              <XIcon />
            </DialogPrimitive.Close>
          ) : null}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    );
  },
);

export const DialogHeader = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogHeader(
  { className, ...props },
  ref,
) {
  return <div ref={ref} data-slot="dialog-header" className={cx('seatkit-dialog-header', className)} {...props} />;
});

export const DialogBody = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogBody(
  { className, ...props },
  ref,
) {
  return <div ref={ref} data-slot="dialog-body" className={cx('seatkit-dialog-body', className)} {...props} />;
});

export const DialogFooter = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogFooter(
  { className, ...props },
  ref,
) {
  return <div ref={ref} data-slot="dialog-footer" className={cx('seatkit-dialog-footer', className)} {...props} />;
});

export const DialogTitle = forwardRef<
  ElementRef<typeof DialogPrimitive.Title>,
  ComponentPropsWithoutRef<typeof DialogPrimitive.Title>
>(function DialogTitle({ className, ...props }, ref) {
  return <DialogPrimitive.Title ref={ref} data-slot="dialog-title" className={cx('seatkit-dialog-title', className)} {...props} />;
});

export const DialogDescription = forwardRef<
  ElementRef<typeof DialogPrimitive.Description>,
  ComponentPropsWithoutRef<typeof DialogPrimitive.Description>
>(function DialogDescription({ className, ...props }, ref) {
  return (
    <DialogPrimitive.Description
      ref={ref}
      data-slot="dialog-description"
      className={cx('seatkit-dialog-description', className)}
      {...props}
    />
  );
});
