import type { Database } from '../db/database.js';
import { MIGRATIONS } from '../db/migrations.js';
import type { JobsStatus } from '../server.js';

/** A readiness check's outcome: `ok`, or what is wrong. */
export type CheckResult = 'ok' | 'off' | string;

export interface Readiness {
  ready: boolean;
  checks: { shutdown: CheckResult; database: CheckResult; migrations: CheckResult; scheduler: CheckResult };
}

/** The database check gives up after this long: a probe must answer well within a load balancer's timeout. */
const DATABASE_CHECK_MS = 2_000;

/**
 * What `/readyz` answers: ready when this instance is not shutting down, the database answers, every migration this
 * version knows has run, and the periodic jobs' timer has finished a run within three intervals (or is off).
 */
export async function readiness(input: { database: Database; jobs: JobsStatus; draining: boolean; now?: () => Date }): Promise<Readiness> {
  const now = (input.now ?? (() => new Date()))();
  const checks: Readiness['checks'] = { shutdown: input.draining ? 'shutting down' : 'ok', database: 'ok', migrations: 'ok', scheduler: 'ok' };
  if (input.draining) {
    // A draining instance is out of rotation whatever else holds; no database round trip.
    return { ready: false, checks: { ...checks, database: 'skipped', migrations: 'skipped', scheduler: 'skipped' } };
  }
  try {
    const { rows } = await withTimeout(input.database.query<{ name: string }>(`select name from seatkit_migrations`), DATABASE_CHECK_MS);
    const applied = new Set(rows.map((r) => r.name));
    const missing = MIGRATIONS.filter((m) => !applied.has(m.name)).map((m) => m.name);
    if (missing.length) checks.migrations = `not applied: ${missing.join(', ')}`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    checks.database = `unreachable: ${message.slice(0, 200)}`;
    checks.migrations = 'skipped';
  }
  const { intervalMs, lastRunAt, startedAt } = input.jobs;
  if (intervalMs === 0) checks.scheduler = 'off';
  else {
    const since = now.getTime() - (lastRunAt ?? startedAt).getTime();
    if (since > 3 * intervalMs + 1_000) checks.scheduler = `no run finished for ${Math.round(since / 1000)} s (interval ${intervalMs} ms)`;
  }
  const ready = Object.values(checks).every((c) => c === 'ok' || c === 'off');
  return { ready, checks };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
