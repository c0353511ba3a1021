import { OrganizationSwitcher, SeatKitProvider, useMe } from '@seatkit/react';
import { SEATKIT_URL } from './config.js';
import { AcceptInvitationPage } from './pages/accept-invitation-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { InvitationsPage } from './pages/invitations-page.js';
import { ProductPage } from './pages/product-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { UsersPage } from './pages/users-page.js';
import { Link, useLocation } from './router.js';
import { seatkit } from './seatkit.js';
import { signOut, storedOrgId, storeOrgId, useSession } from './session.js';

const PAGES: Record<string, { title: string; Page: () => React.JSX.Element }> = {
  '/': { title: 'Dashboard', Page: DashboardPage },
  '/users': { title: 'Users', Page: UsersPage },
  '/invitations': { title: 'Invitations', Page: InvitationsPage },
  '/imaging-app': { title: 'Imaging App', Page: ProductPage },
};

export function App() {
  const session = useSession();
  const { pathname } = useLocation();

  return (
    // Keyed by the signed-in email: a different person gets a fresh cache and their own organization.
    <SeatKitProvider
      key={session?.email ?? 'signed-out'}
      client={seatkit}
      defaultOrgId={storedOrgId()}
      onOrgIdChange={storeOrgId}
    >
      {pathname === '/accept-invitation' ? (
        // Open to everyone: the page itself asks the right person to sign in.
        <AcceptInvitationPage />
      ) : session ? (
        <Shell email={session.email} pathname={pathname} />
      ) : (
        <SignInPage />
      )}
    </SeatKitProvider>
  );
}

function Shell({ email, pathname }: { email: string; pathname: string }) {
  const page = PAGES[pathname];
  const me = useMe();
  const hasOrg = (me.data?.memberships.length ?? 0) > 0;
  return (
    <div className="shell">
      <header className="topbar">
        <strong className="brand">SeatKit console</strong>
        {hasOrg && <OrganizationSwitcher />}
        <nav aria-label="Main">
          {Object.entries(PAGES).map(([href, { title }]) => (
            <Link key={href} href={href}>
              {title}
            </Link>
          ))}
          <a href={`${SEATKIT_URL}/dev/mailbox`} target="_blank" rel="noreferrer">
            Dev mailbox
          </a>
        </nav>
        <span className="who">
          <span aria-label="Signed in as">{email}</span>
          <button type="button" className="link" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main className="content">
        {me.isSuccess && !hasOrg ? (
          <section>
            <h1>No organization yet</h1>
            <p>You are not a member of any organization. Open the invitation link from your email to join one.</p>
          </section>
        ) : page ? (
          <page.Page />
        ) : (
          <section>
            <h1>Page not found</h1>
            <p>
              <Link href="/">Back to the dashboard</Link>
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
