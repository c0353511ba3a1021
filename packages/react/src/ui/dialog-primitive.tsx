'use client';

import { composeEventHandlers } from '@radix-ui/primitive';
import { useComposedRefs } from '@radix-ui/react-compose-refs';
import { DismissableLayer, useDismissableLayerSurface, type DismissableLayerProps } from '@radix-ui/react-dismissable-layer';
import { useFocusGuards } from '@radix-ui/react-focus-guards';
import { FocusScope } from '@radix-ui/react-focus-scope';
import { Portal } from '@radix-ui/react-portal';
import { Slot } from '@radix-ui/react-slot';
import { hideOthers } from 'aria-hidden';
import {
  Children,
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type Dispatch,
  type ElementType,
  type ReactNode,
  type RefObject,
  type SetStateAction,
} from 'react';
import { useControllableState } from './use-controllable-state.js';
import { useScrollLock } from './use-scroll-lock.js';

/*
 * The kit's dialog, built from the primitives @radix-ui/react-dialog is made of (FocusScope,
 * DismissableLayer, Portal, focus guards, aria-hidden) with the same parts, DOM and
 * behaviour, but the kit's own small scroll lock instead of react-remove-scroll (see
 * use-scroll-lock.ts). Radix's `forceMount` and focus-scope branches (for nested non-modal Radix
 * layers, which the kit has none of) are left out.
 */

interface DialogContextValue {
  open: boolean;
  modal: boolean;
  setOpen: (open: boolean) => void;
  triggerRef: RefObject<HTMLButtonElement | null>;
  contentId: string;
  titleId: string;
  descriptionId: string;
  /** How many Title / Description parts are mounted: aria-labelledby / -describedby only point at ids that exist. */
  titles: number;
  descriptions: number;
  setTitles: Dispatch<SetStateAction<number>>;
  setDescriptions: Dispatch<SetStateAction<number>>;
}

const DialogContext = createContext<DialogContextValue | null>(null);

function useDialog(): DialogContextValue {
  const context = useContext(DialogContext);
  if (!context) throw new Error('Dialog parts must be used inside <Dialog>.');
  return context;
}

const state = (open: boolean) => (open ? 'open' : 'closed');

export interface DialogProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Modal (default): focus trapped, page scroll locked, the rest of the page hidden from assistive technology. */
  modal?: boolean;
  children?: ReactNode;
}

/** The root: `open` / `defaultOpen` / `onOpenChange`, as Radix Dialog's. */
export function Dialog({ open: openProp, defaultOpen = false, onOpenChange, modal = true, children }: DialogProps) {
  const [open, setOwnOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const [titles, setTitles] = useState(0);
  const [descriptions, setDescriptions] = useState(0);
  const id = useId();
  const context: DialogContextValue = {
    open,
    modal,
    // Like Radix, onOpenChange only hears of actual changes (an Escape during the exit animation is not one).
    setOpen: (next) => next !== open && setOwnOpen(next),
    triggerRef: useRef<HTMLButtonElement>(null),
    contentId: `${id}content`,
    titleId: `${id}title`,
    descriptionId: `${id}description`,
    titles,
    descriptions,
    setTitles,
    setDescriptions,
  };
  return <DialogContext.Provider value={context}>{children}</DialogContext.Provider>;
}

type ButtonPartProps = ComponentPropsWithoutRef<'button'> & { asChild?: boolean };

export const DialogTrigger = forwardRef<HTMLButtonElement, ButtonPartProps>(function DialogTrigger(
  { asChild, ...props },
  ref,
) {
  const { open, setOpen, contentId, triggerRef } = useDialog();
  const Comp: ElementType = asChild ? Slot : 'button';
  return (
    <Comp
      type="button"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-controls={open ? contentId : undefined}
      data-state={state(open)}
      {...props}
      ref={useComposedRefs(ref, triggerRef)}
      onClick={composeEventHandlers(props.onClick, () => setOpen(!open))}
    />
  );
});

export const DialogClose = forwardRef<HTMLButtonElement, ButtonPartProps>(function DialogClose({ asChild, ...props }, ref) {
  const { setOpen } = useDialog();
  const Comp: ElementType = asChild ? Slot : 'button';
  return <Comp type="button" {...props} ref={ref} onClick={composeEventHandlers(props.onClick, () => setOpen(false))} />;
});

/**
 * Portals each child into `container` (default `<body>`), mounted while open. The kit's dialogs
 * animate in only (an exit animation would need Radix Presence, 1 kB for a 120 ms fade).
 */
export function DialogPortal({ children, container }: { children?: ReactNode; container?: Element | DocumentFragment | null }) {
  const { open } = useDialog();
  if (!open) return null;
  return (
    <>
      {Children.map(children, (child) => (
        <Portal asChild container={container}>
          {child}
        </Portal>
      ))}
    </>
  );
}

/** The unstyled overlay: rendered only by modal dialogs; a press on it dismisses (a Radix "dismissable surface"). */
export const DialogOverlayBase = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function DialogOverlayBase(
  { style, ...props },
  ref,
) {
  const { open, modal } = useDialog();
  const refs = useComposedRefs(ref, useDismissableLayerSurface());
  // pointer-events: the modal layer sets `pointer-events: none` on <body>.
  return modal ? <div data-state={state(open)} {...props} ref={refs} style={{ pointerEvents: 'auto', ...style }} /> : null;
});

export interface DialogContentBaseProps
  extends Omit<DismissableLayerProps, 'onDismiss' | 'disableOutsidePointerEvents' | 'deferPointerDownOutside'> {
  /** Called when focus moves into the content on open; prevent it to focus something else. */
  onOpenAutoFocus?: (event: Event) => void;
  /** Called when focus moves back (to the trigger) on close; prevent it to focus something else. */
  onCloseAutoFocus?: (event: Event) => void;
}

/**
 * The unstyled content (Radix DialogContent): role="dialog", labelled by its Title and described by
 * its Description. Modal: the rest of the page is aria-hidden, page scroll locked, focus trapped
 * and looping, outside pointer events disabled, and only Escape or a left click outside dismiss.
 * Non-modal: focus or a click outside dismisses too, and nothing else is locked. Must sit in a
 * `DialogPortal` (which mounts and unmounts it).
 */
export const DialogContentBase = forwardRef<HTMLDivElement, DialogContentBaseProps>(function DialogContentBase(
  { onOpenAutoFocus, onCloseAutoFocus, onPointerDownOutside, onFocusOutside, onInteractOutside, ...props },
  ref,
) {
  const context = useDialog();
  const { open, modal, triggerRef } = context;
  const node = useRef<HTMLDivElement>(null);
  // Non-modal only: an interaction outside closed it, so focus stays where the person put it.
  const outside = useRef({ interacted: false, pointerDown: false });

  useFocusGuards();
  useScrollLock(modal);
  useEffect(() => {
    if (modal && node.current) return hideOthers(node.current);
  }, [modal]);

  return (
    <FocusScope
      asChild
      loop
      trapped={modal && open}
      onMountAutoFocus={onOpenAutoFocus}
      onUnmountAutoFocus={(event) => {
        onCloseAutoFocus?.(event);
        if (!event.defaultPrevented) {
          if (modal || !outside.current.interacted) triggerRef.current?.focus();
          event.preventDefault();
        }
        outside.current = { interacted: false, pointerDown: false };
      }}
    >
      <DismissableLayer
        role="dialog"
        id={context.contentId}
        aria-labelledby={context.titles ? context.titleId : undefined}
        aria-describedby={context.descriptions ? context.descriptionId : undefined}
        data-state={state(open)}
        // After the defaults: an explicit role or aria-describedby (even `undefined`) wins.
        {...props}
        ref={useComposedRefs(ref, node)}
        disableOutsidePointerEvents={modal && open}
        deferPointerDownOutside
        onDismiss={() => context.setOpen(false)}
        onPointerDownOutside={(event) => {
          onPointerDownOutside?.(event);
          const { button, ctrlKey } = event.detail.originalEvent;
          // A right click (or ctrl+click, the macOS one) outside a modal dialog does not close it.
          if (modal && (button === 2 || (button === 0 && ctrlKey))) event.preventDefault();
        }}
        onFocusOutside={(event) => {
          onFocusOutside?.(event);
          if (modal) event.preventDefault();
        }}
        onInteractOutside={(event) => {
          onInteractOutside?.(event);
          if (modal) return;
          const type = event.detail.originalEvent.type;
          if (!event.defaultPrevented) {
            outside.current.interacted = true;
            if (type === 'pointerdown') outside.current.pointerDown = true;
          }
          // A press on the trigger is left to the trigger's own toggle (else it would close, then reopen),
          // and the focus that follows a press outside is not a second dismissal.
          if (triggerRef.current?.contains(event.target as Node)) event.preventDefault();
          if (type === 'focusin' && outside.current.pointerDown) event.preventDefault();
        }}
      />
    </FocusScope>
  );
});

/** Counts a mounted Title / Description part in the root. */
function useCount(set: Dispatch<SetStateAction<number>>) {
  useLayoutEffect(() => {
    set((count) => count + 1);
    return () => set((count) => count - 1);
  }, [set]);
}

export type TextPartProps<T extends 'h2' | 'p'> = ComponentPropsWithoutRef<T> & { asChild?: boolean };

export const DialogTitleBase = forwardRef<HTMLHeadingElement, TextPartProps<'h2'>>(function DialogTitleBase(
  { asChild, ...props },
  ref,
) {
  const { titleId, setTitles } = useDialog();
  useCount(setTitles);
  const Comp: ElementType = asChild ? Slot : 'h2';
  return <Comp id={titleId} {...props} ref={ref} />;
});

export const DialogDescriptionBase = forwardRef<HTMLParagraphElement, TextPartProps<'p'>>(function DialogDescriptionBase(
  { asChild, ...props },
  ref,
) {
  const { descriptionId, setDescriptions } = useDialog();
  useCount(setDescriptions);
  const Comp: ElementType = asChild ? Slot : 'p';
  return <Comp id={descriptionId} {...props} ref={ref} />;
});
