import { useState, type ReactNode } from 'react';
import { Button, useMember } from '@seatkit/react';
import type { Member } from '@seatkit/core';

/**
 * A button that opens a controlled dialog: the first story of each dialog starts closed, so its
 * docs page is not covered by a modal overlay.
 */
export function OpenWith({
  label,
  defaultOpen = false,
  children,
}: {
  label: string;
  defaultOpen?: boolean;
  children: (open: boolean, setOpen: (open: boolean) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      {children(open, setOpen)}
    </>
  );
}

/** Loads a member from the server (as the components' own lists do), then renders `children` with it. */
export function WithMember({ memberId, children }: { memberId: string; children: (member: Member) => ReactNode }) {
  const member = useMember(memberId);
  if (!member.data) return null;
  return <>{children(member.data)}</>;
}

/**
 * A decorator that renders the story in a container `width` px wide: the kit's layouts follow their
 * container (container queries), so this is how a story shows a phone (390) or a desktop (1280) width.
 */
export const inWidth = (width: number) =>
  function InWidth(Story: () => React.ReactElement) {
    return (
      <div style={{ inlineSize: width }}>
        <Story />
      </div>
    );
  };
