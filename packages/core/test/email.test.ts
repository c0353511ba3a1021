import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { EmailSchema } from '@seatkit/core/contract';
import { EMAIL_PATTERN, normalizeEmail } from '../src/contract/email.js';

// parseEmailList uses normalizeEmail so that the client bundle carries no zod; it must say what EmailSchema says.
describe('normalizeEmail', () => {
  const agrees = (raw: string): void => {
    const parsed = EmailSchema.safeParse(raw);
    expect(normalizeEmail(raw), JSON.stringify(raw)).toBe(parsed.success ? parsed.data : null);
  };

  it('keeps zod’s default email pattern, which EmailSchema used before it named one', () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
  });

  it.each([
    ' Ann@Example.COM ',
    'ann@example.com',
    'a.b+tag@sub.example.co',
    `${'a'.repeat(240)}@example.com`,
    `${'a'.repeat(243)}@example.com`,
    'not-an-email',
    'x@y',
    'ann@@example.com',
    '.ann@example.com',
    'ann@example.c',
    '',
    '  ',
  ])('agrees with EmailSchema on %j', agrees);

  it('agrees with EmailSchema on generated addresses and near-misses', () => {
    const nearMiss = fc.tuple(fc.emailAddress(), fc.string({ maxLength: 3 }), fc.nat(40)).map(([email, noise, at]) => email.slice(0, at) + noise + email.slice(at));
    fc.assert(fc.property(fc.oneof(fc.emailAddress(), nearMiss, fc.string()), fc.constantFrom('', ' ', '\t'), (email, pad) => agrees(pad + email.toUpperCase() + pad)));
  });
});
