import { describeError } from '@seatkit/core';
import { signInAs, signOut } from '../lib/dev-sign-in';
import { getSeatKit, SEATKIT_URL } from '../lib/seatkit-server';
import { AdminArea } from './admin-area';

// Per-user data: render on every request, never at build time.
export const dynamic = 'force-dynamic';

/**
 * A server component: it reads SeatKit with the core client, on the server, with the user's token,
 * and hands the organization to the client components below.
 */
export default async function Home({ searchParams }: { searchParams: Promise<{ org?: string; error?: string }> }) {
  const { org: orgParam, error } = await searchParams;
  const seatkit = await getSeatKit();
  if (!seatkit) return <SignIn error={error} />;

  let me, subscriptions;
  try {
    me = await seatkit.me();
    const membership = me.memberships.find((m) => m.organization.id === orgParam) ?? me.memberships[0];
    if (!membership) {
      return (
        <main>
          <p>{me.user.email} is not a member of any organization yet.</p>
          <SignOutButton />
        </main>
      );
    }
    subscriptions = { org: membership.organization, items: (await seatkit.subscriptions.list({ orgId: membership.organization.id })).items };
  } catch (cause) {
    return (
      <main>
        <h1>SeatKit is not reachable</h1>
        <p role="alert">{describeError(cause)}</p>
        <p>
          This app calls the SeatKit server at <code>{SEATKIT_URL}</code> (set <code>SEATKIT_URL</code>).
        </p>
        <SignOutButton />
      </main>
    );
  }

  return (
    <main>
      <header className="bar">
        <h1>{subscriptions.org.name}</h1>
        <span>
          {me.user.email} <SignOutButton />
        </span>
      </header>
      {me.memberships.length > 1 && (
        <nav aria-label="Organizations">
          {me.memberships.map((m) => (
            <a key={m.organization.id} href={`/?org=${m.organization.id}`} aria-current={m.organization.id === subscriptions.org.id ? 'page' : undefined}>
              {m.organization.name}
            </a>
          )).reduce<React.ReactNode[]>((all, link, i) => (i ? [...all, ' · ', link] : [link]), [])}
        </nav>
      )}

      <section aria-labelledby="subscriptions-heading">
        <h2 id="subscriptions-heading">Subscriptions (server-rendered)</h2>
        <table className="subscriptions">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Status</th>
              <th scope="col">Assigned</th>
              <th scope="col">Reserved</th>
              <th scope="col">Available</th>
              <th scope="col">Seats</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.items.map((s) => (
              <tr key={s.id}>
                <td>{s.product.name}</td>
                <td>{s.status}</td>
                <td>{s.seats.assigned}</td>
                <td>{s.seats.reserved}</td>
                <td>{s.seats.available}</td>
                <td>{s.seats.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <AdminArea orgId={subscriptions.org.id} />
    </main>
  );
}

function SignOutButton() {
  return (
    <form action={signOut} style={{ display: 'inline' }}>
      <button type="submit">Sign out</button>
    </form>
  );
}

const SIGN_IN_ERRORS: Record<string, string> = {
  unreachable: `The SeatKit server does not answer at ${SEATKIT_URL}. Is it running?`,
  'no-dev-auth': 'The server has no development sign-in: start it with SEATKIT_AUTH=dev (or --seed demo).',
  email: 'Enter an email address.',
  'sign-in': 'Sign-in failed: check the email address.',
};

function SignIn({ error }: { error?: string }) {
  return (
    <main>
      <h1>Sign in</h1>
      <p>
        Development sign-in against the SeatKit reference server at <code>{SEATKIT_URL}</code> (started with{' '}
        <code>SEATKIT_AUTH=dev</code> or <code>--seed demo</code>). The token is stored in an httpOnly cookie.
      </p>
      {error && <p role="alert">{SIGN_IN_ERRORS[error] ?? SIGN_IN_ERRORS['sign-in']}</p>}
      <form action={signInAs}>
        <label htmlFor="email">Email</label>{' '}
        <input id="email" name="email" type="email" required defaultValue="owner@northwind.test" />{' '}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
