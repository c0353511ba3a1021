import { useEffect, useState, type FormEvent } from 'react';
import { listDevUsers, signIn, type DevUser } from '../session.js';

/**
 * Development sign-in: pick a demo user (or type any email, e.g. someone you just invited).
 * Replace this page with your identity provider's sign-in.
 */
/** Owners and admins first: they can do the most in the console. */
const ROLE_RANK: Record<string, number> = { owner: 0, admin: 1 };
const rank = (user: DevUser) => Math.min(2, ...user.memberships.map((m) => ROLE_RANK[m.role] ?? 2));

export function SignInPage({ title = 'Sign in', suggestedEmail }: { title?: string; suggestedEmail?: string }) {
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [email, setEmail] = useState(suggestedEmail ?? '');
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    listDevUsers().then(
      (list) => !cancelled && setUsers([...list].sort((a, b) => rank(a) - rank(b))),
      (e: Error) => !cancelled && setLoadError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const go = async (address: string) => {
    setPending(address);
    setError(null);
    try {
      await signIn(address);
    } catch (e) {
      setError((e as Error).message);
      setPending(null);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) void go(email.trim());
  };

  return (
    <main className="sign-in">
      <h1>{title}</h1>
      <p className="muted">Development sign-in of the SeatKit reference server. No password: choose who you are.</p>

      <form className="sign-in-form" onSubmit={onSubmit}>
        <label htmlFor="sign-in-email">Email</label>
        <div className="row">
          <input
            id="sign-in-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="someone@example.com"
          />
          <button type="submit" disabled={pending !== null}>
            Sign in
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      <h2>Demo users</h2>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {!users && !loadError && <p className="muted">Loading…</p>}
      {users && (
        <ul className="user-picker" aria-label="Demo users">
          {users.map((user) => (
            <li key={user.email}>
              <button type="button" disabled={pending !== null} onClick={() => void go(user.email)}>
                <span className="name">
                  Sign in as {user.firstName} {user.lastName}
                </span>
                <span className="email">{user.email}</span>
                <span className="orgs">
                  {user.memberships.length
                    ? user.memberships.map((m) => `${m.orgName} (${m.role})`).join(' · ')
                    : 'no organization yet'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
