import { describe, expect, it } from 'vitest';
import { parseInvitationToken } from '@seatkit/core';

describe('parseInvitationToken', () => {
  it('reads the token of an accept link', () => {
    expect(parseInvitationToken('http://localhost:5173/accept-invitation?token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(parseInvitationToken(new URL('https://app.example.com/accept-invitation?x=1&token=t%2B1'))).toBe('t+1');
  });

  it('reads a relative link and a token in the hash', () => {
    expect(parseInvitationToken('/accept-invitation?token=abc')).toBe('abc');
    expect(parseInvitationToken('https://app.example.com/#/accept-invitation?x=1&token=xyz')).toBe('xyz');
    expect(parseInvitationToken('https://app.example.com/accept#token=xyz')).toBe('xyz');
  });

  it('accepts a bare token pasted on its own', () => {
    expect(parseInvitationToken('  Zm9vYmFyYmF6cXV4cXV1eA  ')).toBe('Zm9vYmFyYmF6cXV4cXV1eA');
  });

  it('returns null when there is no token', () => {
    expect(parseInvitationToken('https://app.example.com/accept-invitation')).toBe(null);
    expect(parseInvitationToken('https://app.example.com/accept-invitation?token=')).toBe(null);
    expect(parseInvitationToken('hello')).toBe(null);
    expect(parseInvitationToken('https://app.example.com/?mytoken=abc')).toBe(null);
    expect(parseInvitationToken('')).toBe(null);
  });
});
