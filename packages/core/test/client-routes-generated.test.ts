import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ERROR_CODES, ERROR_STATUS, LIMITS, routes } from '@seatkit/core/contract';
import { compileShape, GENERATED_FILE, generateClientRoutes } from '../scripts/generate-client-routes.js';
import { batchSize, clientRoutes, errorCodes, errorStatus } from '../src/client-routes.generated.js';

describe('src/client-routes.generated.ts', () => {
  it('is what the generator makes of the current contract (run `npm run generate -w @seatkit/core` if not)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generateClientRoutes());
  });

  it('has every route of the contract with its method, path, auth and body', () => {
    expect(Object.keys(clientRoutes)).toEqual(Object.keys(routes));
    for (const [name, route] of Object.entries(routes)) {
      expect(clientRoutes[name as keyof typeof routes], name).toMatchObject({
        method: route.method,
        path: route.path,
        auth: route.auth,
        body: 'body' in route,
        ...(route.response === null && { response: null }),
      });
    }
  });

  it('carries the contract’s error codes, statuses and batch size', () => {
    expect(errorCodes).toEqual(ERROR_CODES);
    expect(errorStatus).toEqual(ERROR_STATUS);
    expect(batchSize).toBe(LIMITS.batchSize);
  });
});

describe('compileShape', () => {
  // A construct the client cannot reproduce must stop the build, not be checked more loosely than the server checks.
  it.each([
    ['a refinement', z.string().check(z.refine((v) => v !== 'x'))],
    ['a transform', z.pipe(z.string(), z.transform((v) => v.length))],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a number range', z.number().check(z.gte(0))],
    ['an array length', z.array(z.string()).check(z.minLength(1))],
    ['a record of constrained keys', z.record(z.enum(['a', 'b']), z.string())],
    ['a date', z.date()],
    ['a nested refinement', z.object({ items: z.array(z.object({ n: z.string().check(z.trim()) })) })],
  ])('refuses %s', (_, schema) => {
    expect(() => compileShape(schema, 'Test')).toThrow(/Test.* does not support/);
  });

  it('shares one shape for a schema used in several places', () => {
    const Id = z.string().check(z.minLength(1));
    const shape = compileShape(z.object({ a: Id, b: z.array(Id) }));
    expect(shape).toMatchObject({ type: 'object' });
    const fields = (shape as { shape: Record<string, { of?: unknown }> }).shape;
    expect(fields.b!.of).toBe(fields.a);
  });
});
