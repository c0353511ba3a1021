import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateRoleBodySchema, LIMITS, NameSchema, labelProblem } from '@seatkit/core/contract';

// Forms check names with labelProblem (no zod in the kit's bundle); the server checks with the schemas.
// They must agree on every input, and the problem must be the one the schema reports.
describe('labelProblem', () => {
  const agrees = (raw: string): void => {
    const parsed = NameSchema.safeParse(raw);
    const problem = labelProblem(raw, LIMITS.nameLength);
    expect(problem === null, JSON.stringify(raw)).toBe(parsed.success);
  };

  it.each([
    ['Ann', null],
    ['  Ann  ', null],
    ['<b>Ann</b>', null],
    ['Zoë Ångström-Łukasz', null],
    ['', 'required'],
    ['   ', 'required'],
    ['a'.repeat(LIMITS.nameLength), null],
    [` ${'a'.repeat(LIMITS.nameLength)} `, null],
    ['a'.repeat(LIMITS.nameLength + 1), 'too_long'],
    ['Ann\r\nBcc: x@y.z', 'control_characters'],
    ['Ann\u0000', 'control_characters'],
    ['Ann\u007f', 'control_characters'],
  ] as const)('%j → %s, as NameSchema says', (raw, expected) => {
    expect(labelProblem(raw, LIMITS.nameLength)).toBe(expected);
    agrees(raw);
  });

  it('agrees with NameSchema on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 110 })), (raw) => agrees(raw)),
      { numRuns: 2000 },
    );
  });

  it('takes the limit of the label: a role name is shorter than a person’s', () => {
    for (const name of ['a'.repeat(LIMITS.roleNameLength), 'a'.repeat(LIMITS.roleNameLength + 1)]) {
      const parsed = CreateRoleBodySchema.safeParse({ key: 'auditor', name, permissions: [] });
      expect(parsed.success).toBe(labelProblem(name, LIMITS.roleNameLength) === null);
    }
  });
});
