// Timing helpers for the benchmarks: every loop is bounded both in iterations and in wall time,
// so a slow machine yields fewer samples instead of a bench that never ends.
import { performance } from 'node:perf_hooks';

export interface Summary {
  /** Samples taken (after warm-up). */
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
  };
}

export const round = (ms: number, digits = 2) => Math.round(ms * 10 ** digits) / 10 ** digits;

export interface SampleOptions {
  /** Untimed runs first (JIT, plan cache, connection pool). */
  warmup?: number;
  /** At most this many timed runs… */
  iterations: number;
  /** …and no more once this much wall time has gone by (at least 5 samples are still taken). */
  maxMs: number;
}

/** Times `fn` sequentially; returns the milliseconds of each run. */
export async function sample(fn: () => Promise<unknown>, { warmup = 3, iterations, maxMs }: SampleOptions): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const deadline = performance.now() + maxMs;
  while (samples.length < iterations && (samples.length < 5 || performance.now() < deadline)) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Times two functions in alternation (a, b, b, a, a, b…) so that drift of the machine (GC, other
 * processes, a warming cache) hits both equally: the ratio of their medians is then meaningful.
 */
export async function sampleInterleaved(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  { warmup = 5, iterations, maxMs }: SampleOptions,
): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const out = { a: [] as number[], b: [] as number[] };
  const deadline = performance.now() + maxMs;
  for (let i = 0; i < iterations && (i < 5 || performance.now() < deadline); i++) {
    const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const which of order) {
      const fn = which === 'a' ? a : b;
      const start = performance.now();
      await fn();
      out[which].push(performance.now() - start);
    }
  }
  return out;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: round(performance.now() - start), value };
}

/** Rejects if `promise` takes longer than `ms`: a hung step must not hang the whole bench. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]);
}
