'use client';

import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useSeatKit } from '../provider.js';
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle } from '../ui/alert-dialog.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';

/** The parts of a confirmation the kit's dialogs vary; the rest (Cancel, layout, focus) is the same in all. */
export interface ConfirmDialogProps extends Omit<ComponentPropsWithoutRef<typeof AlertDialogContent>, 'title' | 'children'> {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  /** What the confirmation shows between its description and its buttons (a list of losses, an error). */
  children?: ReactNode;
  /** The confirming button, after Cancel. */
  action: ReactNode;
}

/**
 * A confirmation (remove, revoke, unassign): title, description, optional details, then Cancel (focused
 * first) and the caller's action. Internal: each component keeps its own slots and messages.
 */
export function ConfirmDialog({ open, onOpenChange, title, description, children, action, ...content }: ConfirmDialogProps) {
  const { messages } = useSeatKit();
  const slot = useSlots();
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent {...content}>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{description}</AlertDialogDescription>
        {children}
        <div {...slot('dialog-footer')}>
          <AlertDialogCancel asChild>
            <Button>{messages.common.cancel}</Button>
          </AlertDialogCancel>
          {action}
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
