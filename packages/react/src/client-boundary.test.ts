import { describe, expect, it } from 'vitest';
import { clientReason, hasClientDirective } from '../build/client-boundary.mjs';

// Every module that ships (tests, stories, docs and test helpers do not).
const sources = Object.entries(
  import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./**/*.test-d.ts', '!./**/*.stories.tsx', '!./test/**', '!./docs/**'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
).map(([path, code]) => ({ path: path.slice(2), code, reason: clientReason(code, { jsx: path.endsWith('.tsx') }) }));

describe('the "use client" boundary (Next.js App Router)', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(80);
  });

  it('every client module (JSX, React, Radix, a hook) starts with the directive', () => {
    const missing = sources.filter((s) => s.reason && !hasClientDirective(s.code)).map((s) => `${s.path}: ${s.reason}`);
    expect(missing).toEqual([]);
  });

  it('no server-safe module carries it: factories, keys, messages and rules import on a server', () => {
    const extra = sources.filter((s) => !s.reason && hasClientDirective(s.code)).map((s) => s.path);
    expect(extra).toEqual([]);
    const serverSafe = sources.filter((s) => !s.reason).map((s) => s.path);
    expect(serverSafe).toEqual(
      expect.arrayContaining(['index.ts', 'queries.ts', 'query-keys.ts', 'messages/index.ts', 'messages/fr/access-gate.ts', 'messages/format.ts']),
    );
  });

  it('the rule tells a client module from a server-safe one', () => {
    expect(clientReason("import { useState } from 'react';\nexport const x = 1;")).toBe('imports react');
    expect(clientReason("import { useSeatKit } from '../provider.js';\nexport function useOrgId() { return useSeatKit(); }")).toMatch(/hook useSeatKit/);
    expect(clientReason("import type { ReactNode } from 'react';\nexport const x = 1;")).toBeNull();
    expect(clientReason("import { queryOptions } from '@tanstack/react-query';\nexport const q = queryOptions({});")).toBeNull();
    expect(clientReason('export const x = 1;', { jsx: true })).toBe('renders JSX');
    // A barrel as esbuild emits it: imports and one export list, no code of its own.
    expect(clientReason('import { Button } from "./button.js";\nimport { useX } from "./x.js";\nexport {\n  Button,\n  useX\n};\n')).toBeNull();
    expect(hasClientDirective('"use client";\nimport x from "y";')).toBe(true);
    expect(hasClientDirective("// why\n'use client';\n")).toBe(true);
    expect(hasClientDirective("import x from 'y';\n'use client';")).toBe(false);
  });
});
