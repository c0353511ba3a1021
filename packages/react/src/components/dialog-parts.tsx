'use client';

import type { ReactNode } from 'react';
import { Button, type ButtonProps } from '../ui/button.js';
import { DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '../ui/dialog.js';

/**
 * The trigger of a component's dialog: the host's own (`trigger`), none (`null`), or the kit's button
 * showing `label`. When the viewer may not act (`refusal` says why), the kit's button opens nothing and
 * stays focusable to explain why.
 */
export function ActionDialogTrigger({
  trigger,
  label,
  variant,
  refusal,
}: {
  trigger: ReactNode | null | undefined;
  label: ReactNode;
  variant?: ButtonProps['variant'];
  /** Why the viewer may not act, once known; `null` while allowed (or not known yet). */
  refusal: string | null;
}) {
  if (trigger === null) return null;
  const button = (
    <Button variant={variant} disabledReason={refusal}>
      {label}
    </Button>
  );
  if (refusal && trigger === undefined) return button;
  return <DialogTrigger asChild>{trigger ?? button}</DialogTrigger>;
}

/** The title and description every kit dialog opens with. */
export function DialogHeading({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <DialogHeader>
      <DialogTitle>{title}</DialogTitle>
      {description ? <DialogDescription>{description}</DialogDescription> : null}
    </DialogHeader>
  );
}
