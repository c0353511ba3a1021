import * as DialogPrimitive from '@radix-ui/react-dialog';
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from 'react';
import { useSlots } from './class-names.js';
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
  const slot = useSlots();
  return (
    <DialogPrimitive.Overlay
      ref={ref}
      {...slot('dialog-overlay', 'seatkit-overlay', className)}
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
    const slot = useSlots();
    return (
      <DialogPrimitive.Portal>
        <DialogOverlay className={overlayClassName} />
        <DialogPrimitive.Content
          ref={ref}
          data-size={size}
          {...slot('dialog-content', 'seatkit-root seatkit-dialog', className)}
          {...focusHandlers}
          {...props}
        >
          {children}
          {closeLabel ? (
            <DialogPrimitive.Close {...slot('dialog-close', 'seatkit-button seatkit-icon-button seatkit-dialog-close')} data-variant="ghost" data-size="md" aria-label={closeLabel}>
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
  const slot = useSlots();
  return <div ref={ref} {...slot('dialog-header', undefined, className)} {...props} />;
});

export const DialogBody = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogBody(
  { className, ...props },
  ref,
) {
  const slot = useSlots();
  return <div ref={ref} {...slot('dialog-body', undefined, className)} {...props} />;
});

export const DialogFooter = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogFooter(
  { className, ...props },
  ref,
) {
  const slot = useSlots();
  return <div ref={ref} {...slot('dialog-footer', undefined, className)} {...props} />;
});

export const DialogTitle = forwardRef<
  ElementRef<typeof DialogPrimitive.Title>,
  ComponentPropsWithoutRef<typeof DialogPrimitive.Title>
>(function DialogTitle({ className, ...props }, ref) {
  const slot = useSlots();
  return <DialogPrimitive.Title ref={ref} {...slot('dialog-title', undefined, className)} {...props} />;
});

export const DialogDescription = forwardRef<
  ElementRef<typeof DialogPrimitive.Description>,
  ComponentPropsWithoutRef<typeof DialogPrimitive.Description>
>(function DialogDescription({ className, ...props }, ref) {
  const slot = useSlots();
  return (
    <DialogPrimitive.Description
      ref={ref}
      {...slot('dialog-description', undefined, className)}
      {...props}
    />
  );
});
