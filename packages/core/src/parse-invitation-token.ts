/**
 * The invitation token of an accept link (`…/accept-invitation?token=…`), also when it is in the
 * hash (`#token=…`), or a bare token pasted on its own. `null` when there is none.
 *
 * @example
 * const token = parseInvitationToken(window.location.href);
 * if (token) await seatkit.invitations.accept({ token });
 */
export function parseInvitationToken(url: string | URL): string | null {
  const text = String(url).trim();
  // A bare token: URL-safe characters only, long enough not to be a word someone typed.
  if (/^[\w-]{16,}$/.test(text)) return text;
  let parsed: URL;
  try {
    parsed = new URL(text, 'http://invalid.invalid');
  } catch {
    return null;
  }
  const token = parsed.searchParams.get('token') ?? new URLSearchParams(parsed.hash.slice(1)).get('token');
  return token?.trim() || null;
}
