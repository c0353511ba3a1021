'use client';

import { composeEventHandlers } from '@radix-ui/primitive';
import { useComposedRefs } from '@radix-ui/react-compose-refs';
import { createContext, forwardRef, useContext, useRef, type ComponentPropsWithoutRef, type RefObject } from 'react';
import { useSlots } from './class-names.js';
import {
  Dialog,
  DialogClose,
  DialogContentBase,
  DialogDescriptionBase,
  DialogOverlayBase,
  DialogPortal,
  DialogTitleBase,
  DialogTrigger,
  type DialogContentBaseProps,
  type DialogProps,
} from './dialog.js';
import { useDialogFocusHandlers } from './use-return-focus.js';

/**
 * A confirmation that must be answered, on the kit's dialog (as Radix AlertDialog is on Radix
 * Dialog): always modal, role="alertdialog", a click outside never closes it, `Escape` still
 * cancels, and focus starts on `AlertDialogCancel`. Use `AlertDialogCancel` / `AlertDialogAction`
 * with `asChild` around a `Button`.
 */
export function AlertDialog(props: Omit<DialogProps, 'modal'>) {
  return <Dialog {...props} modal />;
}
export const AlertDialogTrigger = DialogTrigger;
export const AlertDialogAction = DialogClose;

/** The content's Cancel button, which gets the initial focus. */
const CancelContext = createContext<RefObject<HTMLButtonElement | null> | null>(null);

export const AlertDialogCancel = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<typeof DialogClose>>(
  function AlertDialogCancel(props, ref) {
    return <DialogClose {...props} ref={useComposedRefs(ref, useContext(CancelContext) ?? undefined)} />;
  },
);

export interface AlertDialogContentProps extends Omit<DialogContentBaseProps, 'onPointerDownOutside' | 'onInteractOutside'> {
  overlayClassName?: string;
}

export const AlertDialogContent = forwardRef<HTMLDivElement, AlertDialogContentProps>(function AlertDialogContent(
  { className, overlayClassName, onOpenAutoFocus, onCloseAutoFocus, ...props },
  ref,
) {
  const focusHandlers = useDialogFocusHandlers({ onOpenAutoFocus, onCloseAutoFocus });
  const slot = useSlots();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <CancelContext.Provider value={cancelRef}>
      <DialogPortal>
        <DialogOverlayBase {...slot('alert-dialog-overlay', 'seatkit-overlay', overlayClassName)} />
        <DialogContentBase
          role="alertdialog"
          ref={ref}
          data-size="sm"
          {...slot('alert-dialog-content', 'seatkit-root seatkit-dialog', className)}
          {...props}
          {...focusHandlers}
          onOpenAutoFocus={composeEventHandlers(focusHandlers.onOpenAutoFocus, (event) => {
            event.preventDefault();
            cancelRef.current?.focus({ preventScroll: true });
          })}
          onPointerDownOutside={(event) => event.preventDefault()}
          onInteractOutside={(event) => event.preventDefault()}
        />
      </DialogPortal>
    </CancelContext.Provider>
  );
});

export const AlertDialogTitle = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<typeof DialogTitleBase>>(
  function AlertDialogTitle({ className, ...props }, ref) {
    const slot = useSlots();
    return <DialogTitleBase ref={ref} {...slot('alert-dialog-title', 'seatkit-dialog-title', className)} {...props} />;
  },
);

export const AlertDialogDescription = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<typeof DialogDescriptionBase>>(
  function AlertDialogDescription({ className, ...props }, ref) {
    const slot = useSlots();
    return (
      <DialogDescriptionBase ref={ref} {...slot('alert-dialog-description', 'seatkit-dialog-description', className)} {...props} />
    );
  },
);
