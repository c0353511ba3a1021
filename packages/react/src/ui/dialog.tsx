'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useSlots } from './class-names.js';
import * as Primitive from './dialog-primitive.js';
import { XIcon } from './icons.js';
import { useDialogFocusHandlers } from './use-return-focus.js';

/*
 * The kit's dialog: the behaviour lives in dialog-primitive.tsx (Radix's parts, rebuilt); these are
 * its styled parts, named by slot.
 */
export * from './dialog-primitive.js';

// ---------------------------------------------------------------- styled parts

export const DialogOverlay = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogOverlay(
  { className, ...props },
  ref,
) {
  const slot = useSlots();
  return <Primitive.DialogOverlayBase ref={ref} {...slot('dialog-overlay', 'seatkit-overlay', className)} {...props} />;
});

export interface DialogContentProps extends Primitive.DialogContentBaseProps {
  /** Accessible name of the corner close button. Omit to render no close button. */
  closeLabel?: string;
  /** Class of the overlay behind the content. */
  overlayClassName?: string;
  /** Default `md`. */
  size?: 'sm' | 'md' | 'lg';
}

/** The dialog panel, portalled with its overlay. Focus is trapped and returns to the trigger (or the opener) on close. */
export const DialogContent = forwardRef<HTMLDivElement, DialogContentProps>(function DialogContent(
  { className, overlayClassName, closeLabel, size = 'md', children, onOpenAutoFocus, onCloseAutoFocus, ...props },
  ref,
) {
  const focusHandlers = useDialogFocusHandlers({ onOpenAutoFocus, onCloseAutoFocus });
  const slot = useSlots();
  return (
    <Primitive.DialogPortal>
      <DialogOverlay className={overlayClassName} />
      <Primitive.DialogContentBase
        ref={ref}
        data-size={size}
        {...slot('dialog-content', 'seatkit-root seatkit-dialog', className)}
        {...focusHandlers}
        {...props}
      >
        {children}
        {closeLabel ? (
          <Primitive.DialogClose {...slot('dialog-close', 'seatkit-button seatkit-icon-button seatkit-dialog-close')} data-variant="ghost" data-size="md" aria-label={closeLabel}>
            <XIcon />
          </Primitive.DialogClose>
        ) : null}
      </Primitive.DialogContentBase>
    </Primitive.DialogPortal>
  );
});

/** A plain `<div>` part of the panel, named by its slot. */
function panelPart(name: 'dialog-header' | 'dialog-body' | 'dialog-footer', displayName: string) {
  const Part = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogPart({ className, ...props }, ref) {
    const slot = useSlots();
    return <div ref={ref} {...slot(name, undefined, className)} {...props} />;
  });
  Part.displayName = displayName;
  return Part;
}

export const DialogHeader = panelPart('dialog-header', 'DialogHeader');
export const DialogBody = panelPart('dialog-body', 'DialogBody');
export const DialogFooter = panelPart('dialog-footer', 'DialogFooter');

export const DialogTitle = forwardRef<HTMLHeadingElement, Primitive.TextPartProps<'h2'>>(function DialogTitle({ className, ...props }, ref) {
  const slot = useSlots();
  return <Primitive.DialogTitleBase ref={ref} {...slot('dialog-title', undefined, className)} {...props} />;
});

export const DialogDescription = forwardRef<HTMLParagraphElement, Primitive.TextPartProps<'p'>>(function DialogDescription(
  { className, ...props },
  ref,
) {
  const slot = useSlots();
  return <Primitive.DialogDescriptionBase ref={ref} {...slot('dialog-description', undefined, className)} {...props} />;
});
