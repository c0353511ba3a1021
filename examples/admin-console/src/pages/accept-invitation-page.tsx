import { AcceptInvitation } from '@seatkit/react';
import { navigate } from '../router.js';
import { signIn, useSession } from '../session.js';

/**
 * What the invitation email's link opens: `/accept-invitation?token=…`. `AcceptInvitation` reads the
 * token from the URL, shows who invited whom to which organization, and asks the invited person to sign
 * in when nobody (or somebody else) is. After joining it switches the console to the new organization.
 */
export function AcceptInvitationPage() {
  const session = useSession();
  return (
    <main className="accept">
      <AcceptInvitation
        headingLevel={1}
        // Signed out, the page asks the server nothing about "me" (that could only answer 401).
        signedIn={session !== null}
        // In your product: send the person to your sign-in (or sign-up) with the email as a login hint.
        onSignIn={(email) => void signIn(email)}
        onContinue={() => navigate('/', { replace: true })}
      />
      {session && (
        <p className="muted accept-footer">
          Signed in as <span aria-label="Signed in as">{session.email}</span>.
        </p>
      )}
    </main>
  );
}
