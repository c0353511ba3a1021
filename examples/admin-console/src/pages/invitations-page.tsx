import { InvitationList, InviteMembersDialog } from '@seatkit/react';

/** Invitations: invite several people at once (a role each), then follow them up: resend, revoke. */
export function InvitationsPage() {
  return (
    <section aria-labelledby="invitations-title">
      <div className="page-header">
        <h1 id="invitations-title">Invitations</h1>
        <InviteMembersDialog />
      </div>
      <InvitationList aria-label="Invitations" defaultStatus="pending" />
    </section>
  );
}
