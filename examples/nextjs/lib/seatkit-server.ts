import { cookies } from 'next/headers';
import { createSeatKitClient, type SeatKitClient } from '@seatkit/core';

/**
 * Server-side SeatKit access. The bearer token never reaches the browser: it lives in an httpOnly
 * cookie (or the SEATKIT_TOKEN environment variable), server components read it here, and the
 * browser's calls go through the `/api/seatkit` route handler, which adds it.
 *
 * In your product, return your identity provider's access token for the signed-in user instead.
 */
export const SEATKIT_URL = (process.env.SEATKIT_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
export const TOKEN_COOKIE = 'seatkit-token';

export async function getServerToken(): Promise<string | null> {
  return (await cookies()).get(TOKEN_COOKIE)?.value ?? process.env.SEATKIT_TOKEN ?? null;
}

/** A core client for server components and route handlers, authenticated as the signed-in user. */
export async function getSeatKit(): Promise<SeatKitClient | null> {
  const token = await getServerToken();
  if (!token) return null;
  return createSeatKitClient({ baseUrl: SEATKIT_URL, getToken: () => token });
}
