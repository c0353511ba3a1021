'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SEATKIT_URL, TOKEN_COOKIE } from './seatkit-server';

/**
 * Development sign-in (server actions): asks the reference server for a dev token (`POST /dev/token`,
 * only on servers started with SEATKIT_AUTH=dev) and keeps it in an httpOnly cookie.
 * Replace with your identity provider.
 */
export async function signInAs(formData: FormData): Promise<void> {
  const email = String(formData.get('email') ?? '').trim();
  if (!email) redirect('/?error=email');
  let response: Response;
  try {
    response = await fetch(`${SEATKIT_URL}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
      cache: 'no-store',
    });
  } catch {
    redirect('/?error=unreachable');
  }
  if (!response.ok) redirect(`/?error=${response.status === 404 ? 'no-dev-auth' : 'sign-in'}`);
  const { token } = (await response.json()) as { token: string };
  (await cookies()).set(TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && !SEATKIT_URL.startsWith('http://localhost'),
    path: '/',
    maxAge: 60 * 60 * 8,
  });
  redirect('/');
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(TOKEN_COOKIE);
  redirect('/');
}
