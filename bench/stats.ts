/** Small measuring tools for the benchmark: percentiles, a fixed-concurrency pool, a steady request rate. */
import { performance } from 'node:perf_hooks';

/** The `p`-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds that `task` takes. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/** Runs `task(0..count-1)` with at most `concurrency` at once; answers the seconds it took. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Starts `task(i)` every 1/`perSecond` s, `count` times (open loop), and answers each one's latency in ms. */
export async function steadyRate(
  count: number,
  perSecond: number,
  task: (i: number) => Promise<unknown>,
): Promise<number[]> {
  const latencies: Promise<number>[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    latencies.push(timed(() => task(i)));
  }
  return Promise.all(latencies);
}

/** Rounds for a report: 3 significant digits. */
export function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(3)) : value;
}
