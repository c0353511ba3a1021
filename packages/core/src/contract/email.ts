/**
 * The one email rule, without zod: `EmailSchema` checks with it on the server and in forms, and
 * `parseEmailList` (and any form that must not carry zod) uses it directly, so the client's bundle
 * does not carry zod for one regex. `test/email.test.ts` keeps both in agreement.
 */

/** Characters in an email address (RFC 5321). */
export const EMAIL_MAX_LENGTH = 254;

/** zod 4's "practical" email pattern (its default), held here so both users share one copy. */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** The address as `EmailSchema` outputs it (trimmed, lower-cased), or `null` when `EmailSchema` would refuse it. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email) ? email : null;
}
