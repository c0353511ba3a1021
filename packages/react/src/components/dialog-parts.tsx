'use client';

import type { ReactNode } from 'react';
import { DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '../ui/dialog.js';

/**
 * The trigger of a component's dialog: the host's own (`trigger`), none (`null`), or the kit's button
 * (`fallback`). When the viewer may not act, the kit's button stays outside `DialogTrigger`: a disabled
 * action opens nothing, and it stays focusable to explain why.
 */
export function ActionDialogTrigger({
  trigger,
  fallback,
  blocked,
}: {
  trigger: ReactNode | null | undefined;
  fallback: ReactNode;
  /** The viewer is known and may not act. */
  blocked: boolean;
}) {
  if (trigger === null) return null;
  if (blocked && trigger === undefined) return <>{fallback}</>;
  return <DialogTrigger asChild>{trigger ?? fallback}</DialogTrigger>;
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
