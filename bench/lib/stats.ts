import { performance } from 'node:perf_hooks';

/** Latency figures of a series of samples, in milliseconds. */
export interface Latency {
  n: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export function summarize(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { n: s.length, min: r2(s[0] ?? NaN), mean: r2(mean), p50: r2(percentile(s, 50)), p95: r2(percentile(s, 95)), p99: r2(percentile(s, 99)), max: r2(s[s.length - 1] ?? NaN) };
}

/**
 * Times `run` sequentially: `warmup` untimed calls, then `samples` timed ones. Each call gets its
 * index, so callers can rotate through inputs. `check` sees every result and throws on a wrong answer.
 */
export async function timeSeries<T>(
  warmup: number,
  samples: number,
  run: (i: number) => Promise<T>,
  check?: (result: T, i: number) => void,
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) check?.(await run(i), i);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const result = await run(warmup + i);
    times.push(performance.now() - t0);
    check?.(result, warmup + i);
  }
  return summarize(times);
}

/** Runs `work` over `items`, `limit` at a time, timing each; results in item order. */
export async function timedPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<{ results: R[]; times: number[]; wallMs: number }> {
  const results = new Array<R>(items.length);
  const times = new Array<number>(items.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const t0 = performance.now();
      results[i] = await work(items[i] as T);
      times[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return { results, times, wallMs: performance.now() - started };
}
