/**
 * The invitation token of an accept link (`…/accept-invitation?token=…`), also behind a hash
 * router (`/#/accept-invitation?token=…`) or in the hash (`#token=…`), or a bare token pasted on
 * its own. `null` when there is none.
 *
 * @example
 * const token = parseInvitationToken(window.location.href);
 * if (token) await seatkit.invitations.accept({ token });
 */
export function parseInvitationToken(url: string | URL): string | null {
  const text = String(url).trim();
  // A bare token: URL-safe characters only, long enough not to be a word someone typed.
  if (/^[\w-]{16,}$/.test(text)) return text;
  const match = /[?&#]token=([^&#\s]*)/.exec(text);
  // URLSearchParams decodes exactly as the link was encoded (`%2B`, `+`).
  return match ? new URLSearchParams(`token=${match[1]}`).get('token')?.trim() || null : null;
}
