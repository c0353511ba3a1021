export function InvitationsPage() {
  return <h1>Invitations</h1>;
}
