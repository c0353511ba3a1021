import { OrganizationSwitcher, SeatKitProvider, useLastOrganization, useMe, useSeatKit } from '@seatkit/react';
import { useEffect, useState, type ReactNode } from 'react';
import { PRODUCTS, SEATKIT_URL } from './config.js';
import { ACCOUNT_PAGES, AccountTabs } from './account-tabs.js';
import { MainNav } from './main-nav.js';
import { AcceptInvitationPage } from './pages/accept-invitation-page.js';
import { AuditPage } from './pages/audit-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { InvitationsPage } from './pages/invitations-page.js';
import { ProductPage } from './pages/product-page.js';
import { RequestsPage } from './pages/requests-page.js';
import { RolesPage } from './pages/roles-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { UsersPage } from './pages/users-page.js';
import { Link, useLocation } from './router.js';
import { seatkit } from './seatkit.js';
import { signOut, storedOrgId, storeOrgId, useSession } from './session.js';

const PAGES: Record<string, { title: string; Page: () => React.JSX.Element }> = {
  '/': { title: 'Dashboard', Page: DashboardPage },
  '/users': { title: 'Users', Page: UsersPage },
  '/invitations': { title: 'Invitations', Page: InvitationsPage },
  '/requests': { title: 'Requests', Page: RequestsPage },
  '/roles': { title: 'Roles', Page: RolesPage },
  '/audit': { title: 'Audit log', Page: AuditPage },
  ...Object.fromEntries(
    Object.values(PRODUCTS).map((product) => [
      product.path,
      { title: product.name, Page: () => <ProductPage product={product} /> },
    ]),
  ),
};
// The account's pages are tabs under "Users" (AccountTabs), not links of their own in the top bar.
const NAV_ITEMS = [
  ...Object.entries(PAGES)
    .filter(([href]) => href === '/users' || !(ACCOUNT_PAGES as readonly string[]).includes(href))
    .map(([href, { title }]) => ({ href, title, ...(href === '/users' && { section: ACCOUNT_PAGES }) })),
  { href: `${SEATKIT_URL}/dev/mailbox`, title: 'Dev mailbox', external: true },
];

export function App() {
  const session = useSession();
  const { pathname } = useLocation();

  return (
    // Keyed by the signed-in email: a different person gets a fresh cache and their own organization.
    <ConsoleProvider key={session?.email ?? 'signed-out'} signedIn={session !== null}>
      {pathname === '/accept-invitation' ? (
        // Open to everyone: the page itself asks the right person to sign in.
        <AcceptInvitationPage />
      ) : session ? (
        <Shell email={session.email} pathname={pathname} />
      ) : (
        <SignInPage />
      )}
    </ConsoleProvider>
  );
}

/**
 * The provider with the organization in use controlled here: this tab's (restored after a reload), else
 * none until the shell opens the one this person viewed last. Signed out it stays `null`, which keeps the
 * provider from requesting /v1/me (that could only answer 401, and log it in the console).
 */
function ConsoleProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [orgId, setOrgId] = useState(() => (signedIn ? storedOrgId() : null));
  const change = (next: string) => {
    storeOrgId(next);
    setOrgId(next);
  };
  return (
    <SeatKitProvider client={seatkit} orgId={orgId} onOrgIdChange={change}>
      {children}
    </SeatKitProvider>
  );
}

function Shell({ email, pathname }: { email: string; pathname: string }) {
  const page = PAGES[pathname];
  const me = useMe();
  const { orgId, setOrgId } = useSeatKit();
  const memberships = me.data?.memberships ?? [];
  const hasOrg = memberships.length > 0;
  const current = memberships.find((m) => m.organization.id === orgId);

  // Just signed in: open the organization this person viewed last in this browser (the kit remembers it;
  // one they left, or none, gives their first), before any page asks about another.
  const last = useLastOrganization();
  useEffect(() => {
    if (!orgId && last.orgId) setOrgId(last.orgId);
  }, [orgId, last.orgId, setOrgId]);

  // Remember the organization in use (not only a switcher's pick): after a reload, one that is no longer
  // among the memberships means this person was removed from it, and the page says so below.
  const currentOrgId = current?.organization.id;
  useEffect(() => {
    if (currentOrgId) storeOrgId(currentOrgId);
  }, [currentOrgId]);

  return (
    <div className="shell">
      <header className="topbar">
        <strong className="brand">SeatKit</strong>
        {hasOrg && <OrganizationSwitcher />}
        <MainNav items={NAV_ITEMS} />
        <span className="who">
          {/* A long address is cut with an ellipsis; the whole of it stays the text (and the tooltip). */}
          <span className="who-email" aria-label="Signed in as" title={email}>
            {email}
          </span>
          <button type="button" className="link" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main className="content">
        {/* The pages render only for an organization this person belongs to: they ask only what the session can see. */}
        {/* Also while the organization to open is being picked, just after signing in. */}
        {me.isPending || (hasOrg && !orgId) ? (
          <p role="status" className="muted">
            Loading…
          </p>
        ) : me.isError ? (
          <section role="alert">
            <h1>Could not load your account</h1>
            <p>{me.error.message}</p>
            <button type="button" onClick={() => void me.refetch()}>
              Try again
            </button>
          </section>
        ) : orgId && !current ? (
          <NoLongerMember />
        ) : !hasOrg ? (
          <section>
            <h1>No organization yet</h1>
            <p>You are not a member of any organization. Open the invitation link from your email to join one.</p>
          </section>
        ) : page ? (
          <>
            {(ACCOUNT_PAGES as readonly string[]).includes(pathname) ? <AccountTabs /> : null}
            <page.Page />
          </>
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

/** The organization in use is no longer among this person's memberships: an admin removed them (or it is gone). */
function NoLongerMember() {
  const me = useMe();
  const { setOrgId } = useSeatKit();
  const next = me.data?.memberships[0]?.organization;
  return (
    <section>
      <h1>You are no longer a member</h1>
      <p>
        You no longer have access to the organization you were working in: an admin removed you from it.
        {next ? '' : ' Ask an admin to invite you again, or open a new invitation link from your email.'}
      </p>
      {next && (
        <button type="button" onClick={() => setOrgId(next.id)}>
          Continue to {next.name}
        </button>
      )}
    </section>
  );
}
