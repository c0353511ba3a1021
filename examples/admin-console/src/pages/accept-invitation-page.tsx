export function AcceptInvitationPage() {
  return <h1>Accept invitation</h1>;
}
