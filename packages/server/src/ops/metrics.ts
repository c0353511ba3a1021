import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/database.js';
import type { PgDatabase } from '../db/pg.js';
import type { RequestEvent } from '../server.js';

/** Latency buckets in seconds: a read takes milliseconds, a bulk call or a lock wait may take seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface OpsMetrics {
  readonly registry: Registry;
  /** Counts an answered request. */
  observe(event: RequestEvent): void;
  /** Requests being answered now. */
  readonly inFlight: Gauge;
  /** The text exposition, after reading the pool, the outbox and the jobs' stamps. */
  render(): Promise<{ contentType: string; body: string }>;
}

/**
 * The Prometheus metrics of one server (a registry of its own, so several servers in one process do not mix):
 * requests by route, method and status with latency, the pool, the outbox backlog and lag, each job's last run, and
 * Node's process metrics. Database figures are read at scrape time (two small queries).
 */
export function createOpsMetrics(database: Database, now: () => Date = () => new Date()): OpsMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['route', 'method', 'code'] as const;
  const requests = new Counter({ name: 'seatkit_http_requests_total', help: 'Answered HTTP requests, by route template, method and status code', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'seatkit_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template, method and status code',
    labelNames,
    buckets: BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({ name: 'seatkit_http_requests_in_flight', help: 'HTTP requests being answered', registers: [registry] });
  const pool = new Gauge({
    name: 'seatkit_db_pool_connections',
    help: 'Postgres pool: connections open (total), in use, idle, the cap (max), and requests waiting for a connection (waiting)',
    labelNames: ['state'] as const,
    registers: [registry],
  });
  new Gauge({ name: 'seatkit_db_info', help: 'The database adapter (pg, pglite)', labelNames: ['kind'] as const, registers: [registry] }).set({ kind: database.kind }, 1);
  const backlog = new Gauge({ name: 'seatkit_outbox_emails', help: 'Outbox emails not sent yet, by status (pending, sending, failed)', labelNames: ['status'] as const, registers: [registry] });
  const lag = new Gauge({ name: 'seatkit_outbox_oldest_unsent_age_seconds', help: 'Age of the oldest email not sent yet (0 when none)', registers: [registry] });
  const jobAge = new Gauge({ name: 'seatkit_job_last_run_age_seconds', help: 'Seconds since each periodic job last ran on any instance', labelNames: ['job'] as const, registers: [registry] });
  const scrapeErrors = new Counter({ name: 'seatkit_metrics_database_errors_total', help: 'Scrapes whose database figures could not be read', registers: [registry] });

  const stats = (database as Partial<PgDatabase>).poolStats;
  async function readDatabase() {
    if (stats) {
      const s = stats();
      pool.set({ state: 'total' }, s.total);
      pool.set({ state: 'idle' }, s.idle);
      pool.set({ state: 'in_use' }, s.total - s.idle);
      pool.set({ state: 'waiting' }, s.waiting);
      pool.set({ state: 'max' }, s.max);
    }
    try {
      const at = now();
      const outbox = await database.query<{ status: string; n: number; oldest: Date | string | null }>(
        `select status, count(*)::int as n, min(created_at) as oldest from outbox_emails where status <> 'sent' group by status`,
      );
      backlog.reset();
      for (const status of ['pending', 'sending', 'failed']) backlog.set({ status }, 0);
      let oldest: number | null = null;
      for (const row of outbox.rows) {
        backlog.set({ status: row.status }, row.n);
        const t = row.oldest === null ? null : new Date(row.oldest).getTime();
        if (t !== null && (oldest === null || t < oldest)) oldest = t;
      }
      lag.set(oldest === null ? 0 : Math.max(0, (at.getTime() - oldest) / 1000));
      const jobs = await database.query<{ name: string; last_run_at: Date | string }>(`select name, last_run_at from seatkit_jobs`);
      jobAge.reset();
      for (const row of jobs.rows) jobAge.set({ job: row.name }, Math.max(0, (at.getTime() - new Date(row.last_run_at).getTime()) / 1000));
    } catch {
      scrapeErrors.inc();
    }
  }

  return {
    registry,
    inFlight,
    observe(event) {
      // Label values from the client would let anyone grow the series without bound: unknown methods and paths fold.
      const method = METHODS.has(event.method) ? event.method : 'other';
      const labels = { route: event.route ?? 'unmatched', method, code: String(event.status) };
      requests.inc(labels);
      duration.observe(labels, event.durationMs / 1000);
    },
    async render() {
      await readDatabase();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
