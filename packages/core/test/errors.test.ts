import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { defaultErrorMessages, describeError, ERROR_CODES, isSeatKitError, SeatKitError } from '@seatkit/core';

describe('SeatKitError', () => {
  it('keeps the developer message, the user message and the cause apart', () => {
    const cause = new TypeError('fetch failed');
    const error = new SeatKitError({ code: 'network', message: 'GET /v1/me failed: fetch failed', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SeatKitError');
    expect(error.message).toBe('GET /v1/me failed: fetch failed');
    expect(error.userMessage).toBe(defaultErrorMessages.network);
    expect(error.cause).toBe(cause);
    expect(error.status).toBeUndefined();
  });

  it('accepts an explicit user message', () => {
    const error = new SeatKitError({ code: 'forbidden', message: 'missing members:remove', userMessage: 'Ask an admin.' });
    expect(error.userMessage).toBe('Ask an admin.');
  });
});

describe('isSeatKitError', () => {
  const error = new SeatKitError({ code: 'seats_exhausted', message: 'No seats left', status: 409 });

  it('matches instances, optionally by code', () => {
    expect(isSeatKitError(error)).toBe(true);
    expect(isSeatKitError(error, 'seats_exhausted')).toBe(true);
    expect(isSeatKitError(error, 'not_found')).toBe(false);
  });

  it('rejects other values', () => {
    for (const value of [null, undefined, 'SeatKitError', new Error('x'), { name: 'SeatKitError' }, { code: 'not_found' }]) {
      expect(isSeatKitError(value)).toBe(false);
    }
  });

  it('matches an error from another realm by name', () => {
    const foreign: unknown = runInNewContext(
      'const e = new Error("gone"); e.name = "SeatKitError"; e.code = "not_found"; e',
    );
    expect(foreign instanceof SeatKitError).toBe(false);
    expect(isSeatKitError(foreign, 'not_found')).toBe(true);
  });

  it('matches a copy of the class from another bundle by its brand', () => {
    // A second bundle copy has its own class, but `Symbol.for` gives it the same brand.
    class OtherCopy extends Error {
      code = 'forbidden';
      constructor() {
        super('denied');
        this.name = 'Error';
        Object.defineProperty(this, Symbol.for('seatkit.error'), { value: true });
      }
    }
    expect(isSeatKitError(new OtherCopy(), 'forbidden')).toBe(true);
  });
});

describe('describeError', () => {
  it('has an English sentence for every code', () => {
    for (const code of ERROR_CODES) {
      expect(defaultErrorMessages[code], code).toMatch(/^[A-Z].+\.$/);
    }
  });

  it('describes a SeatKitError by its code', () => {
    const error = new SeatKitError({ code: 'seats_exhausted', message: 'x' });
    expect(describeError(error)).toBe('There are no seats left in this subscription.');
  });

  it('lets messages override and falls back to English per code', () => {
    const messages = { seats_exhausted: 'Keine Plätze mehr frei.', unknown: 'Etwas ist schiefgelaufen.' };
    expect(describeError(new SeatKitError({ code: 'seats_exhausted', message: 'x' }), messages)).toBe('Keine Plätze mehr frei.');
    expect(describeError(new SeatKitError({ code: 'forbidden', message: 'x' }), messages)).toBe(defaultErrorMessages.forbidden);
    expect(describeError(new Error('boom'), messages)).toBe('Etwas ist schiefgelaufen.');
  });

  it('describes anything else as unknown, never with its developer message', () => {
    expect(describeError(new Error('TypeError: cannot read x of undefined'))).toBe(defaultErrorMessages.unknown);
    expect(describeError('a string')).toBe(defaultErrorMessages.unknown);
  });

  it('describes a foreign SeatKitError with a code newer than this copy as unknown', () => {
    expect(describeError({ name: 'SeatKitError', code: 'plan_required' })).toBe(defaultErrorMessages.unknown);
  });
});
