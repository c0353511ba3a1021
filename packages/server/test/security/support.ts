import { expect } from 'vitest';
import * as z from 'zod/mini';
import { ERROR_STATUS, ErrorBodySchema, SERVER_ERROR_CODES } from '@seatkit/core/contract';
import type { Database, Logger } from '@seatkit/server';
import { DATA_TABLES } from '../../src/db/migrations.js';
import type { ApiResult } from '../helpers.js';

export * from '../helpers.js';

/** Row counts of every data table: equal before and after a rejected request means nothing was half-written. */
export async function tableCounts(db: Pick<Database, 'query'>): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(
    `select ${DATA_TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`,
  );
  return { ...rows[0]! };
}

/** A logger that keeps every line (and the error it came with), to scan for secrets. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const keep = (m: string, e?: unknown) => {
    lines.push(e === undefined ? m : `${m} ${e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : JSON.stringify(e)}`);
  };
  return { lines, logger: { info: (m) => keep(m), warn: (m) => keep(m), error: (m, e) => keep(m, e ?? '') } };
}

/**
 * A non-2xx answer must be a contract error: `{ error: { code, message, details?, requestId } }` with a code from
 * SERVER_ERROR_CODES, sent with that code's status, and the request id of the `x-request-id` header.
 */
export function expectContractError(res: ApiResult, label = ''): string {
  const parsed = z.safeParse(ErrorBodySchema, res.body);
  expect(parsed.success, `${label} error body: ${JSON.stringify(res.body)}`).toBe(true);
  const code = res.body.error.code as (typeof SERVER_ERROR_CODES)[number];
  expect(SERVER_ERROR_CODES, `${label} code`).toContain(code);
  expect(res.status, `${label} status of ${code}`).toBe(ERROR_STATUS[code]);
  expect(res.body.error.requestId, `${label} request id`).toBe(res.headers.get('x-request-id'));
  return code;
}

/**
 * Real-Postgres-only suites: skipped with a warning when SEATKIT_TEST_DATABASE_URL is missing locally, a failure in CI.
 */
export function realPostgresUrl(): string | undefined {
  const url = process.env.SEATKIT_TEST_DATABASE_URL;
  if (url) return url;
  if (process.env.CI === 'true') throw new Error('SEATKIT_TEST_DATABASE_URL is not set: CI must run the security suites on a real Postgres server');
  console.warn('[seatkit security] SEATKIT_TEST_DATABASE_URL is not set: skipping the real-Postgres concurrency and fault tests (run `npm test -- --only=vitest`, which starts a throwaway Postgres, or point SEATKIT_TEST_DATABASE_URL at any Postgres you can create databases on)');
  return undefined;
}

/** A fresh database on the real Postgres server (dropped by `drop`), with its own URL for extra clients. */
export async function createPgTestDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `seatkit_sec_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A tiny seeded PRNG (mulberry32) so a "random" concurrent mix is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
