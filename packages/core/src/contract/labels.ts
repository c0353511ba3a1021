/**
 * The rule for free-text labels (a person's, organization's, role's or product's name), without
 * zod: the schemas check with it on the server, and forms check with it before sending, so the
 * React kit carries no zod for a few form fields.
 */

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Why a label is refused: empty after trimming, longer than allowed, or holding a control character. */
export type LabelProblem = 'required' | 'too_long' | 'control_characters';

/**
 * What the label schemas (`NameSchema` with `max` = `LIMITS.nameLength`, …) would refuse in `raw`,
 * or `null` when they accept it. Checked after trimming, as the schemas do.
 *
 * @example labelProblem(firstName, LIMITS.nameLength) // → null | 'required' | 'too_long' | 'control_characters'
 */
export function labelProblem(raw: string, max: number): LabelProblem | null {
  const value = raw.trim();
  if (value.length < 1) return 'required';
  if (value.length > max) return 'too_long';
  if (CONTROL_CHARS.test(value)) return 'control_characters';
  return null;
}
